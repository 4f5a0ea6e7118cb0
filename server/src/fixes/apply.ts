// Applying offset edits to text: used by the CLI's --fix, by tests, and by fix-all.
import type { Fix, TextEdit } from '../rules/types';

/** Apply non-overlapping edits (any order) to text. Overlapping edits throw: a fix bug, not user input. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** The first index of `sorted` (by start) whose start is >= x. */
function firstFrom(sorted: readonly TextEdit[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether e overlaps a picked edit (or is an insertion where one starts). The picked edits of
 *  different fixes never overlap, so only the neighbours of e's position need a look. */
function clashes(sorted: readonly TextEdit[], e: TextEdit): boolean {
  if (e.start === e.end) {
    const at = firstFrom(sorted, e.start);
    if (at < sorted.length && sorted[at].start === e.start) return true;
  }
  for (let i = firstFrom(sorted, e.end) - 1; i >= 0; i--) {
    const p = sorted[i];
    if (p.end <= e.start && p.start < e.start) return false;
    if (e.start < p.end && p.start < e.end) return true;
  }
  return false;
}

/** Pick fixes whose edits do not overlap any already picked (first come, first kept), as fix-all does. */
export function nonOverlappingEdits(fixes: readonly Fix[]): TextEdit[] {
  const picked: TextEdit[] = [];
  /** The picked edits by start: fix-all over thousands of fixes must not compare every pair. */
  const sorted: TextEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((e) => clashes(sorted, e))) continue;
    for (const e of fix.edits) {
      picked.push(e);
      sorted.splice(firstFrom(sorted, e.start + 1), 0, e);
    }
  }
  return picked;
}
