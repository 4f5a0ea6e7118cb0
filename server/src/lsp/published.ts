// Which findings a document's diagnostics show: at most `infusionClaims.maxNumberOfProblems`.
// VS Code shows no more than 1,000 diagnostics per file anyway (the extension host keeps the
// errors first, then the warnings, and says how many it left out); every one sent beyond that is
// encoded, piped and decoded for nothing. A half-broken file has tens of thousands (50,000
// unterminated JSON strings: a 17 MB message, over a second from open to diagnostics). So the
// server picks them as VS Code would, errors first, then warnings, then info, each in document
// order, and adds one information diagnostic saying how many more there are. Every finding is
// still checked and counted (status item, fix all, the CLI).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../rules/types';
import { SOURCE } from './protocol';
import { toRange, type Positions } from './convert';

/** VS Code's own per-file limit. */
export const DEFAULT_MAX_PROBLEMS = 1000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Per finding, whether its diagnostic is published: all of them when there are at most `max`,
 * else the first `max` by severity (errors, warnings, info), each severity in document order.
 */
export function shownFindings(findings: readonly Finding[], max: number): Uint8Array | undefined {
  if (findings.length <= max) return undefined;
  const counts = [0, 0, 0];
  for (const f of findings) counts[RANK[f.severity]]++;
  // The lowest severity rank that is shown only in part, and how many of it fit.
  let left = max;
  let partRank = 0;
  while (partRank < 2 && counts[partRank] <= left) left -= counts[partRank++];
  const shown = new Uint8Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const r = RANK[findings[i].severity];
    if (r < partRank || (r === partRank && left-- > 0)) shown[i] = 1;
  }
  return shown;
}

/** 12345 → "12,345", as toLocaleString('en-US') writes it: whose first call sets up ICU's number
 *  formatting, 20 ms of the first big file's open. */
export function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The information diagnostic standing for the findings not shown, at the first of them. */
export function notShownDiagnostic(findings: readonly Finding[], shown: Uint8Array, max: number, pos: Positions): Diagnostic {
  const first = shown.indexOf(0);
  const hidden = findings.length - max;
  return {
    range: toRange(pos, findings[first].span),
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: `Not showing ${withCommas(hidden)} further problem${hidden === 1 ? '' : 's'} of this file `
      + `(${withCommas(findings.length)} in all; infusionClaims.maxNumberOfProblems is ${withCommas(max)}). `
      + 'Fix the ones shown, raise the setting, or run `infusion-claims check` for the full list.',
  };
}

/**
 * What to publish for a document's findings: per finding, its diagnostic (`diagnosticOf`) when
 * shown, else undefined; and the published list, the shown ones in document order and then, when
 * some are not shown, the note saying how many.
 */
export function publishedDiagnostics(
  findings: readonly Finding[], max: number, pos: Positions, diagnosticOf: (f: Finding, index: number) => Diagnostic,
): { byFinding: Array<Diagnostic | undefined>; published: Diagnostic[] } {
  const shown = shownFindings(findings, max);
  const byFinding: Array<Diagnostic | undefined> = new Array(findings.length);
  const published: Diagnostic[] = [];
  findings.forEach((f, index) => {
    if (shown && !shown[index]) return;
    const d = diagnosticOf(f, index);
    byFinding[index] = d;
    published.push(d);
  });
  if (shown) published.push(notShownDiagnostic(findings, shown, max, pos));
  return { byFinding, published };
}
