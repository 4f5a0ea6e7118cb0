// The rule catalog: every registered rule matches spec/rules.md (id, default severity, whether it
// offers fixes and whether they are safe), has its doc page with its verbatim policy quote and
// seed, a quote that really occurs in that seed, and its table tests.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, RULES_BY_ID } from '../server/src/rules';
import { parseDocument } from '../server/src/parse';
import { lintDocument, lintText } from '../server/src/engine';
import { FIX_TITLE_PATTERNS, SEEDS, SPEC_RULES, SPEC_RULES_BY_ID } from './fixtures/spec-rules';

/** The repository root, from out/test/ (compiled) or test/ (ts-node). */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'seeds'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`repository root not found above ${__dirname}`);
  }
}

const ROOT = repoRoot();
/** Whitespace-normalised, as quotes are compared (line breaks of the seed don't matter). */
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const read = (...parts: string[]): string => fs.readFileSync(path.join(ROOT, ...parts), 'utf8');

interface Example { readonly kind: 'Fails' | 'Fixed'; readonly format: 'csv' | 'json'; readonly text: string }

/** Rules a page's Fails example cannot help raising besides its own, and why. */
const ALSO_RAISED: Readonly<Record<string, readonly string[]>> = {
  // An ended code's NDC is listed in the crosswalk under the code that replaced it.
  'code-inactive': ['ndc-code-mismatch'],
  // The crosswalk names the code a mistyped code's NDC is billed under: the fix's hint.
  'unknown-code': ['ndc-code-mismatch'],
};

/** The page's example blocks: "Fails…:" / "Fixed:" followed by a csv or json code block. */
function examples(page: string): Example[] {
  return [...page.matchAll(/^(Fails|Fixed)[^\n]*:\s*```(csv|json)\r?\n([\s\S]*?)```/gm)]
    .map((m) => ({ kind: m[1] as Example['kind'], format: m[2] as Example['format'], text: m[3] }));
}

describe('rule catalog', () => {
  it('the spec list has 32 unique ids in kebab-case', () => {
    assert.strictEqual(SPEC_RULES.length, 32);
    assert.strictEqual(SPEC_RULES_BY_ID.size, SPEC_RULES.length, 'duplicate id in the spec list');
    for (const r of SPEC_RULES) assert.match(r.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('registers every rule of rules.md, and nothing else', () => {
    const registered = RULES.map((r) => r.meta.id).sort();
    const spec = SPEC_RULES.map((r) => r.id).sort();
    assert.deepStrictEqual(registered, spec);
  });

  it('the registry is sorted by id, with unique ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepStrictEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
    assert.strictEqual(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
    assert.strictEqual(RULES_BY_ID.size, ids.length);
    for (const r of RULES) assert.strictEqual(RULES_BY_ID.get(r.meta.id), r);
  });

  for (const rule of RULES) {
    const { id, defaultSeverity, policy, fixable } = rule.meta;
    describe(id, () => {
      const spec = SPEC_RULES_BY_ID.get(id);

      it('is a rules.md rule with the same default severity', () => {
        assert.ok(spec, `${id} is not in rules.md`);
        assert.strictEqual(defaultSeverity, spec.severity);
      });

      it('offers fixes exactly when rules.md lists one, safe only where rules.md allows', () => {
        assert.ok(spec);
        if (spec.fixes.length === 0) {
          assert.strictEqual(fixable, undefined, `rules.md lists no fix for ${id}, but meta.fixable is ${fixable}`);
        } else {
          assert.strictEqual(fixable, spec.safe ? 'safe' : 'unsafe', `rules.md fix ${spec.fixes.join(' / ')}`);
        }
      });

      it('cites a verbatim quote of one of the five seeds', () => {
        assert.ok(SEEDS.includes(policy.seed), `unknown seed ${policy.seed}`);
        assert.ok(norm(policy.quote).length >= 20, 'the quote is too short to say anything');
        const seed = norm(read('seeds', policy.seed));
        assert.ok(seed.includes(norm(policy.quote)), `the quote does not occur in seeds/${policy.seed}: "${policy.quote}"`);
      });

      it(`has its page docs/rules/${id}.md with the heading, severity, quote and seed`, () => {
        const file = path.join('docs', 'rules', `${id}.md`);
        assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is missing`);
        const page = read(file);
        assert.strictEqual(page.split(/\r?\n/)[0], `# ${id}`, 'the page starts with "# <id>"');
        assert.ok(page.includes(`**Default severity:** ${defaultSeverity}`), 'the page states the default severity');
        // Markdown blockquotes put "> " in front of each quoted line: drop those before comparing.
        const text = norm(page.replace(/^>\s?/gm, ''));
        assert.ok(text.includes(norm(policy.quote)), 'the page quotes the policy verbatim');
        assert.ok(page.includes(policy.seed), `the page names seeds/${policy.seed}`);
        for (const title of spec?.fixes ?? []) {
          // The page names each fix as rules.md does, or with real values ("Use J3373").
          const pattern = FIX_TITLE_PATTERNS[title];
          assert.ok(pattern, `no title pattern for the rules.md fix "${title}"`);
          assert.ok(page.includes(title) || new RegExp(pattern.source.replace(/^\^/, '')).test(page), `the page names the fix "${title}"`);
        }
      });

      it('the page\'s Fails example is reported by the rule, its Fixed example is not', () => {
        const found = examples(read('docs', 'rules', `${id}.md`));
        assert.ok(found.some((e) => e.kind === 'Fails'), 'the page has no "Fails:" example block');
        assert.ok(found.some((e) => e.kind === 'Fixed'), 'the page has no "Fixed:" example block');
        for (const e of found) {
          const messages = lintDocument(parseDocument(e.text, e.format), {}, [rule]).map((f) => f.message);
          if (e.kind === 'Fails') assert.ok(messages.length > 0, `the Fails example raises no ${id} finding`);
          else assert.deepStrictEqual(messages, [], `the Fixed example still raises ${id}`);
        }
      });

      it('the page\'s examples pasted into a file: Fails raises no other rule, Fixed raises nothing', () => {
        // With every rule on, as a reader who copies an example sees it.
        for (const e of examples(read('docs', 'rules', `${id}.md`))) {
          const findings = lintText(e.text, e.format, {}).findings;
          if (e.kind === 'Fixed') {
            assert.deepStrictEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), [], 'the Fixed example raises findings');
          } else {
            const others = findings.filter((f) => f.ruleId !== id && !(ALSO_RAISED[id] ?? []).includes(f.ruleId));
            assert.deepStrictEqual(others.map((f) => `${f.ruleId}: ${f.message}`), [], 'the Fails example raises other rules');
          }
        }
      });

      it(`has its table tests test/rules/${id}.test.ts`, () => {
        assert.ok(fs.existsSync(path.join(ROOT, 'test', 'rules', `${id}.test.ts`)), `test/rules/${id}.test.ts is missing`);
      });
    });
  }
});
