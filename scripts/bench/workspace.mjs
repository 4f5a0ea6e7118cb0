// `npm run bench:workspace`: workspace analysis on a generated workspace of 1,000 claim files
// (BENCH_WS_FILES, BENCH_WS_LINES lines each), over stdio LSP as an editor drives it:
// indexing time and the server's memory with the index (against the same server with workspace
// analysis off), the first lint of an open file and an edit with cross-file lines, the
// lint-workspace request, and `infusion-claims check --workspace` over the folder; then the CLI
// and the server over two big exports (BENCH_WS_BIG lines each, default 250,000) sharing their
// members: per file and as one workspace, and the server indexing and linting them; then a year
// of daily exports (daily.mjs: BENCH_WS_DAYS files of the same BENCH_WS_MEMBERS members, one date
// each) by the CLI and the server, an edit in one of them with workspace analysis off and on.
// BENCH_WS_ONLY=daily runs that last part only (and leaves README.md alone).
// Not a test: figures vary by machine.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { generateClaimsCsv, generateClaimsJson } from './generate.mjs';
import { dailyFileName, writeDailyExports } from './daily.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const SERVER = join(root, 'server/out/server.js');
const FILES = Number(process.env.BENCH_WS_FILES ?? 1000);
const LINES = Number(process.env.BENCH_WS_LINES ?? 100);
const BIG = Number(process.env.BENCH_WS_BIG ?? 250_000);
const DAYS = Number(process.env.BENCH_WS_DAYS ?? 365);
const MEMBERS = Number(process.env.BENCH_WS_MEMBERS ?? 200);

/** Loaded into the server process (node -r): on SIGUSR2, a full collection, then its memory
 *  into BENCH_MEM_OUT, so the figure is what the server keeps, not garbage not yet collected. */
const PROBE = `process.on('SIGUSR2', () => {
  global.gc();
  require('fs').writeFileSync(process.env.BENCH_MEM_OUT, JSON.stringify(process.memoryUsage()));
});
`;

/** The server's memory in MB: RSS and peak RSS from /proc, and what it keeps after a full
 *  collection (heap used plus array buffers). */
