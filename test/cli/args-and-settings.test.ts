// The command line's options and the editor's settings take the same values: a severity, a rule
// id, a payer or an NDC format that `--rule`/`--payer`/`--ndc-format` accept is one the
// `infusionClaims` settings use, and one they refuse (exit 2) the settings fall back on.
import * as assert from 'assert';
import { parseArgs, type CliOptions } from '../../server/src/cli/args';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../../server/src/lsp/settings';

/** What `check x.csv <option> <value>` sets, or undefined when it is a usage error. */
function cliValue<K extends keyof CliOptions>(option: string, value: string, key: K): CliOptions[K] | undefined {
  try {
    const parsed = parseArgs(['check', 'x.claims.csv', option, value]);
    return parsed === 'help' || parsed === 'version' ? undefined : parsed[key];
  } catch {
    return undefined;
  }
}

describe('CLI options and editor settings read alike', function () {
  it('rule severities, in any letter case and with spaces around them', () => {
    for (const written of ['error', 'Error', ' WARNING ', 'info', 'Off', 'warn', 'none', '', 'err or']) {
      const cli = (cliValue('--rule', `ndc-format=${written}`, 'rules') as CliOptions['rules'] | undefined)?.['ndc-format'];
      const editor = sanitizeSettings({ rules: { 'ndc-format': written } }).rules['ndc-format'];
      assert.strictEqual(editor, cli, `severity ${JSON.stringify(written)}`);
    }
  });

  it('rule ids, spaces around them ignored; a misspelt one sets nothing', () => {
    for (const written of ['ndc-format', ' ndc-format ', 'ndc-formatt', 'NDC-FORMAT', 'auth-missing']) {
      const cli = cliValue('--rule', `${written}=off`, 'rules') as CliOptions['rules'] | undefined;
      const editor = sanitizeSettings({ rules: { [written]: 'off' } }).rules;
      assert.deepStrictEqual(editor, cli ?? {}, `rule id ${JSON.stringify(written)}`);
    }
  });

  it('payers, in any letter case', () => {
    for (const written of ['medicare', 'MEDICARE', ' Medicaid ', 'medicare_advantage', 'aetna', 'medicare advantage']) {
      const cli = cliValue('--payer', written, 'payer');
      const editor = sanitizeSettings({ payer: written }, { ...DEFAULT_SETTINGS, payer: 'none given' }).payer;
      assert.strictEqual(editor === 'none given' ? undefined : editor, cli, `payer ${JSON.stringify(written)}`);
    }
  });

  it('NDC formats, written as listed', () => {
    for (const written of ['keep', 'hyphenated', 'digits', 'Digits', ' digits', 'dashes']) {
      const cli = cliValue('--ndc-format', written, 'ndcFormat');
      const editor = sanitizeSettings({ ndcFormat: written }, { ...DEFAULT_SETTINGS, ndcFormat: 'none given' as 'keep' }).ndcFormat;
      assert.strictEqual(editor === ('none given' as string) ? undefined : editor, cli, `NDC format ${JSON.stringify(written)}`);
    }
  });
});
