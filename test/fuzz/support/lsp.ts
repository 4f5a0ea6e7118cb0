// LSP helpers of the fuzz suite, over the shared stdio test client (test/lsp/client.ts): time
// budgets, diagnostics in a comparable form, and the server's own complaints (a handler that
// threw, a rule that failed, a file it could not read), which a fuzz case must never cause.
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { TestClient } from '../../lsp/client';
import { applyChange, rangeIn, snap, type DidChange } from './edits';

/** claims-format.md "Bad input": nothing may stop the server answering; a second is the budget. */
export const BUDGET_MS = 1000;

export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (the server stalled)`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** What a user sees of a diagnostic: rule, range, message, severity, related locations (the
 *  document's own URI written as "<self>", so two documents of the same text compare equal). */
export function comparable(uri: string, diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({
    code: d.code,
    range: d.range,
    severity: d.severity,
    message: d.message,
    source: d.source,
    related: d.relatedInformation?.map((ri) => ({ uri: ri.location.uri === uri ? '<self>' : ri.location.uri, range: ri.location.range, message: ri.message })),
  }));
}

/** Diagnostics that say the server itself failed (a rule threw, the reader threw). */
export function internalFailures(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => /failed internally|could not read this file/.test(d.message));
}

/** Log lines that say a handler threw or an exception escaped (main.ts guard / process handlers). */
export function serverComplaints(client: TestClient): string[] {
  return client.logs.filter((l) => /failed|uncaught|unhandled|exception/i.test(l) && !/slow lint/.test(l));
}

/** Send one didChange (offset changes) and return the text after it. */
export function sendChange(client: TestClient, uri: string, text: string, change: DidChange): string {
  let t = text;
  const lsp = change.map((c) => {
    // No LSP position lies between the CR and LF of a line end (nor inside a surrogate pair): an
    // earlier change of the same notification can make one where this change was placed, so it
    // is placed where an editor's cursor can be, for the client and for the fuzzer's text alike.
    const start = snap(t, c.start);
    const placed = { ...c, start, end: Math.max(start, snap(t, c.end)) };
    const range = rangeIn(t, placed.start, placed.end);
    t = applyChange(t, placed);
    return { range, text: c.text };
  });
  client.change(uri, lsp);
  return t;
}
