// `infusion-claims check` run as a process: output formats, --fix, exit codes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { lintText } from '../../server/src/engine';
import {
  CEFTRIAXONE_442, CEFTRIAXONE_ROW, csv, CSV_HEADER, MEROPENEM_11, MEROPENEM_442, MEROPENEM_ROW,
  ONE_BAD_NDC_CSV, ONE_BAD_NDC_JSON, PER_DIEM_ROW, SECOND_PER_DIEM_ROW,
} from '../lsp/fixtures';
import { cli, read, removeTempDirs, REPO, tempDir, unreadable } from './run-cli';
import { validateSarif } from './sarif-validator';

const CLEAN_CSV = ONE_BAD_NDC_CSV.replace(MEROPENEM_442, MEROPENEM_11);
/** Only a warning: no prior authorization number (auth-missing). */
const WARNING_ONLY_CSV = CLEAN_CSV.replace(/PA7731/g, '');
const NDC_MESSAGE = lintText(ONE_BAD_NDC_CSV, 'csv').findings.find((f) => f.ruleId === 'ndc-format')?.message ?? '(no ndc-format finding)';

/** 1-based line:column of the first occurrence of needle. */
function lineCol(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

describe('CLI check: text output and exit codes', function () {
  it('prints file:line:col severity rule-id message and a summary; exit 1 on errors', () => {
    const dir = tempDir({ 'a.claims.csv': ONE_BAD_NDC_CSV });
    const r = cli(['check', '.'], dir);
    assert.strictEqual(r.stdout, [
      `a.claims.csv:${lineCol(ONE_BAD_NDC_CSV, MEROPENEM_442)} error ndc-format ${NDC_MESSAGE}`,
      '1 problem (1 error, 0 warnings, 0 info) in 1 of 1 file checked.',
      '',
    ].join('\n'));
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.code, 1);
  });

  it('exit 0 for a clean file, and for warnings only', () => {
    const dir = tempDir({ 'clean.claims.csv': CLEAN_CSV, 'warn.claims.csv': WARNING_ONLY_CSV });
    const clean = cli(['check', 'clean.claims.csv'], dir);
    assert.strictEqual(clean.stdout, 'No problems in 1 file checked.\n');
    assert.strictEqual(clean.code, 0);
    const warn = cli(['check', 'warn.claims.csv'], dir);
    assert.match(warn.stdout, /^warn\.claims\.csv:2:1 warning auth-missing /m);
    assert.strictEqual(warn.code, 0);
  });

  it('--rule sets a severity or turns a rule off', () => {
    const dir = tempDir({ 'a.claims.csv': ONE_BAD_NDC_CSV });
    const asWarning = cli(['check', 'a.claims.csv', '--rule', 'ndc-format=warning'], dir);
    assert.match(asWarning.stdout, /a\.claims\.csv:3:\d+ warning ndc-format /);
    assert.strictEqual(asWarning.code, 0);
    const off = cli(['check', '--rule=ndc-format=off', 'a.claims.csv'], dir);
    assert.strictEqual(off.stdout, 'No problems in 1 file checked.\n');
    assert.strictEqual(off.code, 0);
  });

  it('--payer is the payer of lines without one', () => {
    const noPayer = csv('claim_id,member_id,auth_number,dos_from,pos,hcpcs,units,ndc,ndc_unit,ndc_qty',
      'C1,M1,PA1,2026-03-02,12,S9502,1,,,', `C1,M1,PA1,2026-03-02,12,J2185,30,${MEROPENEM_11},UN,3`);
    const dir = tempDir({ 'p.claims.csv': noPayer });
    assert.strictEqual(cli(['check', 'p.claims.csv'], dir).stdout, 'No problems in 1 file checked.\n');
    const medicare = cli(['check', 'p.claims.csv', '--payer', 'medicare'], dir);
    assert.match(medicare.stdout, /^p\.claims\.csv:2:\d+ warning medicare-per-diem /m);
  });

  it('walks folders for claim files only, and takes any .csv/.json named explicitly', () => {
    const dir = tempDir({
      'a.claims.csv': ONE_BAD_NDC_CSV,
      'c.claim.json': ONE_BAD_NDC_JSON,
      'sub/b.claims.json': ONE_BAD_NDC_JSON,
      'plain.csv': ONE_BAD_NDC_CSV,
      'notes.txt': 'not a claim file',
      'node_modules/x.claims.csv': ONE_BAD_NDC_CSV,
      '.git/y.claims.csv': ONE_BAD_NDC_CSV,
    });
    const walked = JSON.parse(cli(['check', '.', '--format', 'json'], dir).stdout) as Array<{ file: string }>;
    assert.deepStrictEqual(walked.map((f) => f.file), ['a.claims.csv', 'c.claim.json', path.join('sub', 'b.claims.json')]);
    // A skipped folder named explicitly is searched.
    const named = JSON.parse(cli(['check', '.git', 'node_modules', '--format', 'json'], dir).stdout) as Array<{ file: string }>;
    assert.deepStrictEqual(named.map((f) => f.file), [path.join('.git', 'y.claims.csv'), path.join('node_modules', 'x.claims.csv')]);
    const plain = cli(['check', 'plain.csv'], dir);
    assert.match(plain.stdout, /^plain\.csv:3:\d+ error ndc-format /m);
  });

  it('exit 2 for usage errors, with the reason on stderr and nothing on stdout', () => {
    const dir = tempDir({ 'a.claims.csv': ONE_BAD_NDC_CSV });
    const cases: Array<[string[], RegExp]> = [
      [[], /Usage: infusion-claims check/],
      [['lint', 'a.claims.csv'], /unknown command "lint"/],
      [['check'], /no files or folders/],
      [['check', 'a.claims.csv', '--rule', 'no-such-rule=off'], /unknown rule id "no-such-rule"/],
      [['check', 'a.claims.csv', '--rule', 'ndc-format=loud'], /unknown severity "loud"/],
      [['check', 'a.claims.csv', '--rule', 'ndc-format'], /--rule wants <rule-id>=<severity>/],
      [['check', 'a.claims.csv', '--format', 'xml'], /unknown format "xml"/],
      [['check', 'a.claims.csv', '--format'], /--format needs a value/],
      [['check', 'a.claims.csv', '--payer', 'bluecross'], /unknown payer "bluecross"/],
      [['check', 'a.claims.csv', '--verbose'], /unknown option --verbose/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args, dir);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.strictEqual(r.stdout, '', args.join(' '));
    }
  });

  it('--version prints the package version, exit 0', () => {
    for (const args of [['--version'], ['-v'], ['check', 'x.claims.csv', '--version']]) {
      const r = cli(args, REPO);
      assert.strictEqual(r.stdout, `${JSON.parse(read(REPO, 'package.json')).version}\n`, args.join(' '));
      assert.strictEqual(r.code, 0);
    }
  });

  it('--max-warnings n: more warnings than n exit 1, as errors do; info never counts', () => {
    const dir = tempDir({ 'w.claims.csv': WARNING_ONLY_CSV });
    const over = cli(['check', '.', '--max-warnings', '0'], dir);
    assert.strictEqual(over.code, 1);
    assert.match(over.stderr, /^infusion-claims: 1 warnings, more than --max-warnings 0$/m);
    for (const args of [['--max-warnings', '1'], ['--max-warnings=5'], []]) {
      const r = cli(['check', '.', ...args], dir);
      assert.strictEqual(r.code, 0, args.join(' '));
      assert.strictEqual(r.stderr, '');
    }
    for (const bad of ['-1', 'many', '1.5']) {
      const r = cli(['check', '.', `--max-warnings=${bad}`], dir);
      assert.strictEqual(r.code, 2, bad);
      assert.match(r.stderr, /--max-warnings wants a whole number/);
    }
  });

  it('--format sarif with more results than GitHub code scanning takes (25,000): all of them, and a warning', () => {
    const rows = [CSV_HEADER];
    for (let i = 0; i < 6400; i++) rows.push(PER_DIEM_ROW.replace('C1001', `C${i}`), MEROPENEM_ROW.replace('C1001', `C${i}`));
    const dir = tempDir({ 'many.claims.csv': csv(...rows), 'few.claims.csv': ONE_BAD_NDC_CSV });
    const r = cli(['check', 'many.claims.csv', '--format', 'sarif'], dir);
    const results = JSON.parse(r.stdout).runs[0].results.length;
    assert.ok(results > 25_000, `${results} results`);
    assert.strictEqual(r.stderr, `infusion-claims: warning: the SARIF report has ${results} results; GitHub code scanning refuses a run with more than 25000 (check fewer files per upload, or turn rules off with --rule)\n`);
    assert.strictEqual(cli(['check', 'many.claims.csv'], dir).stderr, '', 'text: no warning');
    assert.strictEqual(cli(['check', 'few.claims.csv', '--format', 'sarif'], dir).stderr, '');
  });

  it('--help prints the usage, exit 0', () => {
    const r = cli(['--help'], REPO);
    assert.match(r.stdout, /Usage: infusion-claims check \[options\] <files or folders\.\.\.>/);
    assert.match(r.stdout, /--format text\|json\|sarif/);
    // What a folder search passes over, said where the search is described.
    assert.match(r.stdout, /Folders are searched for [^]*skipping node_modules, dot-folders [^]* and symbolic links/);
    assert.strictEqual(r.code, 0);
  });

  it('exit 2 when a file cannot be read, after reporting the others', () => {
    const dir = tempDir({ 'a.claims.csv': ONE_BAD_NDC_CSV, 'empty/readme.md': '# no claims here' });
    const missing = cli(['check', 'a.claims.csv', 'missing.claims.csv'], dir);
    assert.match(missing.stdout, /^a\.claims\.csv:3:\d+ error ndc-format /m);
    assert.match(missing.stderr, /missing\.claims\.csv: no such file or folder/);
    assert.strictEqual(missing.code, 2);
    const notClaims = cli(['check', 'empty/readme.md'], dir);
    assert.match(notClaims.stderr, /not a \.csv or \.json file/);
    assert.strictEqual(notClaims.code, 2);
    const nothingFound = cli(['check', 'empty'], dir);
    assert.match(nothingFound.stderr, /no claim files .* found in empty/);
    assert.strictEqual(nothingFound.code, 2);
  });

  it('when no file could be checked, stdout does not read as a clean pass; JSON and SARIF stay valid', () => {
    const dir = tempDir({ 'a.claims.csv': ONE_BAD_NDC_CSV, 'empty/readme.md': '# no claims here' });
    // A typo, a folder without claim files, a glob the shell did not expand.
    for (const args of [['typo.claims.csv'], ['empty'], ['*.claims.csv'], ['typo.claims.csv', 'empty']]) {
      const r = cli(['check', ...args], dir);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.strictEqual(r.stdout, 'No claim files were checked.\n', args.join(' '));
      assert.match(r.stderr, /^infusion-claims: /, args.join(' '));
      const json = cli(['check', ...args, '--format', 'json'], dir);
      assert.deepStrictEqual(JSON.parse(json.stdout), [], args.join(' '));
      assert.strictEqual(json.code, 2);
      const sarif = cli(['check', ...args, '--format', 'sarif'], dir);
      const log = JSON.parse(sarif.stdout);
      assert.deepStrictEqual(validateSarif(log), [], args.join(' '));
      assert.deepStrictEqual(log.runs[0].results, []);
      assert.strictEqual(sarif.code, 2);
    }
    // A file checked beside a missing one: the summary counts it.
    const some = cli(['check', 'a.claims.csv', 'typo.claims.csv'], dir);
    assert.match(some.stdout, /^1 problem \(1 error, 0 warnings, 0 info\) in 1 of 1 file checked\.$/m);
    assert.strictEqual(some.code, 2);
  });

  it('a file that cannot be read is in every report: its JSON entry says why, SARIF says the run was not complete', () => {
    const dir = tempDir({ 'a.claims.csv': ONE_BAD_NDC_CSV, 'b.claims.csv': ONE_BAD_NDC_CSV });
    const as = unreadable(dir, 'b.claims.csv');
    const reason = 'cannot read (permission denied (EACCES))';
    const text = cli(['check', '.'], dir, as.timeout, as.uid);
    assert.strictEqual(text.code, 2, text.stderr);
    assert.match(text.stderr, /^infusion-claims: b\.claims\.csv: cannot read \(permission denied \(EACCES\)\)$/m);
    assert.match(text.stdout, /^1 problem \(1 error, 0 warnings, 0 info\) in 1 of 1 file checked\.\n1 file or folder could not be read \(named on stderr\); their problems are not counted\.\n$/m);
    const json = cli(['check', '.', '--format', 'json'], dir, as.timeout, as.uid);
    assert.strictEqual(json.code, 2);
    const entries = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    assert.deepStrictEqual(entries.map((e) => [e.file, e.error]), [['a.claims.csv', undefined], ['b.claims.csv', reason]]);
    assert.deepStrictEqual(entries[1], { file: 'b.claims.csv', format: 'csv', errorCount: 0, warningCount: 0, infoCount: 0, fixed: 0, error: reason, findings: [] });
    const sarif = cli(['check', '.', '--format', 'sarif'], dir, as.timeout, as.uid);
    assert.strictEqual(sarif.code, 2);
    const log = JSON.parse(sarif.stdout);
    assert.deepStrictEqual(validateSarif(log), []);
    assert.strictEqual(log.runs[0].results.length, 1);
    const [invocation] = log.runs[0].invocations;
    assert.strictEqual(invocation.executionSuccessful, false);
    assert.deepStrictEqual(invocation.toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => [n.level, n.message.text]), [['error', `b.claims.csv: ${reason}`]]);
    assert.strictEqual(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'b.claims.csv');
    // A complete run says so too.
    const clean = JSON.parse(cli(['check', 'a.claims.csv', '--format', 'sarif'], dir, as.timeout, as.uid).stdout);
    assert.deepStrictEqual(clean.runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('checks the shipped samples (npm start -- samples/)', () => {
    const r = cli(['check', 'samples/', '--format', 'json'], REPO);
    const files = (JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => f.file).sort();
    const expected = fs.readdirSync(path.join(REPO, 'samples')).filter((f) => /\.claims?\.(csv|json)$/.test(f)).map((f) => path.join('samples', f)).sort();
    assert.deepStrictEqual(files, expected);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
  });
});

after(removeTempDirs);

describe('CLI check: json and sarif output', function () {
  let dir: string;
  before(() => { dir = tempDir({ 'a.claims.csv': ONE_BAD_NDC_CSV, 'b.claims.json': ONE_BAD_NDC_JSON, 'dir with space/c.claims.csv': CLEAN_CSV }); });

  it('--format json: one entry per file, findings with rule, severity, message, place and fixes', () => {
    const r = cli(['check', '.', '--format', 'json'], dir);
    assert.strictEqual(r.code, 1);
    const files = JSON.parse(r.stdout) as Array<Record<string, unknown> & { findings: Array<Record<string, unknown>> }>;
    assert.deepStrictEqual(files.map((f) => [f.file, f.errorCount, f.findings.length]), [
      ['a.claims.csv', 1, 1], ['b.claims.json', 1, 1], [path.join('dir with space', 'c.claims.csv'), 0, 0],
    ]);
    const [line, column] = lineCol(ONE_BAD_NDC_CSV, MEROPENEM_442).split(':').map(Number);
    assert.deepStrictEqual(files[0].findings[0], {
      ruleId: 'ndc-format',
      severity: 'error',
      message: NDC_MESSAGE,
      start: ONE_BAD_NDC_CSV.indexOf(MEROPENEM_442),
      end: ONE_BAD_NDC_CSV.indexOf(MEROPENEM_442) + MEROPENEM_442.length,
      line,
      column,
      endLine: line,
      endColumn: column + MEROPENEM_442.length,
      fixes: [
        { title: `Pad NDC to 11 digits: ${MEROPENEM_442} → ${MEROPENEM_11}`, safe: true },
        { title: 'Disable ndc-format for this line', safe: false },
      ],
    });
  });

  it('--format sarif: valid SARIF 2.1.0 with every rule described and results located', () => {
    const r = cli(['check', '.', '--format', 'sarif'], dir);
    assert.strictEqual(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.deepStrictEqual(validateSarif(log), []);
    const driver = log.runs[0].tool.driver;
    assert.strictEqual(driver.name, 'infusion-claims');
    const ndc = driver.rules.find((x: { id: string }) => x.id === 'ndc-format');
    assert.deepStrictEqual(ndc.defaultConfiguration, { level: 'error' });
    assert.match(ndc.helpUri, /\/docs\/rules\/ndc-format\.md$/);
    // What code scanning shows of a rule: its page's first sentence, and the page.
    assert.strictEqual(driver.semanticVersion, JSON.parse(read(REPO, 'package.json')).version);
    assert.strictEqual(ndc.fullDescription.text, 'An NDC is billed as 11 digits in 5-4-2 form.');
    assert.strictEqual(ndc.help.markdown, read(REPO, 'docs/rules/ndc-format.md').trim());
    assert.match(ndc.help.text, /^An NDC is billed as 11 digits in 5-4-2 form\. .*ndc-format\.md$/);
    assert.ok(driver.rules.some((x: { id: string; defaultConfiguration: { level: string } }) => x.id === 'multi-ndc-kp-kq' && x.defaultConfiguration.level === 'note'));
    const results = log.runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }> }>;
    assert.deepStrictEqual(results.map((x) => [x.ruleId, x.level, x.locations[0].physicalLocation.artifactLocation.uri]), [
      ['ndc-format', 'error', 'a.claims.csv'], ['ndc-format', 'error', 'b.claims.json'],
    ]);
    const [line, column] = lineCol(ONE_BAD_NDC_CSV, MEROPENEM_442).split(':').map(Number);
    assert.deepStrictEqual(results[0].locations[0].physicalLocation.region, {
      startLine: line, startColumn: column, endLine: line, endColumn: column + MEROPENEM_442.length,
    });
  });

  it('--format sarif: file URIs are percent-encoded, relative to the working folder', () => {
    const spaced = tempDir({ 'dir with space/a.claims.csv': ONE_BAD_NDC_CSV });
    const log = JSON.parse(cli(['check', '.', '--format', 'sarif'], spaced).stdout);
    assert.deepStrictEqual(validateSarif(log), []);
    assert.strictEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'dir%20with%20space/a.claims.csv');
  });

  it('--format sarif: URIs are relative to the repository root (%SRCROOT%), also when run from a subfolder; --base-dir overrides', () => {
    const repo = tempDir({ '.git/HEAD': 'ref: refs/heads/main\n', 'sub/p.claims.csv': ONE_BAD_NDC_CSV });
    const outside = tempDir({ 'o.claims.csv': ONE_BAD_NDC_CSV });
    const sub = path.join(repo, 'sub');
    const run = (args: string[], cwd: string) => {
      const r = cli(['check', ...args, '--format', 'sarif'], cwd);
      const log = JSON.parse(r.stdout);
      assert.deepStrictEqual(validateSarif(log), [], r.stdout);
      return { base: log.runs[0].originalUriBaseIds, locations: log.runs[0].results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }) => x.locations[0].physicalLocation.artifactLocation) };
    };
    const repoUri = `${pathToFileURL(fs.realpathSync(repo)).href}/`;
    const fromSub = run(['p.claims.csv', path.join(outside, 'o.claims.csv')], fs.realpathSync(sub));
    assert.deepStrictEqual(fromSub.base, { '%SRCROOT%': { uri: repoUri } });
    assert.deepStrictEqual(fromSub.locations, [
      { uri: 'sub/p.claims.csv', uriBaseId: '%SRCROOT%' },
      // Outside the base: an absolute URI, no base.
      { uri: pathToFileURL(path.join(outside, 'o.claims.csv')).href },
    ]);
    const given = run(['p.claims.csv', '--base-dir', '.'], sub);
    assert.deepStrictEqual(given.base, { '%SRCROOT%': { uri: `${pathToFileURL(sub).href}/` } });
    assert.deepStrictEqual(given.locations, [{ uri: 'p.claims.csv', uriBaseId: '%SRCROOT%' }]);
    // No repository: the working folder.
    assert.deepStrictEqual(run(['o.claims.csv'], outside).locations, [{ uri: 'o.claims.csv', uriBaseId: '%SRCROOT%' }]);
    const missing = cli(['check', 'p.claims.csv', '--base-dir', 'nowhere'], sub);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /--base-dir nowhere is not a folder/);
  });

  it('--format sarif: fingerprints stay when lines are added above, and tell equal findings apart', () => {
    // The drug line billed twice: the same ndc-format finding on two equal lines.
    const twice = csv(CSV_HEADER, PER_DIEM_ROW, MEROPENEM_ROW, MEROPENEM_ROW);
    const moved = csv(CSV_HEADER, '# exported 2026-03-05', '', PER_DIEM_ROW, MEROPENEM_ROW, MEROPENEM_ROW);
    const dir = tempDir({ 'a.claims.csv': twice });
    type Result = { ruleId: string; partialFingerprints: Record<string, string>; locations: Array<{ physicalLocation: { region: { startLine: number } } }> };
    const results = (): Result[] => {
      const log = JSON.parse(cli(['check', '.', '--format', 'sarif'], dir).stdout);
      assert.deepStrictEqual(validateSarif(log), []);
      return log.runs[0].results;
    };
    const before = results();
    fs.writeFileSync(path.join(dir, 'a.claims.csv'), moved);
    const after = results();
    assert.deepStrictEqual(after.map((r) => r.locations[0].physicalLocation.region.startLine), before.map((r) => r.locations[0].physicalLocation.region.startLine + 2));
    assert.deepStrictEqual(after.map((r) => r.partialFingerprints), before.map((r) => r.partialFingerprints));
    const ndc = before.filter((r) => r.ruleId === 'ndc-format').map((r) => r.partialFingerprints['infusionClaims/v1']);
    assert.strictEqual(ndc.length, 2);
    assert.match(ndc[0], /^[0-9a-f]{16}:1$/);
    assert.strictEqual(ndc[1], ndc[0].replace(/:1$/, ':2'));
  });

  it('the SARIF validator finds what is wrong (so the test above can fail)', () => {
    const log = JSON.parse(cli(['check', '.', '--format', 'sarif'], dir).stdout);
    // Without the results' fixes, which repeat their file's location (their checks:
    // test/cli/sarif-fixes.test.ts).
    for (const r of log.runs[0].results) delete r.fixes;
    log.version = '2.0.0';
    delete log.runs[0].tool.driver.rules[0].shortDescription;
    delete log.runs[0].tool.driver.rules[1].help;
    log.runs[0].results[0].ruleIndex = 9999;
    log.runs[0].invocations[0].toolExecutionNotifications = [{ level: 'error', message: { text: 'a.claims.csv: cannot read' } }];
    log.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    log.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri = 'dir with space\\c.claims.csv';
    delete log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId;
    log.runs[0].results[1].partialFingerprints = log.runs[0].results[0].partialFingerprints;
    assert.deepStrictEqual(validateSarif(log).map((e) => e.split(':')[0]), [
      '$.version',
      '$.runs[0].tool.driver.rules[0].shortDescription.text',
      '$.runs[0].tool.driver.rules[1].help.text',
      '$.runs[0].invocations[0].executionSuccessful',
      '$.runs[0].results[0].ruleIndex',
      '$.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId',
      '$.runs[0].results[1].partialFingerprints',
      '$.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri',
      '$.runs[0].results[1].locations[0].physicalLocation.region.startLine',
    ]);
  });
});

