// `npm run bench`: the performance figures of DEVELOPERS.md / issue 6, measured over stdio LSP
// against papaparse in the same run. Prints a table and writes it into README.md between
// the bench markers. Not a test: figures vary by machine, ratios are what we track.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { generateClaimsCsv, generateClaimsJson } from './generate.mjs';
import { startServer, peakMemoryMb } from './lsp-client.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const CLI_LINES = Number(process.env.BENCH_CLI_LINES ?? 1_000_000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

function papaparseMs(text, runs = 3) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    Papa.parse(text, { header: false, skipEmptyLines: true });
    times.push(performance.now() - t);
  }
  return median(times);
}

/** papaparse's first parse in a fresh process: no code compiled yet, as for a server's first open
 *  (papaparseMs is the median of three in this process, warm after the first). Median of 3. */
function papaparseColdMs(file, runs = 3) {
  const script = `const Papa = require(${JSON.stringify(join(root, 'node_modules', 'papaparse'))});
const text = require('fs').readFileSync(process.argv[1], 'utf8');
const t = performance.now();
Papa.parse(text, { header: false, skipEmptyLines: true });
process.stdout.write(String(performance.now() - t));`;
  const times = [];
  for (let i = 0; i < runs; i++) times.push(Number(execFileSync(process.execPath, ['-e', script, file], { encoding: 'utf8' })));
  return median(times);
}

async function lspFigures(text) {
  const server = await startServer(join(root, 'server/out/server.js'));
  const uri = 'file:///bench/big.claims.csv';
  const rows = text.split('\n');
  try {
    let t = performance.now();
    const opened = server.diagnostics(uri, 1);
    server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'claims-csv', version: 1, text } });
    const first = await opened;
    const openMs = performance.now() - t;

    // One-cell edits of the units cell, each undone by the next (every edit changes the text: an
    // edit that changes nothing is not measured). Retyped: a digit replaced, rows in the middle
    // (the text after it stays where it was). Typed: a digit typed at the end of the cell, then
    // deleted, on rows from a tenth to nine tenths into the file (the text after it moves by a
    // character: what typing does).
    let version = 1;
    const editUnits = async (line, next) => {
      const cells = rows[line].split(',');
      const col = cells.slice(0, 9).join(',').length + 1; // start of `units`
      const old = cells[9];
      version++;
      const waiting = server.diagnostics(uri, version);
      const t0 = performance.now();
      server.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col + old.length } }, text: next(old) }],
      });
      await waiting;
      rows[line] = [...cells.slice(0, 9), next(old), ...cells.slice(10)].join(',');
      return performance.now() - t0;
    };
    const editTimes = [];
    for (let i = 0; i < 9; i++) {
      const line = Math.floor(rows.length / 2) + Math.floor(i / 2) * 7;
      editTimes.push(await editUnits(line, (old) => String(Number(old) + (i % 2 === 0 ? 1 : -1))));
    }
    const typedTimes = [];
    for (let i = 0; i < 10; i++) {
      const line = Math.floor(rows.length * (0.1 + 0.2 * Math.floor(i / 2)));
      typedTimes.push(await editUnits(line, (old) => (i % 2 === 0 ? `${old}5` : old.slice(0, -1))));
    }

    // Hover on code cells all over the file.
    const hoverTimes = [];
    let answered = 0;
    for (let i = 0; i < 60; i++) {
      const line = 1 + Math.floor(((i * 7919) % (rows.length - 2)));
      const character = rows[line].split(',').slice(0, 7).join(',').length + 2;
      t = performance.now();
      const h = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      hoverTimes.push(performance.now() - t);
      if (h) answered++;
    }
    const peak = await peakMemoryMb(server.proc.pid);

    // The same text opened again as another file, after the first is closed: the engine is warm
    // now (V8 has optimised it), which the first open never is. Peak memory is read before.
    server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const second = 'file:///bench/big-again.claims.csv';
    t = performance.now();
    const again = server.diagnostics(second, 1);
    server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: second, languageId: 'claims-csv', version: 1, text } });
    await again;
    const warmOpenMs = performance.now() - t;
    const problems = server.statuses.find((p) => p.uri === uri)?.problems;
    return { openMs, warmOpenMs, diagnostics: first.diagnostics.length, problems, editMs: median(editTimes), typedMs: median(typedTimes), hoverMs: median(hoverTimes), hoverAnswered: answered, peak };
  } finally {
    await server.stop();
  }
}

