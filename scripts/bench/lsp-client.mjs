// A minimal LSP client over stdio for the benchmark (vscode-jsonrpc, as editors use it).
import { spawn } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

/** `initializationOptions`: settings pushed at start (e.g. `{ infusionClaims: { maxNumberOfProblems } }`). */
export async function startServer(serverPath, env = {}, initializationOptions = undefined) {
  const proc = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  proc.stdin.on('error', () => { /* the server has exited: nothing more to send */ });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of [...waiters]) if (w.test(p)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  const statuses = [];
  // A busy status (a long lint begins) has no counts of its own: only finished lints are kept.
  conn.onNotification('infusionClaims/status', (p) => { if (!p.busy) statuses.push(p); });
  conn.onNotification(() => {});
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions });
  conn.sendNotification('initialized', {});
  return {
    proc,
    conn,
    /** infusionClaims/status notifications received (problem counts). */
    statuses,
    /** Resolves with the next publishDiagnostics for uri at least at `version`. */
    diagnostics(uri, version) {
      return new Promise((resolve) => waiters.push({ test: (p) => p.uri === uri && (p.version === undefined || p.version >= version), resolve }));
    },
    async stop() {
      await conn.sendRequest('shutdown').catch(() => {});
      // Wait for the exit notification to be written: killing the server first made the write fail
      // later, on a destroyed pipe, and took the benchmark down with it.
      await Promise.resolve(conn.sendNotification('exit')).catch(() => {});
      conn.dispose();
      proc.kill();
    },
  };
}

/** Peak resident memory (VmHWM) of a process, in MB (Linux). */
export async function peakMemoryMb(pid) {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}
