// Property of `infusion-claims check --fix` (editor.md "The command line": "--fix applies the safe
// fixes in place"; check.ts: "an interrupted run never leaves a half-written claim file"), on a
// folder of random files, run as a user runs it (`node bin/infusion-claims.js check --fix <dir>`):
//  - a file with safe fixes that reads cleanly is replaced as a whole (a new inode: written beside
//    and renamed over, never rewritten in place), keeps its mode, BOM and line ends, still parses,
//    has no safe fix left, and only the fields the safe fixes name changed;
//  - a file that does not parse (broken CSV quoting, broken JSON, random bytes) or is not valid
//    UTF-8 is left byte for byte as it was, mtime and inode included, even when it has safe fixes;
//  - a file with nothing safe to fix is not touched either;
//  - no temporary file is left behind; a second run changes nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../server/src/engine';
import type { FieldName } from '../../server/src/model';
import { cli, removeTempDirs, tempDir } from '../cli/run-cli';
import { latin1Bytes } from './support/bad-inputs';
import { randomClaims } from './support/claims';
import { changesOutside, lineEnds, scopeOf } from './support/fix-check';
import { caseSeed, Random, suiteSeed } from './support/random';
import { renderCsv, renderJson } from './support/render';

const FILES = 36;
const PAST = new Date('2001-02-03T04:05:06Z');

type Kind = 'fixable' | 'broken' | 'not-utf8' | 'bytes' | 'nothing-safe';

interface Planned {
  readonly name: string;
  readonly kind: Kind;
  readonly bytes: Buffer;
}

function format(name: string): 'csv' | 'json' {
  return name.endsWith('.csv') ? 'csv' : 'json';
}

function safeFixesOf(text: string, fmt: 'csv' | 'json') {
  return lintText(text, fmt).findings.flatMap((f) => f.fixes.filter((x) => x.safe));
}

function parses(text: string, fmt: 'csv' | 'json'): boolean {
  return !lintText(text, fmt).findings.some((f) => f.ruleId === 'parse-error');
}

/** A valid random file; with `safe`, one that has at least one safe fix (else none). */
function validFile(r: Random, fmt: 'csv' | 'json', safe: boolean): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const claims = randomClaims(r, r.range(1, 4), safe ? r.pick(['antibiotic', 'milligrams', 'concurrent']) : r.pick(['nursing', 'bundled', 'dateSpan']));
    const text = (fmt === 'csv' ? renderCsv(r, claims) : renderJson(r, claims)).text;
    if (parses(text, fmt) && (safeFixesOf(text, fmt).length > 0) === safe) return text;
  }
  throw new Error(`the generator made no ${safe ? '' : 'un'}fixable ${fmt} file in 200 tries`);
}

/** Break a file so it no longer parses (an unclosed quote, a lost comma or brace). */
function broken(r: Random, text: string, fmt: 'csv' | 'json'): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    let t: string;
    if (fmt === 'csv') {
      const rows = [...text.matchAll(/^C\d+/gm)].map((m) => m.index!);
      const at = rows.length > 0 ? r.pick(rows) : r.int(text.length);
      t = text.slice(0, at) + '"' + text.slice(at);
    } else {
      const marks = [...text.matchAll(/[,}\]]/g)].map((m) => m.index!);
      const at = r.pick(marks);
      t = text.slice(0, at) + text.slice(at + 1);
    }
    if (!parses(t, fmt)) return t;
  }
  throw new Error('could not break the file');
}

function plan(seed: number): Planned[] {
  const out: Planned[] = [];
  for (let n = 0; n < FILES; n++) {
    const r = new Random(caseSeed(seed, 'cli-fix', n));
    const fmt = n % 2 === 0 ? 'csv' : 'json';
    const kind: Kind = (['fixable', 'fixable', 'broken', 'not-utf8', 'bytes', 'nothing-safe'] as const)[n % 6];
    const name = `f${String(n).padStart(2, '0')}-${kind}.claims.${fmt}`;
    let bytes: Buffer;
    switch (kind) {
      case 'fixable': bytes = Buffer.from(validFile(r, fmt, true), 'utf8'); break;
      case 'nothing-safe': bytes = Buffer.from(validFile(r, fmt, false), 'utf8'); break;
      case 'broken': bytes = Buffer.from(broken(r, validFile(r, fmt, true), fmt), 'utf8'); break;
      case 'bytes': bytes = Buffer.from(latin1Bytes(r, r.range(10, 3000)), 'latin1'); break;
      case 'not-utf8': {
        // A fixable file with one byte that is not UTF-8 (a Latin-1 é) in a note or a comment.
        const text = validFile(r, fmt, true);
        const at = fmt === 'csv' ? text.lastIndexOf('\n', text.length - 2) + 1 : text.lastIndexOf('}');
        bytes = Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), Buffer.from(fmt === 'csv' ? '# caf\xe9\n' : '/* caf\xe9 */', 'latin1'), Buffer.from(text.slice(at), 'utf8')]);
        assert.notStrictEqual(bytes.toString('utf8'), text, 'the file is not valid UTF-8');
        break;
      }
    }
    out.push({ name, kind, bytes });
  }
  return out;
}