describe('CLI check --fix', function () {
  const ALL = csv(CSV_HEADER, PER_DIEM_ROW, MEROPENEM_ROW, SECOND_PER_DIEM_ROW, CEFTRIAXONE_ROW);
  const ALL_FIXED = ALL.replace(MEROPENEM_442, MEROPENEM_11).replace(CEFTRIAXONE_442, `0${CEFTRIAXONE_442}`);
  const BROKEN = csv(CSV_HEADER, MEROPENEM_ROW, 'C1001,M001,commercial,PA7731,2026-03-02,12,"S9501,,1,125.00,,,,');

  it('applies the safe fixes only, writes in place, reports what is left', () => {
    const dir = tempDir({ 'a.claims.csv': ALL, 'b.claims.json': ONE_BAD_NDC_JSON });
    fs.chmodSync(path.join(dir, 'a.claims.csv'), 0o640);
    const r = cli(['check', '.', '--fix'], dir);
    assert.strictEqual(read(dir, 'a.claims.csv'), ALL_FIXED);
    assert.strictEqual(read(dir, 'b.claims.json'), ONE_BAD_NDC_JSON.replace(MEROPENEM_442, MEROPENEM_11));
    // S9501 still lacks SH: adding a modifier changes payment, so --fix leaves it; it is still an error.
    assert.match(r.stdout, /^a\.claims\.csv:4:\d+ error concurrent-therapy-modifier /m);
    assert.doesNotMatch(r.stdout, /ndc-format/);
    assert.match(r.stdout, /^Fixed 3 problems \(safe fixes only\)\.$/m);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(fs.statSync(path.join(dir, 'a.claims.csv')).mode & 0o777, 0o640, 'file mode kept');
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['a.claims.csv', 'b.claims.json'], 'no temp file left behind');

    const again = cli(['check', '.', '--fix'], dir);
    assert.doesNotMatch(again.stdout, /^Fixed/m);
    assert.strictEqual(read(dir, 'a.claims.csv'), ALL_FIXED);
  });

  it('names each file it rewrote and how many fixes it made, a linked file outside the folder (named) too', () => {
    const folder = (): string => {
      const d = tempDir({ 'own/a.claims.csv': ALL, 'own/clean.claims.csv': CLEAN_CSV, 'elsewhere/x.claims.csv': ONE_BAD_NDC_CSV });
      fs.symlinkSync(path.join('..', 'elsewhere', 'x.claims.csv'), path.join(d, 'own', 'x.claims.csv'));
      return d;
    };
    const dir = folder();
    // A walk does not follow the link (walk-rule.ts): it is named.
    const r = cli(['check', 'own', 'own/x.claims.csv', '--fix'], dir);
    assert.strictEqual(read(dir, 'elsewhere/x.claims.csv'), ONE_BAD_NDC_CSV.replace(MEROPENEM_442, MEROPENEM_11));
    // After the findings, in the order checked, named as the findings name them.
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^own\/a\.claims\.csv:4:\d+ error concurrent-therapy-modifier /);
    assert.deepStrictEqual(lines.slice(1), [
      `${path.join('own', 'a.claims.csv')}: fixed 2 problems`,
      `${path.join('own', 'x.claims.csv')}: fixed 1 problem`,
      'Fixed 3 problems (safe fixes only).',
      '1 problem (1 error, 0 warnings, 0 info) in 1 of 3 files checked.',
      '',
    ]);
    // The files and counts the JSON report gives as each file's "fixed".
    const json = JSON.parse(cli(['check', 'own', 'own/x.claims.csv', '--fix', '--format', 'json'], folder()).stdout) as Array<{ file: string; fixed: number }>;
    assert.deepStrictEqual(json.filter((f) => f.fixed > 0).map((f) => `${f.file}: fixed ${f.fixed}`), lines.slice(1, 3).map((l) => l.replace(/ problems?$/, '')));
    assert.doesNotMatch(cli(['check', 'own', 'own/x.claims.csv', '--fix'], dir).stdout, /: fixed /, 'no line for a file not rewritten');
  });

  it('keeps CRLF line ends', () => {
    const crlf = ONE_BAD_NDC_CSV.replace(/\n/g, '\r\n');
    const dir = tempDir({ 'a.claims.csv': crlf });
    const r = cli(['check', 'a.claims.csv', '--fix'], dir);
    assert.strictEqual(read(dir, 'a.claims.csv'), crlf.replace(MEROPENEM_442, MEROPENEM_11));
    assert.strictEqual(r.code, 0);
  });

  it('reads a UTF-16 file (LE or BE, by its byte order mark) as the editor shows it, and does not fix it', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ONE_BAD_NDC_CSV.replace(/\n/g, '\r\n'), 'utf16le')]);
    const be = Buffer.from(le).swap16();
    const dir = tempDir({ 'le.claims.csv': le, 'be.claims.csv': be });
    const r = cli(['check', '.', '--fix'], dir);
    const line = ONE_BAD_NDC_CSV.split('\n').findIndex((l) => l.includes(MEROPENEM_442)) + 1;
    const column = ONE_BAD_NDC_CSV.split('\n')[line - 1].indexOf(MEROPENEM_442) + 1;
    for (const name of ['be.claims.csv', 'le.claims.csv']) {
      assert.ok(r.stdout.split('\n').includes(`${name}:${line}:${column} error ndc-format ${NDC_MESSAGE}`), r.stdout);
      assert.match(r.stderr, new RegExp(`^infusion-claims: ${name.replace('.', '\\.')}: not fixed: the file is UTF-16 \\(save it as UTF-8 to fix it\\)`, 'm'));
    }
    assert.ok(fs.readFileSync(path.join(dir, 'le.claims.csv')).equals(le));
    assert.ok(fs.readFileSync(path.join(dir, 'be.claims.csv')).equals(be));
    assert.doesNotMatch(r.stdout, /parse-error/);
  });

  it('says why it does not fix a file whose parse errors the report does not show', () => {
    const text = 'claim_id,member_id,auth_number,dos_from,hcpcs,units,ndc,ndc_unit,ndc_qty\n# infusion-claims-disable-next-line parse-error\nC2,M1\n' +
      'C1,M1,PA1,2026-03-02,J2185,30,0143-9431-10,UN,3\n';
    const dir = tempDir({ 'hidden.claims.csv': text });
    const r = cli(['check', '.', '--fix'], dir);
    assert.strictEqual(read(dir, 'hidden.claims.csv'), text);
    assert.doesNotMatch(r.stdout, /parse-error/);
    assert.match(r.stderr, /^infusion-claims: hidden\.claims\.csv: not fixed: the file has parse errors \(the first on line 3, not in the report: parse-error is off or disabled there\); correct them first/m);
  });

  it('never writes a file with parse errors, nor one that is not valid UTF-8', () => {
    // "Méropénem" written in Latin-1: é is the single byte 0xE9, not UTF-8.
    const [head, tail] = ONE_BAD_NDC_CSV.split('Meropenem');
    const notUtf8 = Buffer.concat([Buffer.from(`${head}M`), Buffer.from([0xe9]), Buffer.from('rop'), Buffer.from([0xe9]), Buffer.from(`nem${tail}`)]);
    const dir = tempDir({ 'broken.claims.csv': BROKEN, 'latin.claims.csv': notUtf8 });
    const r = cli(['check', '.', '--fix'], dir);
    assert.strictEqual(read(dir, 'broken.claims.csv'), BROKEN);
    assert.ok(fs.readFileSync(path.join(dir, 'latin.claims.csv')).equals(notUtf8));
    assert.match(r.stderr, /^infusion-claims: broken\.claims\.csv: not fixed: the file has parse errors \(the first on line 3\); correct them first/m);
    assert.match(r.stderr, /^infusion-claims: latin\.claims\.csv: not fixed: the file is not valid UTF-8 \(line \d+: save it as UTF-8\)/m);
    assert.match(r.stdout, /^broken\.claims\.csv:3:\d+ error parse-error /m);
    // And the check says where the bytes are: one parse-error on the row (at the first of them).
    const lineOf = head.split('\n').length;
    const notUtf8Lines = r.stdout.split('\n').filter((l) => l.startsWith('latin.claims.csv:') && l.includes('parse-error'));
    assert.deepStrictEqual(notUtf8Lines.map((l) => l.replace(/ \(shown as .*$/, '')), [`latin.claims.csv:${lineOf}:${head.length - head.lastIndexOf('\n') + 1} error parse-error Not UTF-8 text here`]);
    assert.strictEqual(r.code, 1);
  });

  it('fixes a JSON file with a value of the wrong type (invalid-value, not a parse error)', () => {
    const wrongType = ONE_BAD_NDC_JSON.replace('"charge": 250.0', '"charge": [250.0]');
    const dir = tempDir({ 'a.claims.json': wrongType });
    const r = cli(['check', 'a.claims.json', '--fix'], dir);
    assert.strictEqual(read(dir, 'a.claims.json'), wrongType.replace(MEROPENEM_442, MEROPENEM_11));
    assert.strictEqual(r.stderr, '');
    assert.match(r.stdout, /^a\.claims\.json:\d+:\d+ error invalid-value charge must be text or a number, not a list$/m);
    assert.doesNotMatch(r.stdout, /parse-error|missing-field/);
    assert.strictEqual(r.code, 1);
  });

  it('fixes a JSON file with a modifiers list holding an object or a list (invalid-value on the element, not a parse error)', () => {
    const wrongType = ONE_BAD_NDC_JSON.replace('"charge": 250.0', '"charge": 250.0, "modifiers": [null, {}, ["SH"]]');
    const dir = tempDir({ 'a.claims.json': wrongType });
    const r = cli(['check', 'a.claims.json', '--fix'], dir);
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(read(dir, 'a.claims.json'), wrongType.replace(MEROPENEM_442, MEROPENEM_11));
    assert.deepStrictEqual(r.stdout.split('\n').filter((l) => /^a\.claims\.json:\d+:\d+ /.test(l)), [
      `a.claims.json:${lineCol(wrongType, '{}')} error invalid-value A modifier in modifiers must be text or a number (e.g. "JW"), not an object`,
      `a.claims.json:${lineCol(wrongType, '["SH"]')} error invalid-value A modifier in modifiers must be text or a number (e.g. "JW"), not a list: put each modifier in the modifiers list itself, e.g. ["JW", "SH"]`,
    ]);
    assert.strictEqual(r.code, 1);
  });

  it('keeps a group-writable mode through the umask, and fixes a linked file through its link', () => {
    const dir = tempDir({ 'real/shared.claims.csv': ONE_BAD_NDC_CSV, 'm.claims.csv': ONE_BAD_NDC_CSV });
    fs.chmodSync(path.join(dir, 'm.claims.csv'), 0o666);
    fs.symlinkSync(path.join('real', 'shared.claims.csv'), path.join(dir, 'link.claims.csv'));
    const r = cli(['check', 'm.claims.csv', 'link.claims.csv', '--fix'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(fs.statSync(path.join(dir, 'm.claims.csv')).mode & 0o777, 0o666);
    assert.ok(fs.lstatSync(path.join(dir, 'link.claims.csv')).isSymbolicLink(), 'the link is still a link');
    assert.strictEqual(read(dir, 'real/shared.claims.csv'), ONE_BAD_NDC_CSV.replace(MEROPENEM_442, MEROPENEM_11));
  });

  it('leaves a read-only file alone, says so, and still reports its findings', () => {
    const dir = tempDir({ 'ro.claims.csv': ONE_BAD_NDC_CSV });
    fs.chmodSync(path.join(dir, 'ro.claims.csv'), 0o444);
    const r = cli(['check', 'ro.claims.csv', '--fix'], dir);
    assert.strictEqual(read(dir, 'ro.claims.csv'), ONE_BAD_NDC_CSV);
    assert.match(r.stderr, /^infusion-claims: ro\.claims\.csv: not fixed: the fixes could not be saved \(the file is read-only\); the file is unchanged$/m);
    assert.match(r.stdout, /^ro\.claims\.csv:\d+:\d+ error ndc-format /m);
    assert.doesNotMatch(r.stdout, /^Fixed/m);
    assert.strictEqual(r.code, 1, 'errors found (not 2: the file was read)');
    assert.deepStrictEqual(fs.readdirSync(dir), ['ro.claims.csv'], 'no temp file left behind');
  });
});

describe('CLI check: where the report or the files cannot go', function () {
  it('a report that cannot be written (a full disk) is one line on stderr and exit 2, no stack trace', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    const { spawnSync } = require('child_process') as typeof import('child_process');
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [path.join(REPO, 'bin/infusion-claims.js'), 'check', 'samples/', '--format', 'sarif'], {
        cwd: REPO, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 60000,
      });
      assert.strictEqual(r.status, 2);
      assert.strictEqual(r.stderr, 'infusion-claims: cannot write the report (no space left on the device (ENOSPC))\n');
    } finally {
      fs.closeSync(full);
    }
  });

  it('a named pipe (or a link to one) given as a path is refused, not read (it would wait forever); exit 2', function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir({ 'a.claims.csv': ONE_BAD_NDC_CSV, 'walked/b.claims.csv': ONE_BAD_NDC_CSV });
    const { execFileSync } = require('child_process') as typeof import('child_process');
    execFileSync('mkfifo', [path.join(dir, 'f.claims.csv'), path.join(dir, 'walked', 'pipe.claims.csv')]);
    fs.symlinkSync('f.claims.csv', path.join(dir, 'link.claims.csv'));
    const r = cli(['check', 'a.claims.csv', 'f.claims.csv', 'link.claims.csv'], dir, 10000);
    assert.strictEqual(r.code, 2, `exit 2, not a hang (${r.code})`);
    assert.match(r.stdout, /^a\.claims\.csv:3:\d+ error ndc-format /m, 'the other files are still checked');
    assert.strictEqual(r.stderr, [
      'infusion-claims: f.claims.csv: not a regular file',
      'infusion-claims: link.claims.csv: not a regular file',
      '',
    ].join('\n'));
    // A folder walk takes regular files only: the pipe in it is passed over.
    const walked = cli(['check', 'walked'], dir, 10000);
    assert.strictEqual(walked.code, 1, walked.stderr);
    assert.match(walked.stdout, /in 1 of 1 file checked/);
  });

  it('a folder walk passes over linked files and folders (a link back up too); named, each is checked, a file reached twice once', () => {
    // Another member in a.claims.csv: its lines duplicate none of b's.
    const dir = tempDir({ 'own/a.claims.csv': ONE_BAD_NDC_CSV.replace(/M001/g, 'M002'), 'elsewhere/b.claims.csv': ONE_BAD_NDC_CSV });
    fs.symlinkSync(path.join('..', 'elsewhere', 'b.claims.csv'), path.join(dir, 'own', 'linked.claims.csv'));
    fs.symlinkSync(path.join('..', 'elsewhere'), path.join(dir, 'own', 'shared'));
    fs.symlinkSync('..', path.join(dir, 'own', 'up'));
    const filesOf = (stdout: string): string[] => [...new Set(stdout.split('\n').filter((l) => / ndc-format /.test(l)).map((l) => l.split(':')[0]))];
    const r = cli(['check', 'own'], dir);
    assert.deepStrictEqual(filesOf(r.stdout), ['own/a.claims.csv']);
    assert.match(r.stdout, /in 1 of 1 file checked/);
    // linked.claims.csv and shared/b.claims.csv are one file: with --workspace it would be billed
    // twice over (duplicate-line with itself).
    const named = cli(['check', 'own', 'own/linked.claims.csv', 'own/shared'], dir);
    assert.deepStrictEqual(filesOf(named.stdout), ['own/a.claims.csv', 'own/linked.claims.csv']);
    const ws = cli(['check', 'own', 'own/linked.claims.csv', 'own/shared', 'elsewhere', '--workspace'], dir);
    assert.doesNotMatch(ws.stdout, /duplicate-line/);
    assert.match(ws.stdout, /in 2 of 2 files checked/);
  });
});
