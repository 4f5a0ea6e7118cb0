// The SARIF report's fixes (report-sarif.ts): each result's fixes with their edits, as a script in
// CI applies them. Applied from the report (line:column turned into offsets of the file, right to
// left), a fix gives the text the engine's own edits give, and a safe one what --fix writes when
// that finding is the file's only fixable one.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { editableIn } from '../../server/src/cli/check';
import { runCli } from '../../server/src/cli/run';
import { lintText } from '../../server/src/engine';
import { applyEdits } from '../../server/src/fixes/apply';
import { readsOtherLines } from '../../server/src/fixes/doc-facts';
import type { ClaimFormat } from '../../server/src/parse';
import { ONE_BAD_NDC_CSV, ONE_BAD_NDC_JSON } from '../lsp/fixtures';
import { REPO } from './run-cli';
import { validateSarif } from './sarif-validator';

interface Region { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface Replacement { deletedRegion: Region; insertedContent: { text: string } }
interface SarifFix {
  description: { text: string };
  artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: Replacement[] }>;
  properties: { safe: boolean };
}
interface SarifResult {
  ruleId: string;
  locations: Array<{ physicalLocation: { region: Region } }>;
  fixes?: SarifFix[];
}

/** The offset of a 1-based line:column (UTF-16 columns; lines end at \n, \r\n or a lone \r; a
 *  UTF-8 byte order mark is not a column). */
function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    let i = start;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    assert.ok(i < text.length, `line ${line} is in the file`);
    start = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  const bom = line === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return start + column - 1 + bom;
}

/** A fix's replacements applied to the text they were made for, the last first. */
function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  const spans = replacements.map((r) => ({
    start: offsetOf(text, r.deletedRegion.startLine, r.deletedRegion.startColumn),
    end: offsetOf(text, r.deletedRegion.endLine, r.deletedRegion.endColumn),
    text: r.insertedContent.text,
  }));
  let out = text;
  for (let k = spans.length - 1; k >= 0; k--) {
    const s = spans[k];
    assert.ok(s.start <= s.end && (k === 0 || spans[k - 1].end <= s.start), 'replacements in order, not overlapping');
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  }
  return out;
}

function sarifOf(file: string): { results: SarifResult[]; log: unknown } {
  let out = '';
  runCli(['check', file, '--format', 'sarif'], { out: (t) => { out += t; }, err: () => undefined });
  const log = JSON.parse(out) as { runs: Array<{ results: SarifResult[] }> };
  return { results: log.runs[0].results, log };
}

