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

/** Pick fixes whose edits do not overlap any already picked (first come, first kept), as fix-all does. */
export function nonOverlappingEdits(fixes: readonly Fix[]): TextEdit[] {
  const picked: TextEdit[] = [];
  for (const fix of fixes) {
    const clash = fix.edits.some((e) => picked.some((p) => e.start < p.end && p.start < e.end || (e.start === e.end && e.start === p.start)));
    if (!clash) picked.push(...fix.edits);
  }
  return picked;
}
