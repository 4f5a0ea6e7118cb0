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

  it('reads each group\'s findings through its own window: thousands of groups taken interleaved, some added after a take', () => {
    // Like batches of a big file: each group's findings come together, in order, and document
    // order takes them a few from each group in turn; more groups than windows are kept.
    const groups = 5000;
    const spool = new OrderedSpool();
    const expected: string[] = [];
    const got: string[] = [];
    try {
      const add = (g: number, k: number): void => spool.add(k * groups + g, k * groups + g, g, `g${g}k${k}${'·'.repeat((g * 7 + k) % 40)}\n`);
      for (let g = 0; g < groups; g++) for (let k = 0; k < 3; k++) add(g, k);
      spool.takeBefore(groups, (t) => got.push(t)); // every group's first finding: a window each
      for (let g = 0; g < groups; g += 2) add(g, 3); // more for half the groups, after their windows were read
      for (let k = 0; k < 4; k++) for (let g = 0; g < groups; g++) if (k < 3 || g % 2 === 0) expected.push(`g${g}k${k}${'·'.repeat((g * 7 + k) % 40)}\n`);
      spool.takeAllJoined((t) => got.push(t));
      assert.strictEqual(got.join(''), expected.join(''));
    } finally {
      spool.close();
    }
  });

  it('hands on the rest as UTF-8 bytes in pieces cut anywhere, each piece a buffer of its own', () => {
    const spool = new OrderedSpool();
    const texts: string[] = [];
    try {
      // The first piece ends 64 KB in, inside the second text's 40,000th é (bytes 65535-65536).
      texts.push('x', `${'é'.repeat(40_000)}\n`);
      for (let i = 0; i < 2000; i++) texts.push(`f${i} Café ✓ ${'é'.repeat(i % 50)}\n`);
      texts.forEach((t, i) => spool.add(i, i, 0, t));
      const pieces: Buffer[] = [];
      spool.takeAllBytes((b) => pieces.push(b) < 0); // kept, not copied: not done with them
      assert.ok(pieces.length > 1, 'several pieces');
      // Kept pieces are not written over by the later ones.
      assert.ok(Buffer.concat(pieces).equals(Buffer.from(texts.join(''), 'utf8')), 'every text once, in order, as its UTF-8');
      assert.ok(pieces.some((b) => b.toString('utf8').includes('\ufffd')), 'some piece was cut inside a character (bytes, not text)');
      // A receiver done with each piece (copied it): the same bytes, through one buffer.
      const again = new OrderedSpool();
      try {
        texts.forEach((t, i) => again.add(i, i, 0, t));
        const copies: Buffer[] = [];
        const buffers = new Set<ArrayBuffer>();
        again.takeAllBytes((b) => { copies.push(Buffer.from(b)); buffers.add(b.buffer as ArrayBuffer); return true; });
        assert.ok(Buffer.concat(copies).equals(Buffer.concat(pieces)));
        assert.strictEqual(buffers.size, 1, 'the buffer is used again');
      } finally {
        again.close();
      }
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
