// Normalising a fix's edit list for clients: sorted, and never two edits at one insertion point
// (LSP applies same-position inserts in array order, which is easy to get wrong).
import type { TextEdit } from '../rules/types';

/** Merge edits that touch at an insertion point, so no two edits insert at the same offset. */
export function mergeTouching(edits: readonly TextEdit[]): TextEdit[] {
  if (edits.length < 2) return [...edits]; // most fixes are one edit: nothing to sort or merge
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i).map((x) => x.e);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.end === e.start && (prev.start === prev.end || e.start === e.end)) {
      out[out.length - 1] = { start: prev.start, end: e.end, newText: prev.newText + e.newText };
    } else out.push(e);
  }
  return out;
}
