// Document symbols: each claim (member, dates, line count, total charge), then its lines (code,
// descriptor). The outline of a claim file as a billing analyst reads it.
import { loadCodeSet } from '../codes/codeset';
import { isoDay } from '../codes/validity';
import type { Claim, ClaimDocument, LinelessClaim, ServiceLine, Span } from '../model';
import { datesOfService } from '../rules/util/same-day';
import type { SymbolEntry } from './types';

const inside = (outer: Span, inner: Span | undefined): inner is Span =>
  !!inner && inner.start >= outer.start && inner.end <= outer.end;

function dates(lines: readonly ServiceLine[]): string {
  const span = datesOfService(lines);
  if (!span) return '';
  return span.from === span.to ? isoDay(span.from) : `${isoDay(span.from)} – ${isoDay(span.to)}`;
}

/** Sum in whole cents, so 0.1 + 0.2 shows as $0.30. */
function totalCharge(lines: readonly ServiceLine[]): string {
  let cents = 0;
  let any = false;
  for (const l of lines) {
    if (l.charge === undefined) continue;
    cents += Math.round(l.charge * 100);
    any = true;
  }
  return any ? `$${(cents / 100).toFixed(2)}` : '';
}

function lineSymbol(line: ServiceLine): SymbolEntry {
  const code = line.hcpcs || '(no code)';
  const mods = line.modifiers.map((m) => m.code).join(' ');
  const descriptor = line.hcpcs ? loadCodeSet().code(line.hcpcs)?.short : undefined;
  const units = line.units === undefined ? '' : `${line.units} unit${line.units === 1 ? '' : 's'}`;
  const day = line.dosFrom === undefined ? '' : isoDay(line.dosFrom);
  return {
    name: mods ? `${code} ${mods}` : code,
    detail: [descriptor, units, day].filter(Boolean).join(' · '),
    kind: 'line',
    span: line.span,
    selectionSpan: inside(line.span, line.fields.hcpcs?.span) ? line.fields.hcpcs!.span : line.span,
  };
}

/** A claim's lines in runs of lines next to each other in the file (one run, usually). */
function runsOf(lines: readonly ServiceLine[]): ServiceLine[][] {
  const runs: ServiceLine[][] = [];
  for (const line of lines) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].index + 1 === line.index) run.push(line);
    else runs.push([line]);
  }
  return runs;
}

function claimEntry(claim: Claim, lines: readonly ServiceLine[], span: Span, part: string): SymbolEntry {
  const first = lines[0];
  const member = first?.memberId ? `member ${first.memberId}` : '';
  const count = `${lines.length} line${lines.length === 1 ? '' : 's'}`;
  const idSpan = first?.fields.claim_id?.span;
  return {
    name: claim.id || '(no claim id)',
    detail: [member, dates(lines), count, totalCharge(lines), part].filter(Boolean).join(' · '),
    kind: 'claim',
    span,
    selectionSpan: inside(span, idSpan) ? idSpan : { start: span.start, end: span.start },
    children: lines.map(lineSymbol),
  };
}

/**
 * A claim's entries: one, or one per run when other claims' lines sit between its lines (rows
 * of a CSV export interleaved, or JSON objects of one claim_id apart), so that no entry's range
 * holds another claim's lines and the outline, breadcrumbs and sticky scroll name the right one.
 */
function claimSymbols(claim: Claim): SymbolEntry[] {
  const runs = runsOf(claim.lines);
  if (runs.length <= 1) return [claimEntry(claim, claim.lines, claim.span, '')];
  return runs.map((run, k) =>
    claimEntry(claim, run, { start: run[0].span.start, end: run[run.length - 1].span.end }, `part ${k + 1} of ${runs.length}`));
}

function linelessSymbol(claim: LinelessClaim): SymbolEntry {
  return {
    name: claim.id || '(no claim id)',
    detail: [claim.memberId && `member ${claim.memberId}`, 'no lines'].filter(Boolean).join(' · '),
    kind: 'claim',
    span: claim.span,
    selectionSpan: inside(claim.span, claim.idSpan) ? claim.idSpan : { start: claim.span.start, end: claim.span.start },
    children: [],
  };
}

export function documentSymbols(doc: ClaimDocument): SymbolEntry[] {
  // In file order: a claim's later parts, and a JSON claim without lines (`"lines": []`, still a
  // claim of the file), among the others.
  const symbols = [...doc.claims.flatMap(claimSymbols), ...(doc.json?.linelessClaims ?? []).map(linelessSymbol)];
  return symbols.sort((a, b) => a.span.start - b.span.start);
}
