// A lint handed only the other files' lines its own reach (workspace/window.ts) finds exactly
// what it finds handed every line of its members from every other file: the findings, their
// order, messages, related places and fixes. Compared on random workspaces (shared members and
// claim numbers, date spans short, long, past the same-day cap and backwards, HIT visits around
// the 60-day look-back, per diems whose drug is in another file), through each way a lint gets
// workspace lines: the CLI's and lint-workspace's `externalOf`, the open document's `external`
// (picked per rule run), and the open document's edits (engine-incremental.ts).
import * as assert from 'assert';
import { lintDocument, lintText } from '../../server/src/engine';
import { lintEdit, type EditResult } from '../../server/src/engine-incremental';
import { parseDocument } from '../../server/src/parse';
import { RULES } from '../../server/src/rules';
import type { ExternalLine, Finding, LintOptions, Rule } from '../../server/src/rules/types';
import { MemberLines } from '../../server/src/workspace/member-lines';
import { reachOf, windowOf } from '../../server/src/workspace/window';
import { FIRING_ROWS, FULL_HEADER, rng } from '../helpers/seeded';

/** The same rules as rules of another registry: the engine hands them every workspace line, as
 *  it handed every rule before windows (engine.ts, optionsFor). */
const UNPICKED: readonly Rule[] = RULES.map((r) => ({ meta: r.meta, check: (doc, ctx) => r.check(doc, ctx) }));

const day = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Rows' cells after dos_to: FIRING_ROWS' and HIT visits of every kind, hydration and supplies. */
const TAILS: readonly string[] = [
  ...FIRING_ROWS,
  ',12,G0068,,1,90.00,,,,,,,,', ',12,G0069,,1,90.00,,,,,,,,', ',12,G0070,,1,90.00,,,,,,,,',
  ',12,G0088,,1,90.00,,,,,,,,', ',12,G0089,,2,90.00,,,,,,,,', ',12,G0090,,1,90.00,,,,,,,,',
  ',12,G0088,,1,90.00,,,,,,,,', ',12,G0089,,2,90.00,,,,,,,,', ',12,G0068,,1,90.00,,,,,,,,',
  ',12,S9374,,1,100.00,,,,,,q24h,,', ',12,J7050,,1,5.00,,,,,,,,', ',12,J1642,,1,5.00,,,,,,,,',
  ',12,S9500,,1,100.00,,,,,,q24h,,', ',12,S9502,SH,1,250.00,,,,,,q8h,,', ',12,99602,,2,60.00,,,,,,,,',
];

/** A random claim file: few members and claim numbers (shared with the other files), days near
 *  the workspace's anchors (days 59, 60, 61 and 120 after the first: HIT visits at the edge of
 *  the 60-day look-back), spans of every length. */
function randomFile(r: () => number, rows: number, anchors: readonly number[]): string {
  const out = [FULL_HEADER];
  for (let i = 0; i < rows; i++) {
    const member = r() < 0.03 ? '' : `M${1 + Math.floor(r() * 3)}`;
    const claim = r() < 0.03 ? '' : `C${1 + Math.floor(r() * 5)}`;
    const auth = r() < 0.5 ? '' : `PA${1 + Math.floor(r() * 3)}`;
    const from = r() < 0.75 ? anchors[Math.floor(r() * anchors.length)] + Math.floor(r() * 3) : Math.floor(r() * 200);
    const x = r();
    const to = x < 0.65 ? '' : x < 0.8 ? day(from + 1 + Math.floor(r() * 3)) : x < 0.88 ? day(from + 25 + Math.floor(r() * 40))
      : x < 0.92 ? day(from + 360 + Math.floor(r() * 20)) : x < 0.96 ? day(from - 1 - Math.floor(r() * 3)) : day(from);
    const dosFrom = r() < 0.03 ? '' : day(from);
    out.push(`${claim},${member},${r() < 0.2 ? 'medicare' : 'commercial'},${auth},${dosFrom},${to}${TAILS[Math.floor(r() * TAILS.length)]}`);
  }
  return out.join('\n') + '\n';
}

interface WsFile { readonly key: string; readonly uri: string; readonly text: string }

function randomWorkspace(seed: number): WsFile[] {
  const r = rng(seed);
  const n = 2 + Math.floor(r() * 4);
  const first = Math.floor(r() * 30);
  const anchors = [first, first + 59, first + 60, first + 61, first + 120];
  return Array.from({ length: n }, (_, i) => ({
    key: `/ws/f${i}.claims.csv`, uri: `file:///ws/f${i}.claims.csv`, text: randomFile(r, 6 + Math.floor(r() * 30), anchors),
  }));
}