/** Open → diagnostics of `text` in a server that has opened nothing before (a fresh process of
 *  `server`, started with `env` and initialization options `init`): the time and the count of
 *  diagnostics published. */
async function firstOpen(text, { server: path = join(root, 'server/out/server.js'), env = {}, init = undefined } = {}) {
  const server = await startServer(path, env, init);
  try {
    const uri = 'file:///bench/first.claims.csv';
    const t = performance.now();
    const published = server.diagnostics(uri, 1);
    server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'claims-csv', version: 1, text } });
    const p = await published;
    return { ms: performance.now() - t, diagnostics: p.diagnostics.length };
  } finally {
    await server.stop();
  }
}

/** Open → diagnostics with every problem published (maxNumberOfProblems above them), as the
 *  figure was before the server published at most 1000 (VS Code's own limit) by default. */
const openAllPublishedMs = (text) => firstOpen(text, { init: { infusionClaims: { maxNumberOfProblems: 1_000_000 } } });

/** A small CSV document beside the big one, for hovers while the big one is checked: opened and
 *  linted; gives the hover request that `hoversUntil` sends. */
async function openSmall(server) {
  const small = 'file:///bench/small.claims.csv';
  const opened = server.diagnostics(small, 1);
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'claims-csv', version: 1, text: 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge\nC1,M1,commercial,PA1,2026-03-02,12,J2185,30,96.00\n' } });
  await opened;
  return { textDocument: { uri: small }, position: { line: 1, character: 40 } };
}

/** `send`, then a hover in the small document every 20 ms until `uri`'s diagnostics of `version`
 *  come: how long they took, and how long the hovers waited. */
async function hoversUntil(server, hover, uri, version, send) {
  let done = false;
  const t = performance.now();
  const published = server.diagnostics(uri, version).then(() => { done = true; });
  send();
  const waits = [];
  while (!done) {
    const h = performance.now();
    await server.conn.sendRequest('textDocument/hover', hover);
    waits.push(performance.now() - h);
    await new Promise((r) => setTimeout(r, 20));
  }
  await published;
  return { ms: performance.now() - t, hovers: waits.length, median: median(waits), slowest: Math.max(...waits) };
}

/** Hovers in a small document while the big text opens (its first lint runs a step at a time
 *  between requests): how long they wait. */
async function hoverWhileOpening(text) {
  const server = await startServer(join(root, 'server/out/server.js'));
  try {
    const hover = await openSmall(server);
    const uri = 'file:///bench/opening.claims.csv';
    return await hoversUntil(server, hover, uri, 1, () =>
      server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'claims-csv', version: 1, text } }));
  } finally {
    await server.stop();
  }
}

/** The same lines as an open JSON document (linted in full on open and on every edit): open →
 *  diagnostics, one edit → diagnostics, hovers in a small document meanwhile, peak. */
