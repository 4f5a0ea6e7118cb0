// Offsets (the engine's language) to LSP positions and shapes. Nothing here parses or lints.
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { Span } from '../model';
import type { Finding, Severity, TextEdit } from '../rules/types';
import { ruleDocUrl, SOURCE } from './protocol';

/** What converts offsets: a TextDocument whose text is the analysed text. */
export interface Positions {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** Identifies the finding behind a diagnostic, so a code action comes from the finding itself:
 *  its index in the analysis (code-actions.ts checks that the finding there has the diagnostic's
 *  rule and range). No uri and no version: a code action request names its document, and an edit
 *  republishes most diagnostics unchanged, as the same objects, whose encoding is kept
 *  (stdio-writer.ts); the uri alone was a tenth of a big file's diagnostics message. */
export interface DiagnosticData {
  readonly index: number;
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  const d = v as DiagnosticData | undefined;
  return typeof d === 'object' && d !== null && typeof d.index === 'number';
}

export function toRange(pos: Positions, span: Span): Range {
  return { start: pos.positionAt(span.start), end: pos.positionAt(span.end) };
}

export function toLspEdit(pos: Positions, e: TextEdit): LspTextEdit {
  return { range: toRange(pos, e), newText: e.newText };
}

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

/** Positions in another open document, for related information of workspace findings. */
export type OtherDocument = (uri: string) => Positions | undefined;

/** The diagnostic of a finding in the document `uri`. */
export function toDiagnostic(
  finding: Finding, pos: Positions, uri: string, data: DiagnosticData, other: OtherDocument = () => undefined,
): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(pos, finding.span),
    severity: toLspSeverity(finding.severity),
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    message: finding.message,
    data,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => {
      const target = r.uri && r.uri !== uri ? other(r.uri) : pos;
      // An unopened file's text is not at hand: point at its start rather than guess.
      const range = target ? toRange(target, r.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return { location: { uri: r.uri ?? uri, range }, message: r.message };
    });
  }
  return diagnostic;
}

/** p is at or before q. */
export function notAfter(p: Position, q: Position): boolean {
  return p.line < q.line || (p.line === q.line && p.character <= q.character);
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}