function indexOf(files: readonly WsFile[]): MemberLines {
  const lines = new MemberLines();
  for (const f of files) lines.set(f.key, f.uri, parseDocument(f.text, 'csv'));
  return lines;
}

/** Every line of the file's members in the other files: what a lint was handed before windows. */
function everything(lines: MemberLines, key: string): readonly ExternalLine[] {
  return lines.external(key);
}

/** All a user sees of the findings, fixes included. */
function seen(findings: readonly Finding[]) {
  return findings.map((f) => ({
    ruleId: f.ruleId, severity: f.severity, span: f.span, message: f.message, related: f.related, lineIndex: f.lineIndex,
    fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe, edits: x.edits })),
  }));
}

/** The text with one cell of one data row changed: a date, a code, a member, a claim or an auth
 *  number (what moves a line into or out of other files' reach). */
function edited(text: string, r: () => number): string {
  const rows = text.split('\n');
  const at = 1 + Math.floor(r() * (rows.length - 2));
  const cells = rows[at].split(',');
  if (cells.length < 8) return text;
  const which = Math.floor(r() * 6);
  // Another row's date, or 59, 60 or 61 days later or earlier (the look-back's edge).
  const near = (): string => {
    const from = Date.parse(rows[1 + Math.floor(r() * (rows.length - 2))].split(',')[4]);
    const shift = [0, 59, 60, 61, -59, -60, -61][Math.floor(r() * 7)];
    return Number.isNaN(from) ? day(Math.floor(r() * 200)) : new Date(from + shift * 86_400_000).toISOString().slice(0, 10);
  };
  if (which === 0) cells[4] = near();
  else if (which === 1) cells[5] = r() < 0.5 ? '' : near();
  else if (which === 2) cells[7] = ['G0088', 'G0068', 'S9502', 'J2185', 'A4221', '99601'][Math.floor(r() * 6)];
  else if (which === 3) cells[1] = `M${1 + Math.floor(r() * 4)}`;
  else if (which === 4) cells[0] = `C${1 + Math.floor(r() * 6)}`;
  else cells[3] = cells[3] === '' ? 'PA7' : '';
  rows[at] = cells.join(',');
  return rows.join('\n');
}