async function jsonDocumentFigures(jsonText) {
  const server = await startServer(join(root, 'server/out/server.js'));
  try {
    const hover = await openSmall(server);
    const uri = 'file:///bench/export.claims.json';
    const open = await hoversUntil(server, hover, uri, 1, () =>
      server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'claims-json', version: 1, text: jsonText } }));
    // A `"units": 30` retyped as 31 inside a claim object: near the start of the file (every line
    // after it moves), then at a fifth, two fifths, ... of the way; the first with hovers meanwhile.
    const edits = [];
    for (let i = 0; i < 5; i++) {
      const at = jsonText.indexOf('"units": 30', Math.floor(jsonText.length * i / 5));
      const pos = { line: jsonText.slice(0, at).split('\n').length - 1, character: at - jsonText.lastIndexOf('\n', at) - 1 + '"units": '.length };
      edits.push(await hoversUntil(server, hover, uri, 2 + i, () => server.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 + i },
        contentChanges: [{ range: { start: pos, end: { line: pos.line, character: pos.character + 2 } }, text: '31' }],
      })));
    }
    // A claim object pasted before the one that starts halfway through the file (the edits above
    // changed digits only: its line number holds).
    const at = jsonText.indexOf('\n    {\n      "claim_id"', Math.floor(jsonText.length / 2)) + 1;
    const line = jsonText.slice(0, at).split('\n').length - 1;
    const claim = '    { "claim_id": "X1", "member_id": "MX", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] },\n';
    const paste = await hoversUntil(server, hover, uri, 7, () => server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 7 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: claim }],
    }));
    return { open, edit: edits[0], editMedian: median(edits.map((e) => e.ms)), paste, peak: await peakMemoryMb(server.proc.pid) };
  } finally {
    await server.stop();
  }
}

/** What stdio LSP costs by itself: open → diagnostics with a server that does no work but
 *  publish as many ready-made diagnostics (floor-server.cjs); median of 3. */
async function floorMs(text, diagnostics) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    times.push((await firstOpen(text, { server: join(root, 'scripts/bench/floor-server.cjs'), env: { FLOOR_DIAGNOSTICS: String(diagnostics) } })).ms);
  }
  return median(times);
}

/** Runs the CLI on a file (`format`: the default text report, or json; `fix`: with --fix) and
 *  samples its peak memory until it exits. With --fix, the summary's count of fixes too. */
async function cliFigures(file, format, fix = false) {
  const t = performance.now();
  const args = ['check', file, ...(format === 'json' ? ['--format', 'json'] : []), ...(fix ? ['--fix'] : [])];
  const child = spawn(process.execPath, [join(root, 'bin/infusion-claims.js'), ...args], { stdio: ['ignore', fix ? 'pipe' : 'ignore', 'inherit'] });
  let tail = '';
  child.stdout?.on('data', (d) => { tail = (tail + d).slice(-4096); });
  let peak = 0;
  // A child that has just exited has no VmHWM any more (NaN): such a sample is skipped.
  const sample = async () => { try { const mb = await peakMemoryMb(child.pid); if (Number.isFinite(mb)) peak = Math.max(peak, mb); } catch { /* exited */ } };
  const timer = setInterval(sample, 25);
  const code = await new Promise((res) => child.on('exit', res));
  clearInterval(timer);
  const fixed = /Fixed (\d+) problem/.exec(tail)?.[1] ?? '0';
  return { cliMs: performance.now() - t, peak, code, fixed };
}

const text = generateClaimsCsv(LINES);
const papa = papaparseMs(text);
const coldDir = mkdtempSync(join(tmpdir(), 'claims-bench-cold-'));
writeFileSync(join(coldDir, 'bench.claims.csv'), text);
const papaCold = papaparseColdMs(join(coldDir, 'bench.claims.csv'));
rmSync(coldDir, { recursive: true, force: true });
const lsp = await lspFigures(text);
// One open varies by 20-40% from run to run on this machine: two more first opens, each in a
// fresh server, and the median of the three.
const openRuns = [lsp.openMs, (await firstOpen(text)).ms, (await firstOpen(text)).ms];
const openMs = median(openRuns);
const floor = await floorMs(text, lsp.diagnostics);
const all = await openAllPublishedMs(text);
const meanwhile = await hoverWhileOpening(text);