async function memoryMb(proc, out) {
  rmSync(out, { force: true });
  proc.kill('SIGUSR2');
  let heap = NaN;
  for (let i = 0; i < 100 && Number.isNaN(heap); i++) {
    await new Promise((r) => setTimeout(r, 50));
    // Typed arrays' contents live outside the V8 heap: count them in.
    try {
      const m = JSON.parse(readFileSync(out, 'utf8'));
      heap = (m.heapUsed + m.arrayBuffers) / 1048576;
    } catch { /* not yet */ }
  }
  const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { heap, rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** A workspace folder of FILES claim files, ~LINES lines each, in 10 subfolders; members overlap across files. */
function makeWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'claims-ws-bench-'));
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, `batch-${String(i % 10).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const text = generateClaimsCsv(LINES, 1000 + i);
    bytes += text.length;
    writeFileSync(join(sub, `export-${String(i).padStart(4, '0')}.claims.csv`), text);
  }
  return { dir, bytes };
}

/** Two big exports of the same 20,000 members (the generator's), different visits. */
function makeBigPair() {
  const dir = mkdtempSync(join(tmpdir(), 'claims-ws-big-'));
  writeFileSync(join(dir, 'january.claims.csv'), generateClaimsCsv(BIG, 1));
  writeFileSync(join(dir, 'february.claims.csv'), generateClaimsCsv(BIG, 2));
  return dir;
}

async function startServer(folder, settings) {
  const probe = join(folder, '..', `probe-${process.pid}.cjs`);
  writeFileSync(probe, PROBE);
  const memOut = join(folder, '..', `mem-${process.pid}-${Date.now()}.json`);
  const proc = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : []), '--expose-gc', '-r', probe, SERVER, '--stdio'],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, BENCH_MEM_OUT: memOut } });
  proc.stdin.on('error', () => {}); // the server exits on `exit`; a late write is not a failure
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const listeners = new Set();
  const fire = (kind, p) => { for (const l of [...listeners]) l(kind, p); };
  conn.onNotification('textDocument/publishDiagnostics', (p) => fire('diagnostics', p));
  conn.onNotification('$/progress', (p) => fire('progress', p));
  conn.onNotification('window/logMessage', (p) => fire('log', p));
  conn.onNotification(() => {});
  conn.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'infusionClaims' ? settings : null)));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const until = (test) => new Promise((res) => {
    const l = (kind, p) => { if (test(kind, p)) { listeners.delete(l); res(p); } };
    listeners.add(l);
  });
  const uri = pathToFileURL(folder).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
    },
  });
  return {
    proc, conn, until,
    memory: () => memoryMb(proc, memOut),
    async stop() {
      rmSync(memOut, { force: true });
      rmSync(probe, { force: true });
      await conn.sendRequest('shutdown').catch(() => {});
      await conn.sendNotification('exit').catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
      conn.dispose();
      if (proc.exitCode === null) proc.kill();
    },
  };
}

/** Edits timed by openAndEdit (the median is reported). */
const EDITS = 5;

/** Open one file, wait for its diagnostics; then edit a units cell EDITS times (one more unit,
 *  then back), waiting for the diagnostics of each: the median. */
async function openAndEdit(server, file) {
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  let t = performance.now();
  const first = server.until((k, p) => k === 'diagnostics' && p.uri === uri);
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'claims-csv', version: 1, text } });
  const opened = await first;
  const openMs = performance.now() - t;
  const row = text.split('\n')[5];
  const col = row.split(',').slice(0, 9).join(',').length + 1; // the units cell
  let cell = row.split(',')[9];
  const times = [];
  for (let version = 2; version < 2 + EDITS; version++) {
    const next = version % 2 === 0 ? String(Number(cell) + 1) : String(Number(cell) - 1);
    const edited = server.until((k, p) => k === 'diagnostics' && p.uri === uri && p.version === version);
    t = performance.now();
    server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 5, character: col }, end: { line: 5, character: col + cell.length } }, text: next }],
    });
    await edited;
    times.push(performance.now() - t);
    cell = next;
  }
  times.sort((a, b) => a - b);
  return { openMs, editMs: times[times.length >> 1], problems: opened.diagnostics.length };
}

/** The daily exports (daily.mjs): the CLI per file and as one workspace; the server opening one
 *  file and editing a cell (median of `EDITS` edits) with workspace analysis off and on, and its
 *  lint-workspace request. */
async function dailyRows() {
  const dir = mkdtempSync(join(tmpdir(), 'claims-ws-daily-'));
  try {
    const bytes = writeDailyExports(dir, DAYS, MEMBERS);
    const file = join(dir, dailyFileName(Math.floor(DAYS / 2)));
    const off = await withoutAnalysis(dir, file);
    const on = await withAnalysis(dir, file);
    const cliOff = cliRun(dir, false);
    const cliOn = cliRun(dir, true);
    const what = `${DAYS} daily files of the same ${MEMBERS} members (${(DAYS * MEMBERS).toLocaleString('en-US')} lines, ${fmt(bytes / 1e6, 'MB')})`;
    return [
      [`CLI check, ${what}, per file / --workspace`, `${fmt(cliOff.ms, 'ms')} / ${fmt(cliOn.ms, 'ms')}, peak ${fmt(cliOn.peakMb, 'MB')}, ${cliOn.findings} findings`],
      ['the server on them: indexing; open a file, first diagnostics, off / on', `${fmt(on.indexMs, 'ms')}; ${fmt(off.lint.openMs, 'ms')} / ${fmt(on.lint.openMs, 'ms')}`],
      ['edit a cell: diagnostics (median of 5), off / on', `${fmt(off.lint.editMs, 'ms')} / ${fmt(on.lint.editMs, 'ms')}`],
      ['then lint-workspace', `${fmt(on.lintWorkspaceMs, 'ms')}: ${on.lintWorkspace.files} files, ${on.lintWorkspace.problems} problems`],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withAnalysis(dir, file) {
  const server = await startServer(dir, { workspaceAnalysis: true });
  const t0 = performance.now();
  const logged = server.until((k, p) => k === 'log' && /indexed \d+ claim files/.test(p.message));
  const ended = server.until((k, p) => k === 'progress' && p.value.kind === 'end');
  server.conn.sendNotification('initialized', {});
  const log = await logged;
  await ended;
  const indexMs = performance.now() - t0;
  const indexedMem = await server.memory();
  const lint = await openAndEdit(server, file);

  let published = 0;
  const count = (k, p) => { if (k === 'diagnostics') published++; return false; };
  void server.until(count);
  const t1 = performance.now();
  const r = await server.conn.sendRequest('infusionClaims/lintWorkspace', {});
  const lintWorkspaceMs = performance.now() - t1;
  const afterLintMem = await server.memory();
  await server.stop();
  return { indexMs, log: log.message, indexedMem, lint, lintWorkspaceMs, lintWorkspace: r, published, afterLintMem };
}

async function withoutAnalysis(dir, file) {
  const server = await startServer(dir, { workspaceAnalysis: false });
  server.conn.sendNotification('initialized', {});
  const lint = await openAndEdit(server, file);
  const mem = await server.memory();
  await server.stop();
  return { lint, mem };
}

/** Hovers sent every 20 ms until `done` settles: how long each waited. */
async function hoversUntil(server, dir, done) {
  const waits = [];
  let going = true;
  void done.then(() => { going = false; });
  const textDocument = { uri: pathToFileURL(join(dir, 'not-open.claims.csv')).href };
  while (going) {
    const t = performance.now();
    await server.conn.sendRequest('textDocument/hover', { textDocument, position: { line: 0, character: 0 } });
    waits.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  waits.sort((a, b) => a - b);
  return { hovers: waits.length, slowest: waits[waits.length - 1], median: waits[waits.length >> 1] };
}

/** The server on a folder of big exports, a hover sent every 20 ms meanwhile: indexing it, then
 *  the lint-workspace request; how long each takes, how long a request waits meanwhile, the peak. */
async function serverOnBig(dir) {
  const server = await startServer(dir, { workspaceAnalysis: true });
  const logged = server.until((k, p) => k === 'log' && /indexed \d+ claim files/.test(p.message));
  let t0 = performance.now();
  server.conn.sendNotification('initialized', {});
  const indexing = await hoversUntil(server, dir, logged);
  const indexMs = performance.now() - t0;
  t0 = performance.now();
  const request = server.conn.sendRequest('infusionClaims/lintWorkspace', {});
  const linting = await hoversUntil(server, dir, request);
  const lintMs = performance.now() - t0;
  const { problems } = await request;
  const mem = await server.memory();
  await server.stop();
  return { indexMs, indexing, lintMs, linting, problems, peak: mem.peak };
}

/** `infusion-claims check --workspace <dir>`: wall time and peak memory. */
function cliRun(dir, workspace) {
  const preload = join(dir, '..', `maxrss-${process.pid}.cjs`);
  writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, `\\nmaxrss ${process.resourceUsage().maxRSS}\\n`));\n");
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-r', preload, join(root, 'server/out/cli.js'), 'check', '--format', 'json', ...(workspace ? ['--workspace'] : []), dir],
    { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  rmSync(preload, { force: true });
  const kb = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const files = JSON.parse(r.stdout);
  return { ms, peakMb: kb / 1024, findings: files.reduce((n, f) => n + f.findings.length, 0), files: files.length };
}

/** The figures as a table in README.md, between the bench-workspace markers (when it has them). */
function writeIntoReadme(rows) {
  const path = join(root, 'README.md');
  const start = '<!-- bench-workspace:start -->';
  const end = '<!-- bench-workspace:end -->';
  try {
    const readme = readFileSync(path, 'utf8');
    if (!readme.includes(start) || !readme.includes(end)) return;
    const table = [
      `node ${process.version}, ${new Date().toISOString().slice(0, 10)}:`,
      '',
      '| measure | figure |',
      '|---|---|',
      ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    ].join('\n');
    writeFileSync(path, readme.slice(0, readme.indexOf(start) + start.length) + '\n' + table + '\n' + readme.slice(readme.indexOf(end)));
    console.log('\nREADME.md updated with these figures.');
  } catch { /* no README: figures printed only */ }
}

const fmt = (x, unit) => `${x.toFixed(x < 10 ? 1 : 0)} ${unit}`;

if (process.env.BENCH_WS_ONLY === 'daily') {
  const rows = await dailyRows();
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  process.exit(0);
}

const { dir, bytes } = makeWorkspace();
try {
  const file = join(dir, 'batch-03', 'export-0003.claims.csv');
  const off = await withoutAnalysis(dir, file);
  const on = await withAnalysis(dir, file);
  const cliOff = cliRun(dir, false);
  const cliOn = cliRun(dir, true);
  const rows = [
    ['workspace', `${FILES} files, ${FILES * (LINES - 1)} service lines, ${fmt(bytes / 1e6, 'MB')}`],
    ['indexing (initialized → progress end)', fmt(on.indexMs, 'ms')],
    ['server log', on.log.replace(/^infusion-claims: /, '')],
    ['server memory, analysis off (one file open)', `kept ${fmt(off.mem.heap, 'MB')}, RSS ${fmt(off.mem.rss, 'MB')}`],
    ['server memory, index built (one file open)', `kept ${fmt(on.indexedMem.heap, 'MB')}, RSS ${fmt(on.indexedMem.rss, 'MB')} (peak ${fmt(on.indexedMem.peak, 'MB')})`],
    ['the index (kept, on − off)', `${fmt(on.indexedMem.heap - off.mem.heap, 'MB')}, ${Math.round(((on.indexedMem.heap - off.mem.heap) * 1048576) / (FILES * (LINES - 1)))} bytes per service line`],
    ['open a file: first diagnostics, off / on', `${fmt(off.lint.openMs, 'ms')} / ${fmt(on.lint.openMs, 'ms')}`],
    ['edit a cell: diagnostics (median of 5), off / on', `${fmt(off.lint.editMs, 'ms')} / ${fmt(on.lint.editMs, 'ms')}`],
    ['lint-workspace request', `${fmt(on.lintWorkspaceMs, 'ms')}: ${on.lintWorkspace.files} files, ${on.lintWorkspace.problems} problems, ${on.published} publishDiagnostics`],
    ['server memory after lint-workspace', `kept ${fmt(on.afterLintMem.heap, 'MB')}, RSS ${fmt(on.afterLintMem.rss, 'MB')} (peak ${fmt(on.afterLintMem.peak, 'MB')})`],
    ['CLI check, per file', `${fmt(cliOff.ms, 'ms')}, peak ${fmt(cliOff.peakMb, 'MB')}, ${cliOff.findings} findings`],
    ['CLI check --workspace', `${fmt(cliOn.ms, 'ms')}, peak ${fmt(cliOn.peakMb, 'MB')}, ${cliOn.findings} findings`],
  ];
  const big = makeBigPair();
  try {
    const server = await serverOnBig(big);
    const bigOff = cliRun(big, false);
    const bigOn = cliRun(big, true);
    const lines = (2 * BIG).toLocaleString('en-US');
    rows.push(
      [`CLI check, 2 files of ${BIG.toLocaleString('en-US')} lines, per file`, `${fmt(bigOff.ms, 'ms')}, peak ${fmt(bigOff.peakMb, 'MB')}, ${bigOff.findings} findings`],
      [`CLI check --workspace, the same ${lines} lines`, `${fmt(bigOn.ms, 'ms')}, peak ${fmt(bigOn.peakMb, 'MB')}, ${bigOn.findings} findings`],
      ['server indexing the same 2 files', `${fmt(server.indexMs, 'ms')}; ${server.indexing.hovers} hovers meanwhile, slowest ${fmt(server.indexing.slowest, 'ms')}, median ${fmt(server.indexing.median, 'ms')}`],
      ['then lint-workspace', `${fmt(server.lintMs, 'ms')}, ${server.problems} problems; ${server.linting.hovers} hovers meanwhile, slowest ${fmt(server.linting.slowest, 'ms')}, median ${fmt(server.linting.median, 'ms')}; server peak ${fmt(server.peak, 'MB')}`],
    );
  } finally {
    rmSync(big, { recursive: true, force: true });
  }
  // A JSON export (claim objects holding their lines) beside a small CSV file: read in batches of
  // claim objects by the server and the CLI, never as a parse tree.
  const jsonDir = mkdtempSync(join(tmpdir(), 'claims-ws-json-'));
  try {
    const jsonText = generateClaimsJson(100_000, 3);
    writeFileSync(join(jsonDir, 'export.claims.json'), jsonText);
    writeFileSync(join(jsonDir, 'visits.claims.csv'), generateClaimsCsv(100, 3));
    const server = await serverOnBig(jsonDir);
    const cli = cliRun(jsonDir, true);
    const what = `a 100,000-line JSON export (${fmt(jsonText.length / 1e6, 'MB')}) and a small CSV file`;
    rows.push(
      [`server indexing ${what}`, `${fmt(server.indexMs, 'ms')}; ${server.indexing.hovers} hovers meanwhile, slowest ${fmt(server.indexing.slowest, 'ms')}`],
      ['then lint-workspace', `${fmt(server.lintMs, 'ms')}, ${server.problems} problems; slowest hover ${fmt(server.linting.slowest, 'ms')}; server peak ${fmt(server.peak, 'MB')}`],
      ['CLI check --workspace over them', `${fmt(cli.ms, 'ms')}, peak ${fmt(cli.peakMb, 'MB')}, ${cli.findings} findings`],
    );
  } finally {
    rmSync(jsonDir, { recursive: true, force: true });
  }
  rows.push(...(await dailyRows()));
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nWorkspace analysis benchmark (node ${process.version}, ${process.platform})\n`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  writeIntoReadme(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
