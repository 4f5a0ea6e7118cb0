// Times each rule (and the parser) over a generated claims CSV: where does lintText spend its
// time? `node scripts/bench/profile-rules.mjs [lines]` (default 100k). Bundles the engine with
// esbuild into a temp dir so it needs only `npm run build`'s compiled data, not tsc output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import Papa from 'papaparse';
import { generateClaimsCsv } from './generate.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const LINES = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'claims-profile-'));
const entry = join(dir, 'entry.ts');
const out = join(root, 'server', 'out', `profile-${process.pid}.js`); // beside server/out/data
await import('node:fs').then((fs) => fs.writeFileSync(entry, [
  `export { parseDocument } from ${JSON.stringify(join(root, 'server/src/parse'))};`,
  `export { lintDocument } from ${JSON.stringify(join(root, 'server/src/engine'))};`,
  `export { RULES } from ${JSON.stringify(join(root, 'server/src/rules'))};`,
  `export { loadCodeSet } from ${JSON.stringify(join(root, 'server/src/codes/codeset'))};`,
].join('\n')));
await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, mainFields: ['module', 'main'], logLevel: 'warning' });
const { parseDocument, lintDocument, RULES, loadCodeSet } = createRequire(import.meta.url)(out);
rmSync(out, { force: true });
rmSync(dir, { recursive: true, force: true });

const text = generateClaimsCsv(LINES);
loadCodeSet();
const time = (f) => { const t = performance.now(); const r = f(); return [performance.now() - t, r]; };
const [papa] = time(() => Papa.parse(text, { header: false, skipEmptyLines: true }));
const [parseMs, doc] = time(() => parseDocument(text, 'csv'));
const rows = [];
for (const rule of RULES) {
  const [ms, findings] = time(() => lintDocument(doc, {}, [rule]));
  rows.push([rule.meta.id, ms, findings.length]);
}
rows.sort((a, b) => b[1] - a[1]);
const [allMs, all] = time(() => lintDocument(parseDocument(text, 'csv'), {}));
console.log(`${LINES} lines, ${(text.length / 1e6).toFixed(1)} MB; papaparse ${papa.toFixed(0)} ms; parse ${parseMs.toFixed(0)} ms; full lint (fresh doc) ${allMs.toFixed(0)} ms, ${all.length} findings`);
for (const [id, ms, n] of rows) console.log(`${ms.toFixed(1).padStart(9)} ms  ${String(n).padStart(6)}  ${id}`);