const dir = mkdtempSync(join(tmpdir(), 'claims-bench-'));
const bigFile = join(dir, 'big.claims.csv');
const bigText = generateClaimsCsv(CLI_LINES, 7);
writeFileSync(bigFile, bigText);
// Both reports: the default text one, and JSON, which also carries every fix's title (three
// times the bytes). The machine's speed varies by 10–30% from one run to the next: papaparse and
// the two checks are timed three times each, taking turns, and compared by their medians (each
// run's ratio to the papaparse run before it is printed too).
const papaBigRuns = [];
const cliRuns = [];
const cliJsonRuns = [];
for (let i = 0; i < 3; i++) {
  papaBigRuns.push(papaparseMs(bigText, 1));
  cliRuns.push(await cliFigures(bigFile, 'text'));
  cliJsonRuns.push(await cliFigures(bigFile, 'json'));
}
const papaBig = median(papaBigRuns);
/** The run of median time (its memory and exit code with it). */
const medianRun = (runs) => [...runs].sort((a, b) => a.cliMs - b.cliMs)[Math.floor(runs.length / 2)];
const cli = medianRun(cliRuns);
const cliJson = medianRun(cliJsonRuns);
const eachRatio = (runs) => runs.map((r, i) => `${(r.cliMs / papaBigRuns[i]).toFixed(2)}×`).join(', ');
// The same at a quarter of the lines: memory that does not grow with the file is streaming.
const quarterFile = join(dir, 'quarter.claims.csv');
writeFileSync(quarterFile, generateClaimsCsv(CLI_LINES / 4, 7));
const cliQuarter = await cliFigures(quarterFile, 'json');
// --fix writes the file (its safe fixes: the generated 4-4-2 NDCs), then reports on it as it is now.
const cliFix = await cliFigures(bigFile, 'text', true);
const cliFixQuarter = await cliFigures(quarterFile, 'text', true);
// The 100k lines of the LSP figures as a JSON export (claim objects holding their lines).
const jsonFile = join(dir, 'export.claims.json');
const jsonText = generateClaimsJson(LINES);
writeFileSync(jsonFile, jsonText);
const cliJsonFile = await cliFigures(jsonFile, 'text');
const jsonDoc = await jsonDocumentFigures(jsonText);
rmSync(dir, { recursive: true, force: true });

