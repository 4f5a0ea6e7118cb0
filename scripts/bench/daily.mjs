// A year of daily exports (`npm run bench:workspace` and BENCH_WS_ONLY=daily): FILES files, one
// date of service each, each with a line for each of the same MEMBERS members, and no finding.
// The case where a cross-file check that handed each file every line of its members from every
// other file grew with the square of the files (365 files: 172 s for the CLI, against 1.3 s
// checked per file).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER } from './generate.mjs';

const day = (n) => new Date(Date.UTC(2026, 0, 1) + n * 86400000).toISOString().slice(0, 10);

/** The name of day `d`'s file. */
export const dailyFileName = (d) => `${day(d)}.claims.csv`;

/** One clean line of a member on day `d` (no finding alone or beside the member's other days'
 *  lines): a drug, a nursing visit or a subsequent HIT visit, by member. */
function row(m, d) {
  const member = `M${String(m).padStart(4, '0')}`;
  const claim = `C${String(d).padStart(3, '0')}${String(m).padStart(4, '0')}`;
  const head = [claim, member, 'commercial', `PA${claim.slice(1)}`, day(d), '', '12'];
  switch (m % 3) {
    case 0: return [...head, 'J2185', '', 30, '96.00', '00143-9431-10', 'UN', 3, '', 'single', '', '', ''].join(',');
    case 1: return [...head, '99601', '', 1, '180.00', '', '', '', '', '', '', 90, ''].join(',');
    default: return [...head, 'G0069', '', 1, '150.00', '', '', '', '', '', '', '', ''].join(',');
  }
}

/** Write `files` daily exports of `members` lines each into `dir`; returns their total bytes. */
export function writeDailyExports(dir, files = 365, members = 200) {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let d = 0; d < files; d++) {
    const rows = [HEADER];
    for (let m = 0; m < members; m++) rows.push(row(m, d));
    const text = rows.join('\n') + '\n';
    bytes += text.length;
    writeFileSync(join(dir, dailyFileName(d)), text);
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, files, members] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node scripts/bench/daily.mjs DIR [FILES] [MEMBERS]');
  const bytes = writeDailyExports(dir, Number(files ?? 365), Number(members ?? 200));
  console.log(`${dir}: ${files ?? 365} files, ${(bytes / 1e6).toFixed(1)} MB`);
}
