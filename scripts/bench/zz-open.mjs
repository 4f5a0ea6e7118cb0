import { join } from 'node:path';
import Papa from 'papaparse';
import { startServer } from './lsp-client.mjs';
import { generateClaimsCsv } from './generate.mjs';
const text = generateClaimsCsv(100000);
const pp = []; for (let i = 0; i < 3; i++) { const t = performance.now(); Papa.parse(text, { header: false, skipEmptyLines: true }); pp.push(performance.now() - t); }
const server = await startServer(process.env.SRV ?? join(import.meta.dirname, '../../server/out/server.js'), process.env.SRV_PROF ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/s15/sprof' } : {});
const uri = 'file:///bench/big.claims.csv';
await new Promise((r) => setTimeout(r, Number(process.env.WAIT ?? 0)));
const t = performance.now();
const got = server.diagnostics(uri, 1);
server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'claims-csv', version: 1, text } });
const d = await got;
console.log(`papaparse ${pp.sort((a,b)=>a-b)[1].toFixed(0)} ms; open ${(performance.now() - t).toFixed(0)} ms; ${d.diagnostics.length} diagnostics`);
server.proc.kill("SIGTERM"); await new Promise(r => setTimeout(r, 1500));
