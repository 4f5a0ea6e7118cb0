// How the server reads each `infusionClaims` value a client sends: what it uses, and what it tells
// the user about a value it cannot use (settings-read.ts; settings-problems.test.ts has the same
// over stdio, with the notification shown once).
import * as assert from 'assert';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings-read';

const SEVERITIES = 'Valid: error, warning, info or off, in any letter case.';
const RULES_SHAPE = 'Valid: an object such as { "auth-missing": "off" }, each severity error, warning, info or off, in any letter case.';
const WHOLE = 'Valid: a whole number of at least 1, without quotes.';

describe('LSP settings read from what a client sends', function () {
  it('tells, for each value it cannot use, the setting, the value, what it uses instead and what is valid', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ rules: { 'ndc-format': 'warn' } }, `infusionClaims.rules sets ndc-format to "warn", which is not a severity; ndc-format keeps its default, error. ${SEVERITIES}`],
      [{ rules: { 'ndc-format': 'none' } }, `infusionClaims.rules sets ndc-format to "none", which is not a severity; ndc-format keeps its default, error. ${SEVERITIES}`],
      [{ rules: { 'auth-missing': 0 } }, `infusionClaims.rules sets auth-missing to 0, which is not a severity; auth-missing keeps its default, warning. ${SEVERITIES}`],
      [{ rules: 'none' }, `infusionClaims.rules is "none", which is not an object of rule ids and severities; using {} instead. ${RULES_SHAPE}`],
      [{ rules: 0 }, `infusionClaims.rules is 0, which is not an object of rule ids and severities; using {} instead. ${RULES_SHAPE}`],
      [{ rules: ['off'] }, `infusionClaims.rules is ["off"], which is not an object of rule ids and severities; using {} instead. ${RULES_SHAPE}`],
      [{ rules: { 'ndc-formatt': 'off' } }, 'infusionClaims.rules names "ndc-formatt", which is not a rule id, so it sets nothing: did you mean ndc-format?'],
      [{ rules: { 'Auth-Missing': 'off' } }, 'infusionClaims.rules names "Auth-Missing", which is not a rule id, so it sets nothing: did you mean auth-missing?'],
      [{ payer: 'aetna' }, 'infusionClaims.payer is "aetna", which is not a payer; using "commercial" instead. Valid: commercial, medicare, medicare_advantage or medicaid, in any letter case.'],
      [{ maxNumberOfProblems: 0 }, `infusionClaims.maxNumberOfProblems is 0, which is not a whole number of at least 1; using 1000 instead. ${WHOLE}`],
      [{ maxNumberOfProblems: -1 }, `infusionClaims.maxNumberOfProblems is -1, which is not a whole number of at least 1; using 1000 instead. ${WHOLE}`],
      [{ maxNumberOfProblems: '5' }, `infusionClaims.maxNumberOfProblems is "5", which is not a whole number of at least 1; using 1000 instead. ${WHOLE}`],
      [{ maxNumberOfProblems: 1.5 }, `infusionClaims.maxNumberOfProblems is 1.5, which is not a whole number of at least 1; using 1000 instead. ${WHOLE}`],
      [{ ndcFormat: 'Digits' }, 'infusionClaims.ndcFormat is "Digits", which is not an NDC format; using "keep" instead. Valid: keep, hyphenated or digits, in lower case: did you mean digits?'],
      [{ ndcFormat: 'dashes' }, 'infusionClaims.ndcFormat is "dashes", which is not an NDC format; using "keep" instead. Valid: keep, hyphenated or digits.'],
      [{ workspaceAnalysis: 'true' }, 'infusionClaims.workspaceAnalysis is "true", which is not true or false; using false instead. Valid: true or false, without quotes.'],
      [{ filePatterns: 'exports/*.csv' }, 'infusionClaims.filePatterns is "exports/*.csv", which is not a list of globs; using [] instead. Valid: a list of globs, e.g. ["exports/*.csv"].'],
      [{ filePatterns: ['exports/*.csv', 7] }, 'infusionClaims.filePatterns has 7, which is not a glob; it is left out. Valid: globs written as strings, e.g. "exports/*.csv".'],
      [{ inlayHints: true }, 'infusionClaims.inlayHints is true, which is not an inlay hints choice; using "codes" instead. Valid: off, codes or all.'],
    ];
    for (const [raw, message] of cases) {
      const { settings, problems } = readSettings(raw);
      assert.deepStrictEqual(problems.map((p) => p.message), [message], JSON.stringify(raw));
      // What is used instead: the base (here the defaults) for the whole value or the one entry.
      const expected = raw.filePatterns !== undefined && Array.isArray(raw.filePatterns) ? { ...DEFAULT_SETTINGS, filePatterns: ['exports/*.csv'] } : DEFAULT_SETTINGS;
      assert.deepStrictEqual(settings, expected, JSON.stringify(raw));
    }
  });

  it('names every rule id when none is near the one written', () => {
    const [problem] = readSettings({ rules: { zzzzzz: 'off' } }).problems;
    assert.match(problem.message, /^infusionClaims\.rules names "zzzzzz", which is not a rule id, so it sets nothing: the rule ids are auth-missing, bundled-supply, .* or unknown-code$/);
  });

  it('falls back to the base it reads over, and says so', () => {
    const base = { ...DEFAULT_SETTINGS, payer: 'medicare', maxNumberOfProblems: 50 };
    const { settings, problems } = readSettings({ payer: 'aetna', maxNumberOfProblems: '5' }, base);
    assert.deepStrictEqual(settings, base);
    assert.deepStrictEqual(problems.map((p) => p.message.replace(/ Valid: .*/, '')), [
      'infusionClaims.payer is "aetna", which is not a payer; using "medicare" instead.',
      'infusionClaims.maxNumberOfProblems is "5", which is not a whole number of at least 1; using 50 instead.',
    ]);
  });

  it('reads severities and payers in any letter case, spaces around them ignored, as the command line does', () => {
    const { settings, problems } = readSettings({
      rules: { 'ndc-format': 'Error', 'auth-missing': ' OFF ', ' ndc-unit ': 'Info' }, payer: ' Medicare ',
    });
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(settings.rules, { 'ndc-format': 'error', 'auth-missing': 'off', 'ndc-unit': 'info' });
    assert.strictEqual(settings.payer, 'medicare');
  });

  it('takes null or an absent value as not set: nothing to tell', () => {
    for (const raw of [{}, { payer: null, rules: null, maxNumberOfProblems: null, filePatterns: null, inlayHints: null }]) {
      assert.deepStrictEqual(readSettings(raw), { settings: DEFAULT_SETTINGS, problems: [] });
    }
  });

  it('quotes a long value cut short, and never throws on what JSON can hold', () => {
    const [problem] = readSettings({ payer: 'x'.repeat(500) }).problems;
    assert.ok(problem.message.includes(`"${'x'.repeat(59)}…`), problem.message);
    for (const raw of [[], 'x', 3, { rules: JSON.parse('{"__proto__":"off"}') as unknown }]) {
      assert.doesNotThrow(() => readSettings(raw));
    }
  });
});
