// npm run package: builds the production bundles and packs the extension into
// infusion-claims-<version>.vsix with vsce, offline. Dependencies are inside the esbuild
// bundles, so vsce runs with --no-dependencies; .vscodeignore lists what is shipped.
// Options: --out <file.vsix>  (default: ./infusion-claims-<version>.vsix)
//          --no-build         (pack the bundles already built, as they are: e.g. after
//                              `node scripts/build.mjs --production`)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, `${pkg.name}-${pkg.version}.vsix`);

function run(cmd, cmdArgs) {
  // stdin closed: vsce asks y/N questions on a terminal when something is missing; it must fail instead.
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`package: ${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

const build = args.includes('--no-build') ? undefined : join(root, 'scripts', 'build.mjs');
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
try {
  // The shipped bundles are the production build (minified, no source maps). It is written where
  // the manifest points (client/out, server/out), so the development build (source maps, readable
  // code: what the tests and F5 run) is built again after packing, also when packing fails.
  try {
    if (build) run(process.execPath, [build, '--production']);
    run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out]);
  } finally {
    if (build) run(process.execPath, [build]);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
console.log(`package: wrote ${out}`);