const mark = (ok) => (ok ? 'met' : '**missed**');
const table = [
  `Generated ${LINES.toLocaleString('en-US')}-line claims CSV (${(text.length / 1e6).toFixed(1)} MB), node ${process.version}, ${new Date().toISOString().slice(0, 10)}:`,
  '',
  '| measure | figure | target | |',
  '|---|---|---|---|',
  `| papaparse parse (reference) | ${ms(papa)} | | |`,
  `| open → diagnostics (${lsp.problems} problems: ${lsp.diagnostics} diagnostics published, the first 1000 by severity and a note, the default \`maxNumberOfProblems\`) | median of 3 first opens: ${ms(openMs)} = ${(openMs / papa).toFixed(2)}× papaparse; each ${openRuns.map((x) => `${(x / papa).toFixed(2)}×`).join(', ')} | ≤ 1.0× papaparse | ${mark(openMs <= papa)} |`,
  `| open → diagnostics with every problem published (${all.diagnostics} diagnostics; \`maxNumberOfProblems\` raised) | ${ms(all.ms)} = ${(all.ms / papa).toFixed(2)}× papaparse | (reference) | |`,
  `| papaparse's first parse in a fresh process (no code compiled yet, as for a server's first open; median of 3) | ${ms(papaCold)}: the first open above is ${(openMs / papaCold).toFixed(2)}× that | (reference) | |`,
  `| open → diagnostics again, the same text as a second file (engine warm) | ${ms(lsp.warmOpenMs)} = ${(lsp.warmOpenMs / papa).toFixed(2)}× papaparse | (reference) | |`,
  `| stdio LSP floor: a server doing no work, publishing ${lsp.diagnostics} diagnostics | ${ms(floor)} = ${(floor / papa).toFixed(2)}× papaparse | (reference) | |`,
  `| hovers in another document while it opens (one every 20 ms; open → diagnostics ${ms(meanwhile.ms)}) | ${meanwhile.hovers} answered, median ${ms(meanwhile.median)}, slowest ${ms(meanwhile.slowest)} | (reference) | |`,
  `| one-cell edit → diagnostics, debounce included: a digit typed into a cell, then deleted, from a tenth to nine tenths into the file (the text after it moves; median of 10) | ${ms(lsp.typedMs)} | ≤ 100 ms | ${mark(lsp.typedMs <= 100)} |`,
  `| the same, a digit replaced in a cell in the middle (the text after it stays; median of 9) | ${ms(lsp.editMs)} | ≤ 100 ms | ${mark(lsp.editMs <= 100)} |`,
  `| hover (median of 60, ${lsp.hoverAnswered} answered) | ${ms(lsp.hoverMs)} | ≤ 2 ms | ${mark(lsp.hoverMs <= 2)} |`,
  `| server peak memory (VmHWM) | ${lsp.peak.toFixed(0)} MB | ≤ 250 MB | ${mark(lsp.peak <= 250)} |`,
  `| CLI on ${CLI_LINES.toLocaleString('en-US')} lines (${(bigText.length / 1e6).toFixed(0)} MB), text report (the default), exit ${cli.code} | median of 3: ${ms(cli.cliMs)} = ${(cli.cliMs / papaBig).toFixed(2)}× papaparse (median ${ms(papaBig)}); each run ${eachRatio(cliRuns)} | ≤ 2× papaparse | ${mark(cli.cliMs <= 2 * papaBig)} |`,
  `| CLI on the same file, \`--format json\`, exit ${cliJson.code} | median of 3: ${ms(cliJson.cliMs)} = ${(cliJson.cliMs / papaBig).toFixed(2)}× papaparse; each run ${eachRatio(cliJsonRuns)} | ≤ 2× papaparse | ${mark(cliJson.cliMs <= 2 * papaBig)} |`,
  `| CLI peak memory | text ${cli.peak.toFixed(0)} MB, JSON ${cliJson.peak.toFixed(0)} MB (JSON on ${(CLI_LINES / 4).toLocaleString('en-US')} lines: ${cliQuarter.peak.toFixed(0)} MB) | flat (streaming) | |`,
  `| CLI \`--fix\` on the same file (${Number(cliFix.fixed).toLocaleString('en-US')} safe fixes written, then the report of the file as written, from the fixing) | ${ms(cliFix.cliMs)}, peak ${cliFix.peak.toFixed(0)} MB (${(CLI_LINES / 4).toLocaleString('en-US')} lines: ${ms(cliFixQuarter.cliMs)}, ${cliFixQuarter.peak.toFixed(0)} MB) | flat (fixed in parts) | |`,
  `| the same lines as an open JSON document (${(jsonText.length / 1e6).toFixed(0)} MB): open → diagnostics; a value retyped inside a claim object → diagnostics (the object re-read: the same length, so nothing after it moves): near the start, and median of 5 over the file; a claim object pasted halfway → diagnostics | ${ms(jsonDoc.open.ms)}; ${ms(jsonDoc.edit.ms)}, ${ms(jsonDoc.editMedian)}; ${ms(jsonDoc.paste.ms)}; server peak ${jsonDoc.peak.toFixed(0)} MB; a hover in another document waited at most ${ms(jsonDoc.open.slowest)} / ${ms(jsonDoc.edit.slowest)} / ${ms(jsonDoc.paste.slowest)} | (reference) | |`,
  `| CLI on the ${LINES.toLocaleString('en-US')} lines as a JSON export (${(jsonText.length / 1e6).toFixed(0)} MB, pretty-printed), text report, exit ${cliJsonFile.code} | ${ms(cliJsonFile.cliMs)}, peak ${cliJsonFile.peak.toFixed(0)} MB | (reference) | |`,
].join('\n');
console.log(table);

const readmePath = join(root, 'README.md');
try {
  const readme = readFileSync(readmePath, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (readme.includes(start) && readme.includes(end)) {
    writeFileSync(readmePath, readme.slice(0, readme.indexOf(start) + start.length) + '\n' + table + '\n' + readme.slice(readme.indexOf(end)));
    console.log('\nREADME.md updated with these figures.');
  }
} catch { /* no README: figures printed only */ }
