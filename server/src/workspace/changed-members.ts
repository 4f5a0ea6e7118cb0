// Which members' lines a new reading of a file changed. The workspace index tells whoever re-lints
// other files (Lint Workspace's closed files) only these members, so a keystroke in one cell of an
// open document re-lints the files that share that line's member, not every file sharing any of
// the document's members.
import type { PackedLines } from './compact-line';

/**
 * The members with lines between the first and the last line that differ (by value:
 * PackedLines.sameValues) between two readings of one file, on either side; lines before and after
 * those are compared in file order, so a row typed into, added or removed changes its own member.
 *
 * `moved`: the file's line count changed, so the lines after the change are on other lines now,
 * and related information elsewhere that points at them must be made again: every member with a
 * line from the first one the change reached (its value or its offset differs) to the end counts.
 */
export function changedMembers(before: PackedLines, after: PackedLines, moved: boolean): Set<string> {
  const shortest = Math.min(before.length, after.length);
  let first = 0;
  while (first < shortest && before.sameValues(first, after, first) && (!moved || before.start(first) === after.start(first))) first++;
  let tail = 0;
  if (!moved) {
    while (tail < shortest - first && before.sameValues(before.length - 1 - tail, after, after.length - 1 - tail)) tail++;
  }
  const members = new Set<string>();
  for (let i = first; i < before.length - tail; i++) members.add(before.memberId(i));
  for (let i = first; i < after.length - tail; i++) members.add(after.memberId(i));
  return members;
}
