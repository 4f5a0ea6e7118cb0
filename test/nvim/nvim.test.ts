// Neovim as an LSP client of `node server/out/server.js --stdio`: no VS Code at all.
// Installs Debian's neovim when it is missing, then runs test/nvim/check.lua headless on
// copies of the samples (the script prints one line per check and exits non-zero on failure).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ensureDebianPackages } from '../e2e/support/deps';
import { REPO_ROOT } from '../e2e/support/paths';
import { sampleWorkspace, tempDir } from '../e2e/support/workspace';

interface NvimCase {
  file: string;
  filetype: string;
  expect: string[];
  hover: { token: string; expect: string };
  fix: { title: string; before: string; after: string };
}

const SERVER = path.join(REPO_ROOT, 'server', 'out', 'server.js');

/** Neovim 0.8's vim.lsp.start and vim.fs.dirname on 0.7 (one client per name and root). */
const NVIM_08_SHIM = `
vim.g.do_filetype_lua = 1
if not vim.lsp.start then
  local started = {}
  vim.lsp.start = function(config)
    local key = config.name .. '\\0' .. (config.root_dir or '')
    started[key] = started[key] or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(0, started[key])
    return started[key]
  end
end
vim.fs = vim.fs or { dirname = function(p) return vim.fn.fnamemodify(p, ':h') end }
`;

/** The first Lua code block after `heading` in a Markdown file of the repository. */
function luaBlockAfter(file: string, heading: string): string {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const at = text.indexOf(heading);
  assert.ok(at >= 0, `${file} has the heading "${heading}"`);
  const block = /```lua\n([\s\S]*?)```/.exec(text.slice(at))?.[1];
  assert.ok(block, `${file} has a Lua block under "${heading}"`);
  return block;
}

function runNvim(dir: string, c: NvimCase): { status: number | null; output: string } {
  const caseFile = path.join(dir, `${path.basename(c.file)}.case.json`);
  fs.writeFileSync(caseFile, JSON.stringify({ server: SERVER, ...c }));
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(REPO_ROOT, 'test', 'nvim', 'check.lua')}`], {
    cwd: dir,
    env: { ...process.env, INFUSION_NVIM_CASE: caseFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 90_000,
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}` };
}

describe('Neovim (headless) as a client of the stdio language server', function () {
  this.timeout(10 * 60_000); // apt-get install neovim on a fresh machine
  let dir = '';

  before(async () => {
    await ensureDebianPackages('neovim');
    if (!fs.existsSync(SERVER)) {
      const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.strictEqual(build.status, 0, `npm run build failed: ${build.stderr}`);
    }
    dir = sampleWorkspace(tempDir('nvim'));
  });

  after(() => {
    if (dir) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  const cases: Array<[string, Omit<NvimCase, 'file'> & { sample: string }]> = [
    ['CSV', {
      sample: 'problems.claims.csv', filetype: 'claims-csv',
      expect: ['ndc-format', 'ndc-missing', 'auth-missing', 'concurrent-therapy-modifier'],
      hover: { token: 'J2185', expect: 'meropenem' },
      fix: { title: 'Pad NDC to 11 digits', before: '0143-9431-10', after: '00143-9431-10' },
    }],
    ['JSON', {
      sample: 'problems.claims.json', filetype: 'claims-json',
      expect: ['ndc-format', 'ndc-missing', 'auth-missing', 'concurrent-therapy-modifier'],
      hover: { token: 'S9501', expect: 'per diem' },
      fix: { title: 'Pad NDC to 11 digits', before: '00143-943-10', after: '00143-0943-10' },
    }],
  ];

  /** Runs a Lua configuration as the user's init file and checks that a claim file opened with
   *  it gets its file type and the server's diagnostics (docs-config-check.lua). */
  function runConfig(name: string, lua: string): void {
    assert.ok(lua.includes('/path/to/infusion-claims/server/out/server.js'), 'the block names the server path to replace');
    const init = path.join(dir, `init-${name}.lua`);
    fs.writeFileSync(init, lua.replace('/path/to/infusion-claims/server/out/server.js', SERVER));
    const r = spawnSync('nvim', ['--headless', '-u', init, '-i', 'NONE', '-c', `luafile ${path.join(REPO_ROOT, 'test', 'nvim', 'docs-config-check.lua')}`], {
      cwd: dir,
      env: { ...process.env, INFUSION_NVIM_FILE: path.join(dir, 'problems.claims.csv'), XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      encoding: 'utf8',
    });
    const output = `${r.stdout}${r.stderr}`;
    console.log(output.trimEnd().split('\n').map((l) => `        ${l}`).join('\n'));
    assert.strictEqual(r.status, 0, `nvim exited ${r.status}:\n${output}`);
    assert.match(output, /^docs config: all passed/m);
  }

  it('the Neovim 0.7 configuration of docs/neovim.md, used as written, shows the diagnostics', () => {
    const block = luaBlockAfter('docs/neovim.md', '## Configuration (Neovim 0.7)');
    runConfig('0.7', block);
  });

  it('the README\'s Neovim 0.8+ lines, used as written, show the diagnostics (0.8 API shimmed on 0.7)', () => {
    const block = luaBlockAfter('README.md', '## Neovim and other editors');
    // Debian's Neovim is 0.7: give it the two 0.8 functions the lines use, built from 0.7's own
    // API, and its switch for vim.filetype.add(). The README's lines run unchanged after it.
    runConfig('readme', `${NVIM_08_SHIM}\n${block}`);
  });

  for (const [name, { sample, ...c }] of cases) {
    it(`${name}: diagnostics, hover, "Pad NDC to 11 digits" applied, diagnostics re-published`, () => {
      const t0 = Date.now();
      const { status, output } = runNvim(dir, { file: path.join(dir, sample), ...c });
      console.log(output.trimEnd().split('\n').map((l) => `        ${l}`).join('\n'));
      console.log(`        (nvim run: ${Date.now() - t0} ms)`);
      assert.strictEqual(status, 0, `nvim exited ${status}:\n${output}`);
      assert.match(output, /^nvim check: all passed/m);
      assert.doesNotMatch(output, /^FAIL/m);
      assert.match(output, /^ok re-published diagnostics without ndc-format/m);
    });
  }
});
