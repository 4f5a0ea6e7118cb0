// Build: compile the CMS reference data into compact indexes, then bundle the
// language server, the CLI and the VS Code client with esbuild.
import * as esbuild from 'esbuild';
import { compileData } from './compile-data.mjs';
import { compileRuleDocs } from './compile-rule-docs.mjs';

const production = process.argv.includes('--production');

await compileData();
compileRuleDocs();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD main requires its modules dynamically, which esbuild cannot bundle: use its ESM build.
  mainFields: ['module', 'main'],
  // npm run package builds with --production: minified bundles (the client loads in every window),
  // no source maps (they are not shipped), and function and class names kept so that a stack trace
  // in the output channel or an issue report still says where it came from.
  sourcemap: !production,
  minify: production,
  keepNames: production,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js' }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
]);