describe(`fuzz (FUZZ_SEED=${suiteSeed()}): check --fix writes whole files, and only readable ones`, function () {
  this.timeout(120_000);
  const seed = suiteSeed();
  after(() => removeTempDirs());

  it(`${FILES} random files in one run: fixed ones replaced atomically, unreadable ones untouched`, () => {
    const files = plan(seed);
    const dir = tempDir(Object.fromEntries(files.map((f) => [f.name, f.bytes])));
    const before = new Map<string, fs.Stats>();
    for (const f of files) {
      const p = path.join(dir, f.name);
      fs.chmodSync(p, 0o640);
      fs.utimesSync(p, PAST, PAST);
      before.set(f.name, fs.statSync(p));
    }

    const run = cli(['check', '--fix', dir], dir);
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr.slice(0, 1000)}`);

    const where = `(replay with FUZZ_SEED=${seed})`;
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), files.map((f) => f.name).sort(), `no temporary file is left behind ${where}`);
    for (const f of files) {
      const p = path.join(dir, f.name);
      const now = fs.statSync(p);
      const was = before.get(f.name)!;
      const bytes = fs.readFileSync(p);
      if (f.kind !== 'fixable') {
        assert.ok(bytes.equals(f.bytes), `${f.name}: left byte for byte ${where}`);
        assert.strictEqual(now.mtimeMs, was.mtimeMs, `${f.name}: mtime unchanged ${where}`);
        assert.strictEqual(now.ino, was.ino, `${f.name}: same inode ${where}`);
        continue;
      }
      const fmt = format(f.name);
      const old = f.bytes.toString('utf8');
      const text = bytes.toString('utf8');
      assert.notStrictEqual(text, old, `${f.name}: the safe fixes were written ${where}`);
      assert.notStrictEqual(now.ino, was.ino, `${f.name}: replaced by a new file (rename), not rewritten in place ${where}`);
      assert.strictEqual(now.mode & 0o777, 0o640, `${f.name}: mode kept ${where}`);
      assert.ok(parses(text, fmt), `${f.name}: still parses ${where}`);
      assert.deepStrictEqual(safeFixesOf(text, fmt).map((x) => x.title), [], `${f.name}: no safe fix left ${where}`);
      assert.strictEqual(text.startsWith('\uFEFF'), old.startsWith('\uFEFF'), `${f.name}: BOM kept ${where}`);
      const ends = lineEnds(old);
      const endsNow = lineEnds(text);
      assert.ok(!(ends.lf === 0 && endsNow.lf > 0) && !(ends.crlf === 0 && endsNow.crlf > 0), `${f.name}: line ends kept ${where}`);
      const allowed = new Set<FieldName>(safeFixesOf(old, fmt).flatMap((x) => [...scopeOf(x).fields]));
      const changes = changesOutside(lintText(old, fmt).doc, lintText(text, fmt).doc, allowed);
      assert.deepStrictEqual(changes, [], `${f.name}: only ${[...allowed].join(', ')} changed ${where}`);
    }

    // A second run finds nothing safe left to fix: nothing is written.
    const again = new Map(files.map((f) => [f.name, fs.statSync(path.join(dir, f.name))]));
    const second = cli(['check', '--fix', dir], dir);
    assert.ok(second.code === 0 || second.code === 1, `second run exit ${second.code}`);
    for (const f of files) {
      const now = fs.statSync(path.join(dir, f.name));
      assert.strictEqual(now.mtimeMs, again.get(f.name)!.mtimeMs, `${f.name}: untouched by a second --fix ${where}`);
    }
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), files.map((f) => f.name).sort(), 'still no temporary file');
  });
});