describe('CLI: SARIF fixes', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-sarif-fixes-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The samples, and each also with a byte order mark, CRLF line ends and non-ASCII text before
   *  its rows (CSV: a comment row under the header; JSON: a member name). */
  function variants(): Array<{ name: string; format: ClaimFormat; text: string }> {
    const out: Array<{ name: string; format: ClaimFormat; text: string }> = [];
    const samples = path.join(REPO, 'samples');
    for (const name of fs.readdirSync(samples).filter((n) => /\.claims?\.(csv|json)$/.test(n)).sort()) {
      const text = fs.readFileSync(path.join(samples, name), 'utf8');
      const format: ClaimFormat = name.endsWith('.csv') ? 'csv' : 'json';
      out.push({ name, format, text });
      const crlf = text.replace(/\r?\n/g, '\r\n');
      const other = format === 'csv' ? crlf.replace(/\r\n/, '\r\n# note: café 𝄞 ✓\r\n') : crlf.replace(/("member_id":\s*")/, '$1é𝄞');
      out.push({ name: `bom-crlf-${name}`, format, text: `\ufeff${other}` });
    }
    return out;
  }

  it('every fix of every sample (also with a BOM, CRLF and non-ASCII text): its replacements give the text of the engine\'s edits', () => {
    let compared = 0;
    let safe = 0;
    let left = 0;
    for (const v of variants()) {
      const file = path.join(dir, v.name);
      fs.writeFileSync(file, v.text);
      const { results, log } = sarifOf(file);
      assert.deepStrictEqual(validateSarif(log, () => v.text), [], v.name);
      const lint = lintText(v.text, v.format, {});
      assert.strictEqual(results.length, lint.findings.length, `${v.name}: a result per finding`);
      const editable = editableIn(lint.doc);
      results.forEach((result, i) => {
        const finding = lint.findings[i];
        assert.strictEqual(result.ruleId, finding.ruleId);
        const given = result.fixes ?? [];
        // Every fix with edits is given, in the engine's order, but one that edits a CSV header
        // (it adds a column: every row of the file changes), a JSON list between its claim
        // objects, or reads how other lines are written.
        const expected = finding.fixes.filter((x) => x.edits.length > 0 && x.edits.every(editable) && !readsOtherLines(x));
        left += finding.fixes.filter((x) => x.edits.length > 0).length - expected.length;
        assert.deepStrictEqual(given.map((x) => [x.description.text, x.properties.safe]), expected.map((x) => [x.title, x.safe]), `${v.name}: result ${i}'s fixes`);
        given.forEach((x, j) => {
          assert.strictEqual(x.artifactChanges.length, 1);
          const applied = applyReplacements(v.text, x.artifactChanges[0].replacements);
          assert.ok(applied === applyEdits(v.text, expected[j].edits), `${v.name}: result ${i}, "${x.description.text}": the engine's edits`);
          compared++;
          if (x.properties.safe) safe++;
        });
      });
    }
    assert.ok(compared > 100 && safe >= 5, `fixes compared (${compared}, ${safe} safe; ${left} left out)`);
    console.log(`      (${compared} fixes compared, ${safe} safe; ${left} left out)`);
  });

  it('a safe fix applied from the report writes what --fix writes when it is the file\'s only fixable finding', () => {
    for (const [name, text] of [['one.claims.csv', ONE_BAD_NDC_CSV], ['one.claims.json', ONE_BAD_NDC_JSON], ['one-crlf.claims.csv', `\ufeff${ONE_BAD_NDC_CSV.replace(/\n/g, '\r\n')}`]]) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      const { results, log } = sarifOf(file);
      assert.deepStrictEqual(validateSarif(log, () => text), [], name);
      const safe = results.flatMap((r) => (r.fixes ?? []).filter((x) => x.properties.safe));
      assert.strictEqual(safe.length, 1, `${name}: one safe fix`);
      const applied = applyReplacements(text, safe[0].artifactChanges[0].replacements);
      let out = '';
      runCli(['check', file, '--fix', '--format', 'json'], { out: (t) => { out += t; }, err: () => undefined });
      assert.strictEqual((JSON.parse(out) as Array<{ fixed: number }>)[0].fixed, 1);
      assert.strictEqual(applied, fs.readFileSync(file, 'utf8'), `${name}: the text --fix wrote`);
    }
  });

  it('the validator refuses a replacement outside the file, one that ends before it starts, and fixes without safe', () => {
    const file = path.join(dir, 'v.claims.csv');
    fs.writeFileSync(file, ONE_BAD_NDC_CSV);
    const { log } = sarifOf(file);
    const fixes = (log as { runs: Array<{ results: SarifResult[] }> }).runs[0].results[0].fixes!;
    const region = fixes[0].artifactChanges[0].replacements[0].deletedRegion;
    region.startLine = 99;
    region.endLine = 99;
    assert.match(validateSarif(log, () => ONE_BAD_NDC_CSV).join('\n'), /deletedRegion: is not inside the file/);
    region.startLine = 3;
    region.endLine = 2;
    assert.match(validateSarif(log).join('\n'), /deletedRegion: ends before it starts/);
    delete (fixes[0] as Partial<SarifFix>).properties;
    assert.match(validateSarif(log).join('\n'), /properties\.safe: must be a boolean/);
  });
});
