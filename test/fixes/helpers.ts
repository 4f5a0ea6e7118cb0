// Shared helpers for the fix-primitive tests: parse, run a primitive on one line, apply its edits.
import * as assert from 'assert';
import { parseDocument } from '../../server/src/parse';
import { applyEdits } from '../../server/src/fixes/apply';
import type { ClaimDocument, ServiceLine } from '../../server/src/model';
import type { TextEdit } from '../../server/src/rules/types';

export function parse(text: string, format: 'csv' | 'json'): ClaimDocument {
  return parseDocument(text, format);
}

/** Run `primitive` on line `index` of `text` and return the edited text. */
export function edited(text: string, format: 'csv' | 'json', index: number, primitive: (doc: ClaimDocument, line: ServiceLine) => readonly TextEdit[]): string {
  const doc = parseDocument(text, format);
  const line = doc.lines[index];
  assert.ok(line, `no line ${index} in the test input (parsed ${doc.lines.length})`);
  const edits = primitive(doc, line);
  assert.ok(edits.length > 0, 'the primitive offered no edits');
  assertCleanEdits(edits);
  return applyEdits(text, edits);
}

/** The re-parsed file's line `index`, after the edit: no parse problems allowed. */
export function reparsed(text: string, format: 'csv' | 'json', index: number): ServiceLine {
  const doc = parseDocument(text, format);
  assert.deepStrictEqual(doc.problems.map((p) => p.message), [], 'the edited file has parse problems');
  const line = doc.lines[index];
  assert.ok(line, `no line ${index} after the edit`);
  return line;
}

/** What an LSP client needs: no overlap, and never two edits at one insertion point. */
export function assertCleanEdits(edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const e = sorted[i]!;
    assert.ok(prev.end <= e.start, `edits overlap: ${JSON.stringify([prev, e])}`);
    assert.ok(!(prev.end === e.start && (prev.start === prev.end || e.start === e.end)), `edits touch at an insertion point: ${JSON.stringify([prev, e])}`);
  }
}
