// Times each rule (and the parser) over a generated claims CSV: where does lintText spend its
// time? `node scripts/bench/profile-rules.mjs [lines]` (default 100k). Bundles the engine with
// esbuild into a temp dir so it needs only `npm run build`'s compiled data, not tsc output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import Papa from 'papaparse';
import { generateClaimsCsv } from './generate.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const LINES = Number(process.argv[2] ?? 100_000);
/** `--full N`: skip the per-rule table, lint the whole text N times (for `node --cpu-prof`). */
const FULL = process.argv.includes('--full') ? Number(process.argv[process.argv.indexOf('--full') + 1] ?? 3) : 0;
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
if (!process.env.PROFILE_KEEP) rmSync(out, { force: true });
rmSync(dir, { recursive: true, force: true });

const text = generateClaimsCsv(LINES);
loadCodeSet();
// CPU time of this process (user + system), not wall time: the figures stay comparable while
// other processes share the machine.
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const time = (f) => { const t = cpuMs(); const r = f(); return [cpuMs() - t, r]; };
const [papa] = time(() => Papa.parse(text, { header: false, skipEmptyLines: true }));
const [parseMs, doc] = time(() => parseDocument(text, 'csv'));
if (process.argv.includes('--lint-only')) {
  // The rules only, again and again over one parsed document (for `node --cpu-prof`).
  for (let i = 0; i < (FULL || 5); i++) {
    const [lint, f] = time(() => lintDocument(doc, {}));
    console.log(`lint ${lint.toFixed(0)} ms; ${f.length} findings`);
  }
  process.exit(0);
}
if (FULL) {
  for (let i = 0; i < FULL; i++) {
    const [parse, d] = time(() => parseDocument(text, 'csv'));
    const [lint, f] = time(() => lintDocument(d, {}));
    console.log(`papaparse ${papa.toFixed(0)} ms; parse ${parse.toFixed(0)} ms; lint ${lint.toFixed(0)} ms; ${f.length} findings`);
  }
  process.exit(0);
}
// Each rule alone on the parsed document: the first run (cold: it may make Fields others reuse)
// and the best of three more (steady state).
const rows = [];
for (const rule of RULES) {
  const [ms, findings] = time(() => lintDocument(doc, {}, [rule]));
  let best = Infinity;
  for (let i = 0; i < 3; i++) best = Math.min(best, time(() => lintDocument(doc, {}, [rule]))[0]);
  rows.push([rule.meta.id, ms, findings.length, best]);
}
rows.sort((a, b) => b[1] - a[1]);
const [allMs, all] = time(() => lintDocument(parseDocument(text, 'csv'), {}));
console.log(`${LINES} lines, ${(text.length / 1e6).toFixed(1)} MB; papaparse ${papa.toFixed(0)} ms; parse ${parseMs.toFixed(0)} ms; full lint (fresh doc) ${allMs.toFixed(0)} ms, ${all.length} findings`);
console.log('    first       best  findings  rule');
for (const [id, ms, n, best] of rows) console.log(`${ms.toFixed(1).padStart(9)} ms ${best.toFixed(1).padStart(7)} ms  ${String(n).padStart(6)}  ${id}`);
