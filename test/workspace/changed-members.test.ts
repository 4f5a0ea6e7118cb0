// Which members a new reading of a file changed (workspace/changed-members.ts): the workspace index
// re-lints only the closed files that share them, so this must never miss a member whose lines, or
// their places in a file that gained or lost lines, changed.
import * as assert from 'assert';
import { parseDocument } from '../../server/src/parse';
import { PackedLines } from '../../server/src/workspace/compact-line';
import { changedMembers } from '../../server/src/workspace/changed-members';
import { isKept } from '../../server/src/workspace/member-lines';
import { LineStarts } from '../../server/src/lsp/line-starts';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,modifiers,units,charge,notes';
const ROWS = [
  'C1,M1,medicare,PA1,2026-03-02,12,S9502,,1,250.00,',
  'C2,M2,medicare,PA2,2026-03-02,12,S9500,SH,1,250.00,',
  'C3,M3,medicare,PA3,2026-03-03,12,99601,,1,150.00,',
  'C4,M4,medicare,PA4,2026-03-04,12,99601,,1,150.00,',
];
const text = (rows: readonly string[]): string => [HEAD, ...rows].join('\n') + '\n';
const pack = (t: string): PackedLines => PackedLines.of(parseDocument(t, 'csv').lines.filter(isKept));

/** The members changed from `before` to `after`, the line counts compared as the index does. */
function changed(before: string, after: string): string[] {
  const moved = LineStarts.countLines(before) !== LineStarts.countLines(after);
  return [...changedMembers(pack(before), pack(after), moved)].sort();
}

const edit = (i: number, from: string, to: string): string[] => ROWS.map((r, k) => (k === i ? r.replace(from, to) : r));

describe('changed members (what a new reading of a file changed)', () => {
  it('the same text, or text no line holds (a note): none', () => {
    assert.deepStrictEqual(changed(text(ROWS), text(ROWS)), []);
    assert.deepStrictEqual(changed(text(ROWS), text(edit(1, ',250.00,', ',250.00,a note typed in'))), []);
  });

  it('a value typed into one line: that line\'s member alone, whatever moved after it in the line', () => {
    assert.deepStrictEqual(changed(text(ROWS), text(edit(1, ',1,250.00', ',12,250.00'))), ['M2']);
    assert.deepStrictEqual(changed(text(ROWS), text(edit(0, '2026-03-02', '2026-03-12'))), ['M1']);
    assert.deepStrictEqual(changed(text(ROWS), text(edit(1, ',SH,', ',SJ,'))), ['M2']);
    assert.deepStrictEqual(changed(text(ROWS), text(edit(3, 'PA4', 'PA44'))), ['M4']);
  });

  it('a member id edited into another: both members', () => {
    assert.deepStrictEqual(changed(text(ROWS), text(edit(2, ',M3,', ',M1,'))), ['M1', 'M3']);
  });

  it('a line added or removed: its member and every member after it (their lines moved)', () => {
    const added = [...ROWS.slice(0, 2), 'C5,M5,medicare,PA5,2026-03-05,12,99601,,1,150.00,', ...ROWS.slice(2)];
    assert.deepStrictEqual(changed(text(ROWS), text(added)), ['M3', 'M4', 'M5']);
    assert.deepStrictEqual(changed(text(added), text(ROWS)), ['M3', 'M4', 'M5']);
    // A blank line: no line's values changed, but the lines after it are one line further down.
    const blank = [...ROWS.slice(0, 3), '', ROWS[3]];
    assert.deepStrictEqual(changed(text(ROWS), text(blank)), ['M4']);
  });

  it('a line moved within the file: the members of the lines between', () => {
    const swapped = [ROWS[0], ROWS[2], ROWS[1], ROWS[3]];
    assert.deepStrictEqual(changed(text(ROWS), text(swapped)), ['M2', 'M3']);
  });
});
