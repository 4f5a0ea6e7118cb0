// package.json's settings against the code they describe: VS Code completes and checks
// settings.json from these schemas, so a rule id missing here is flagged as a typo there, and a
// removed one is still offered. The defaults are checked in test/lsp/claim-files.test.ts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PAYERS } from '../../server/src/model';
import { NDC_FORMATS, SEVERITY_SETTINGS } from '../../server/src/option-values';
import { RULES } from '../../server/src/rules';
import { REPO_ROOT } from './build-vsix';

interface Property {
  type?: string;
  enum?: string[];
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  enumDescriptions?: string[];
  order?: number;
  properties?: Record<string, Property>;
  additionalProperties?: unknown;
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Property> } };
};
const settings = manifest.contributes.configuration.properties;

describe('package.json settings', function () {
  it('infusionClaims.rules names every rule of the registry, and no other id', () => {
    const rules = settings['infusionClaims.rules'];
    const listed = Object.keys(rules.properties ?? {});
    const registry = RULES.map((r) => r.meta.id);
    const missing = registry.filter((id) => !listed.includes(id));
    const extra = listed.filter((id) => !registry.includes(id));
    assert.deepStrictEqual({ missing, extra }, { missing: [], extra: [] },
      'add each missing id to contributes.configuration "infusionClaims.rules".properties as '
      + '{ "type": "string", "enum": ["error", "warning", "info", "off"], "description": "<meta.description> Default: <severity>." }, '
      + 'and remove each extra one');
    assert.deepStrictEqual(listed, registry, 'in the registry\'s order (by id)');
    assert.strictEqual(rules.additionalProperties, false, 'another id is flagged as not allowed');
    for (const r of RULES) {
      const p = rules.properties![r.meta.id];
      assert.deepStrictEqual([p.type, p.enum], ['string', [...SEVERITY_SETTINGS]], r.meta.id);
      assert.strictEqual(p.description, `${r.meta.description} Default: ${r.meta.defaultSeverity}.`, r.meta.id);
    }
  });

  it('lists the payers, NDC formats and inlay hint choices the server takes', () => {
    assert.deepStrictEqual(settings['infusionClaims.payer'].enum, [...PAYERS]);
    assert.deepStrictEqual(settings['infusionClaims.ndcFormat'].enum, [...NDC_FORMATS]);
    assert.deepStrictEqual(settings['infusionClaims.inlayHints'].enum, ['off', 'codes', 'all']);
  });

  it('says that ndcFormat hyphenated also reports 11 digits without hyphens', () => {
    assert.match(settings['infusionClaims.ndcFormat'].description ?? '', /hyphenated, which also reports an 11-digit NDC written without hyphens/);
  });

  it('gives the Settings UI a markdown description of each setting, in order of use', () => {
    for (const [key, p] of Object.entries(settings)) {
      assert.ok(p.markdownDescription && p.markdownDescription.length > 40, `${key} has a markdownDescription`);
      assert.ok(p.description, `${key} keeps a plain description (hovers of older clients)`);
    }
    const orders = Object.entries(settings).map(([key, p]) => [key, p.order] as const);
    assert.ok(orders.every(([, o]) => typeof o === 'number'), `every setting has an order: ${JSON.stringify(orders)}`);
    assert.strictEqual(new Set(orders.map(([, o]) => o)).size, orders.length, 'no two settings share an order');
    const sorted = [...orders].sort((a, b) => a[1]! - b[1]!).map(([key]) => key);
    assert.deepStrictEqual(sorted.slice(0, 2), ['infusionClaims.payer', 'infusionClaims.rules'], 'the payer and the rules first');
    assert.strictEqual(sorted.at(-1), 'infusionClaims.trace.server', 'the trace last');
  });

  it('describes each payer choice', () => {
    const payer = settings['infusionClaims.payer'];
    assert.strictEqual(payer.enumDescriptions?.length, payer.enum?.length);
    // Only medicare changes what is checked (medicare-per-diem); the descriptions say so.
    assert.match(payer.enumDescriptions![payer.enum!.indexOf('medicare')], /medicare-per-diem/);
    assert.match(payer.enumDescriptions![payer.enum!.indexOf('medicare_advantage')], /does not flag/);
  });

  it('says what filePatterns does to a matched file and how a pattern matches, with an example', () => {
    const text = settings['infusionClaims.filePatterns'].markdownDescription ?? '';
    assert.match(text, /changes language/);
    assert.match(text, /at any folder depth/);
    assert.match(text, /Example: `\["exports\/\*\.csv"/);
  });

  it('declares <client id>.trace.server, which vscode-languageclient reads', () => {
    const extension = fs.readFileSync(path.join(REPO_ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    const id = /new LanguageClient\(\s*'([^']+)'/.exec(extension)?.[1];
    assert.strictEqual(id, 'infusionClaims', 'the client id in client/src/extension.ts');
    const trace = settings[`${id}.trace.server`];
    assert.ok(trace, `${id}.trace.server is declared`);
    assert.deepStrictEqual([trace.type, trace.enum, trace.default], ['string', ['off', 'messages', 'verbose'], 'off']);
  });
});
