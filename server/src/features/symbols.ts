// Document symbols: each claim (member, dates, line count, total charge), then its lines (code,
// descriptor). The outline of a claim file as a billing analyst reads it.
import { loadCodeSet } from '../codes/codeset';
import { isoDay } from '../codes/validity';
import type { Claim, ClaimDocument, LinelessClaim, ServiceLine, Span } from '../model';
import type { SymbolEntry } from './types';

const inside = (outer: Span, inner: Span | undefined): inner is Span =>
  !!inner && inner.start >= outer.start && inner.end <= outer.end;

function dates(lines: readonly ServiceLine[]): string {
  let from: number | undefined;
  let to: number | undefined;
  for (const l of lines) {
    if (l.dosFrom === undefined) continue;
    const end = Math.max(l.dosTo ?? l.dosFrom, l.dosFrom);
    from = from === undefined ? l.dosFrom : Math.min(from, l.dosFrom);
    to = to === undefined ? end : Math.max(to, end);
  }
  if (from === undefined || to === undefined) return '';
  return from === to ? isoDay(from) : `${isoDay(from)} – ${isoDay(to)}`;
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

function claimSymbol(claim: Claim): SymbolEntry {
  const first = claim.lines[0];
  const member = first?.memberId ? `member ${first.memberId}` : '';
  const count = `${claim.lines.length} line${claim.lines.length === 1 ? '' : 's'}`;
  const idSpan = first?.fields.claim_id?.span;
  return {
    name: claim.id || '(no claim id)',
    detail: [member, dates(claim.lines), count, totalCharge(claim.lines)].filter(Boolean).join(' · '),
    kind: 'claim',
    span: claim.span,
    selectionSpan: inside(claim.span, idSpan) ? idSpan : { start: claim.span.start, end: claim.span.start },
    children: claim.lines.map(lineSymbol),
  };
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
  const symbols = doc.claims.map(claimSymbol);
  const lineless = doc.json?.linelessClaims ?? [];
  if (lineless.length === 0) return symbols;
  // A JSON claim without lines (`"lines": []`) is still a claim of the file: in file order.
  return [...symbols, ...lineless.map(linelessSymbol)].sort((a, b) => a.span.start - b.span.start);
}
