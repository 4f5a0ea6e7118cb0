// The store of findings waiting for their turn (cli/ordered-spool.ts): what goes in comes out
// whole, in document order (start, end, group, then arrival), and the temporary file goes away.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import { OrderedSpool } from '../../server/src/cli/ordered-spool';
import { rng } from '../helpers/seeded';

function spoolDirs(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('infusion-claims-spool-'));
}

describe('CLI: findings waiting in order (OrderedSpool)', () => {
  it('hands on every text whole, in order of start, end, group and arrival: finding by finding, then the rest joined', () => {
    const r = rng(7);
    const spool = new OrderedSpool();
    const added: Array<{ start: number; end: number; group: number; seq: number; text: string }> = [];
    try {
      for (let i = 0; i < 3000; i++) {
        const start = Math.floor(r() * 200);
        const end = start + Math.floor(r() * 3);
        const group = Math.floor(r() * 4) - 1;
        // Non-ASCII, line ends, and now and then a text bigger than the write buffer.
        const text = i % 500 === 7 ? `big ${i} ${'é'.repeat(70_000)}\n` : `f${i} Café ✓ ${start}:${end}\r\n`;
        added.push({ start, end, group, seq: i, text });
        spool.add(start, end, group, text);
      }
      assert.strictEqual(spool.size, 3000);
      const expected = [...added]
        .sort((a, b) => a.start - b.start || a.end - b.end || a.group - b.group || a.seq - b.seq)
        .map((x) => x.text);
      const got: string[] = [];
      spool.takeBefore(100, (t) => got.push(t));
      assert.deepStrictEqual(got, expected.slice(0, added.filter((x) => x.start < 100).length), 'the findings before the frontier, in order');
      spool.takeBefore(100, (t) => got.push(t));
      assert.strictEqual(got.length, added.filter((x) => x.start < 100).length, 'nothing more before the frontier');
      // The rest as one text, in pieces cut anywhere between characters (never inside é or ✓).
      const pieces: string[] = [];
      spool.takeAllJoined((t) => pieces.push(t));
      assert.ok(pieces.length > 1 && pieces.every((t) => !t.includes('\ufffd')), 'several pieces, each whole characters');
      assert.strictEqual(pieces.join(''), expected.slice(got.length).join(''), 'then the rest, each once, in order');
    } finally {
      spool.close();
    }
  });

  it('its temporary file has no name even while in use, so a run stopped by Ctrl-C leaves none', () => {
    const before = spoolDirs();
    const spool = new OrderedSpool();
    spool.add(0, 1, 0, 'x');
    assert.deepStrictEqual(spoolDirs(), before, 'nothing to find in the temporary folder while in use');
    const out: string[] = [];
    spool.takeAllJoined((t) => out.push(t));
    assert.strictEqual(out.join(''), 'x', 'still read back through its descriptor');
    spool.close();
    assert.deepStrictEqual(spoolDirs(), before);
  });
});