describe('workspace windows (workspace/window.ts): only the other files\' lines a lint reaches', () => {
  const SEEDS = 120;

  it(`the findings of every file are those of handing it every line of its members (${SEEDS} random workspaces)`, () => {
    let compared = 0;
    let handed = 0;
    let all = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const files = randomWorkspace(seed);
      const lines = indexOf(files);
      for (const f of files) {
        const doc = parseDocument(f.text, 'csv');
        const base: LintOptions = { uri: f.uri };
        const every = everything(lines, f.key);
        const expected = seen(lintDocument(doc, every.length > 0 ? { ...base, external: every } : base, UNPICKED));
        const picked = lines.window(f.key, windowOf(doc.lines, reachOf(RULES)));
        handed += picked.length;
        all += every.length;
        // The CLI's and lint-workspace's way: asked for with the document's window.
        const viaWindow = lintDocument(parseDocument(f.text, 'csv'), { ...base, externalOf: (w) => lines.window(f.key, w) });
        assert.deepStrictEqual(seen(viaWindow), expected, `seed ${seed}, ${f.key} (externalOf)\n${f.text}`);
        // The open document's way: every line, picked per rule run.
        if (every.length > 0) {
          const open = lintDocument(parseDocument(f.text, 'csv'), { ...base, external: every });
          assert.deepStrictEqual(seen(open), expected, `seed ${seed}, ${f.key} (external)\n${f.text}`);
        }
        compared++;
      }
    }
    assert.ok(compared > 300);
    // Not a vacuous comparison: lines are handed, and fewer than all.
    assert.ok(handed > 0 && handed < all, `handed ${handed} of ${all}`);
  });

  it('what a window hands is in the order of every line of its members, each once', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const files = randomWorkspace(seed);
      const lines = indexOf(files);
      for (const f of files) {
        const doc = parseDocument(f.text, 'csv');
        const every = everything(lines, f.key);
        const picked = lines.window(f.key, windowOf(doc.lines, reachOf(RULES)));
        const place = (e: ExternalLine): number => every.findIndex((x) => x.uri === e.uri && x.line.index === e.line.index);
        const places = picked.map(place);
        assert.ok(places.every((p) => p >= 0), 'a line of its members in another file');
        assert.ok(places.every((p, i) => i === 0 || p > places[i - 1]), `seed ${seed}: in order, each once`);
      }
    }
  });

  it('an open document edited again and again: each edit\'s findings are those of handing every line', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const r = rng(1000 + seed);
      const files = randomWorkspace(seed);
      const lines = indexOf(files);
      const f = files[0];
      const every = everything(lines, f.key);
      if (every.length === 0) continue;
      // As the server keeps them: the same options (and workspace lines) for every edit.
      const options: LintOptions = { uri: f.uri, external: every };
      let text = f.text;
      let prev: EditResult = lintText(text, 'csv', options);
      for (let e = 0; e < 12; e++) {
        text = edited(text, r);
        prev = lintEdit(prev, text, options);
        const expected = lintText(text, 'csv', options, UNPICKED).findings;
        assert.deepStrictEqual(seen(prev.findings), seen(expected), `seed ${seed}, edit ${e}\n${text}`);
      }
    }
  });

  describe('what a file is handed', () => {
    const HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units';
    const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
    const handed = (files: Record<string, string>, name: string): string[] => {
      const lines = new MemberLines();
      for (const [key, text] of Object.entries(files)) lines.set(key, key, parseDocument(text, 'csv'));
      const doc = parseDocument(files[name], 'csv');
      return lines.window(name, windowOf(doc.lines, reachOf(RULES))).map((e) => `${e.uri}:${e.line.index} ${e.line.hcpcs}`);
    };

    it('daily exports: a day\'s file is handed the other files\' lines of that day only, and those spanning it', () => {
      const files: Record<string, string> = {};
      for (let d = 0; d < 30; d++) {
        const rows = ['M1', 'M2', 'M3'].map((m) => `C${d}${m},${m},PA1,${day(d)},,J2185,1`);
        // A line of day 3 that runs to day 5: days 4 and 5's files are handed it.
        if (d === 3) rows.push(`C3X,M1,PA1,${day(3)},${day(5)},S9502,3`);
        files[`d${d}`] = csv(...rows);
      }
      assert.deepStrictEqual(handed(files, 'd10'), []);
      assert.deepStrictEqual(handed(files, 'd5'), ['d3:3 S9502']);
      // Its own file is handed the days it runs into.
      assert.deepStrictEqual(handed(files, 'd3'), ['d4:0 J2185', 'd5:0 J2185']);
    });

    it('an initial HIT visit is handed the HIT visits reaching into the 60 days before it, not the others', () => {
      const files = {
        'visit': csv(`C1,M1,PA1,${day(100)},,G0088,1`),
        // 61, 60 and 59 days before; a span ending 60 days before; a non-HIT line in the window.
        'h61': csv(`C2,M1,PA1,${day(39)},,G0068,1`),
        'h60': csv(`C3,M1,PA1,${day(40)},,G0069,1`),
        'h59': csv(`C4,M1,PA1,${day(41)},,G0070,1`),
        'span': csv(`C5,M1,PA1,${day(10)},${day(40)},G0068,1`),
        'drug': csv(`C6,M1,PA1,${day(70)},,J2185,1`),
        // The same day (not "before", but a same-day line), and a later visit.
        'same': csv(`C7,M1,PA1,${day(100)},,G0069,1`),
        'later': csv(`C8,M1,PA1,${day(101)},,G0069,1`),
      };
      assert.deepStrictEqual(handed(files, 'visit').sort(), ['h59:0 G0070', 'h60:0 G0069', 'same:0 G0069', 'span:0 G0068']);
      // A subsequent visit looks back at nothing.
      assert.deepStrictEqual(handed({ ...files, visit: csv(`C1,M1,PA1,${day(100)},,G0069,1`) }, 'visit'), ['same:0 G0069']);
    });

    it('a claim is handed one line of its member and claim number with an auth number, from another file', () => {
      const files = {
        'b': csv(`C5,M5,,${day(0)},,J2185,1`),
        'a': csv(`C5,M5,,${day(40)},,S9502,1`, `C5,M5,PA9,${day(41)},,S9502,1`, `C5,M5,PA9,${day(42)},,S9502,1`),
        'c': csv(`C5,M5,PA8,${day(43)},,S9502,1`, `C5,M6,PA7,${day(0)},,S9502,1`, `C6,M5,PA6,${day(44)},,S9502,1`),
      };
      assert.deepStrictEqual(handed(files, 'b'), ['a:1 S9502']);
      // The member's first such line is the lint's own: the first of another file instead.
      const own = { 'b': csv(`C5,M5,PA1,${day(0)},,J2185,1`), 'a': csv(`C5,M5,PA9,${day(40)},,S9502,1`) };
      assert.deepStrictEqual(handed(own, 'b'), ['a:0 S9502']);
    });
  });
});
