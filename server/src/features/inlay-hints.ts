// Inlay hints: each code's short descriptor written after it, so a claim file reads without
// hovering cell after cell (`J2185 Meropenem`); with `all`, each modifier's and NDC's too
// (`SH 2nd concurrent infusion ther`, `00143-9431-10 Meropenem · J2185`). Descriptors come from
// the compiled CMS files (the policies for 99601/99602), like hover's; a code or modifier not valid
// on the line's dates of service says so (`Vancomycin hcl injection (terminated 2025-06-30)`), as
// completion's detail does, so it never reads as a valid one. Answered for a range from
// the kept analysis: a binary search to its first line, then the lines in it.
import { loadCodeSet } from '../codes/codeset';
import { parseNdc } from '../codes/ndc';
import type { CodeSet, HcpcsCode, ModifierInfo } from '../codes/types';
import { validityNote } from '../codes/validity';
import type { ClaimDocument, Modifier, ServiceLine, Span } from '../model';
import { lastWrittenDayOf } from '../rules/util/same-day';
import type { InlayHintEntry } from './types';

/** Lines answered per request at most. An editor asks for what is on screen; a client that asks
 *  for a whole 100k-line file gets its first lines' hints, not a response of megabytes. */
export const MAX_HINT_LINES = 2_000;

/** Index of the first line whose span ends at or after `offset` (lines are in file order). */
function firstLineFrom(lines: readonly ServiceLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].span.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a hint after text ending at `end` goes: after the closing quote when one follows (a
 *  quoted CSV cell, or the last code of a quoted list), so it never sits inside the quotes. */
function after(text: string, end: number): number {
  return text.charCodeAt(end) === 0x22 /* " */ ? end + 1 : end;
}

/** The hint of a code or modifier: its descriptors, and (as completion's detail says it) when it
 *  is not valid on the line's dates of service, so a terminated code never reads as a valid one. */
function entryHint(offset: number, entry: HcpcsCode | ModifierInfo, line: ServiceLine): InlayHintEntry {
  const note = validityNote(entry, line.dosFrom, line.dosFrom === undefined ? undefined : lastWrittenDayOf(line.dosFrom, line.dosTo));
  return { offset, label: `${entry.short}${note}`, tooltip: `${entry.code}: ${entry.long}${note}` };
}

function codeHint(codes: CodeSet, doc: ClaimDocument, line: ServiceLine): InlayHintEntry | undefined {
  const field = line.fields.hcpcs;
  if (!field || line.hcpcs === '') return undefined;
  const entry = codes.code(line.hcpcs);
  return entry && entryHint(after(doc.text, field.span.end), entry, line);
}

function modifierHint(codes: CodeSet, doc: ClaimDocument, line: ServiceLine, m: Modifier): InlayHintEntry | undefined {
  const info = codes.modifier(m.code);
  return info && entryHint(after(doc.text, m.span.end), info, line);
}

/** The crosswalk's drug and the code(s) it is billed under: `Meropenem · J2185`. */
function ndcHint(codes: CodeSet, doc: ClaimDocument, line: ServiceLine): InlayHintEntry | undefined {
  const field = line.fields.ndc;
  if (!field || line.ndc === '') return undefined;
  const ndc11 = parseNdc(line.ndc).ndc11;
  const entries = ndc11 ? codes.ndc(ndc11) : [];
  if (entries.length === 0) return undefined;
  const hcpcs = [...new Set(entries.map((e) => e.hcpcs))].join(', ');
  const e = entries[0];
  return { offset: after(doc.text, field.span.end), label: `${e.drug} · ${hcpcs}`, tooltip: `NDC ${e.ndcDashed}: ${e.drug} ${e.dosage}, ${e.labeler}` };
}

/** What gets a hint: the procedure codes only (the default: one hint a line), or also each
 *  modifier and each NDC's product. */
export type HintedValues = 'codes' | 'all';

/** The hints of the lines in `range`, in document order. */
export function inlayHints(doc: ClaimDocument, range: Span, values: HintedValues): InlayHintEntry[] {
  const codes = loadCodeSet();
  const lines = doc.lines;
  const out: InlayHintEntry[] = [];
  // A JSON claim's own fields (its modifiers, say) are every line's: hinted once.
  const seen = new Set<number>();
  const first = firstLineFrom(lines, range.start);
  const last = Math.min(lines.length, first + MAX_HINT_LINES);
  const add = (h: InlayHintEntry | undefined): void => {
    if (!h || h.offset < range.start || h.offset > range.end || seen.has(h.offset)) return;
    seen.add(h.offset);
    out.push(h);
  };
  for (let i = first; i < last && lines[i].span.start <= range.end; i++) {
    const line = lines[i];
    add(codeHint(codes, doc, line));
    if (values === 'codes') continue;
    for (const m of line.modifiers) add(modifierHint(codes, doc, line, m));
    add(ndcHint(codes, doc, line));
  }
  // Columns and keys come in any order, and a claim's fields sit before or after its lines.
  out.sort((a, b) => a.offset - b.offset);
  return out;
}
