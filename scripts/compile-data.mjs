// Compiles data/*.csv (CMS HCPCS Level II, modifiers, NDC–HCPCS crosswalk) into server/out/data.
//
// This is the one place that names a CMS quarter and its source files: a newer quarter drops in
// by copying its CSVs into data/ and changing SOURCES below. The outputs are compact JSON
// (arrays of arrays, dates as day numbers, repeated strings interned) that
// server/src/codes/codeset.ts loads; manifest.json tells it the quarter and the row layouts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.join(ROOT, 'data');
const OUT_DIR = path.join(ROOT, 'server', 'out', 'data');
const SELF = fileURLToPath(import.meta.url);

export const QUARTER = '2025Q4';
export const SOURCES = {
  codes: 'hcpcs_level2_codes_2025Q4.csv',
  modifiers: 'hcpcs_level2_modifiers_2025Q4.csv',
  crosswalk: 'asp_ndc_hcpcs_crosswalk_2025Q4.csv',
};
export const OUTPUTS = {
  manifest: 'manifest.json',
  codes: 'codes.json',
  modifiers: 'modifiers.json',
  crosswalk: 'crosswalk.json',
};

/** Row layouts written below; codeset.ts reads the same positions (kept in the manifest so a
 *  mismatch between a stale output and the loader fails loudly instead of mis-reading). */
export const LAYOUT = {
  codes: ['code', 'long', 'short', 'cov', 'added', 'effective', 'terminated'],
  modifiers: ['code', 'long', 'short', 'cov', 'added', 'effective', 'terminated'],
  crosswalk: ['hcpcs', 'ndcDashed', 'labeler', 'drug', 'dosage', 'pkgSize', 'pkgQty', 'billUnits', 'billUnitsPkg'],
};

/** RFC 4180 CSV: quoted fields may hold commas, line breaks and `""`. Returns rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  let quoted = false;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** Rows as objects keyed by the header, checking that every column the compiler needs exists. */
function readTable(file, required) {
  const rows = parseCsv(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'));
  const header = rows.shift().map((h) => h.trim());
  for (const name of required) {
    if (!header.includes(name)) throw new Error(`${file}: missing column "${name}" (have ${header.join(', ')})`);
  }
  return rows.map((cells, n) => {
    if (cells.length !== header.length) throw new Error(`${file}: row ${n + 2} has ${cells.length} cells, header has ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, cells[k]]));
  });
}

/** YYYYMMDD → days since 1970-01-01 (UTC); null when empty. */
function dayNumber(yyyymmdd, where) {
  const s = yyyymmdd.trim();
  if (s === '') return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) throw new Error(`${where}: unreadable date "${s}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

function num(s, where) {
  const n = Number(s);
  if (s.trim() === '' || !Number.isFinite(n)) throw new Error(`${where}: not a number "${s}"`);
  return n;
}

function compileCodes(file) {
  const rows = readTable(file, ['code', 'long_description', 'short_description', 'cov', 'add_dt', 'act_eff_dt', 'term_dt']);
  return rows.map((r) => [
    r.code.trim(), r.long_description, r.short_description, r.cov.trim(),
    dayNumber(r.add_dt, `${file} ${r.code}`), dayNumber(r.act_eff_dt, `${file} ${r.code}`), dayNumber(r.term_dt, `${file} ${r.code}`),
  ]);
}

/** Crosswalk rows with labeler / drug / dosage interned into string tables (they repeat a lot). */
function compileCrosswalk(file) {
  const rows = readTable(file, ['hcpcs', 'labeler_name', 'ndc11', 'ndc11_nodash', 'drug_name', 'hcpcs_dosage', 'pkg_size', 'pkg_qty', 'billunits', 'billunitspkg']);
  const strings = [];
  const index = new Map();
  const intern = (s) => {
    let k = index.get(s);
    if (k === undefined) { k = strings.length; strings.push(s); index.set(s, k); }
    return k;
  };
  const out = rows.map((r) => {
    const where = `${file} ${r.ndc11}`;
    // The loader derives the digits-only key from the printed form; make sure that holds.
    if (r.ndc11.replace(/-/g, '') !== r.ndc11_nodash) throw new Error(`${where}: ndc11_nodash "${r.ndc11_nodash}" is not ndc11 without hyphens`);
    return [
      r.hcpcs.trim(), r.ndc11.trim(), intern(r.labeler_name), intern(r.drug_name), intern(r.hcpcs_dosage),
      num(r.pkg_size, where), num(r.pkg_qty, where), num(r.billunits, where), num(r.billunitspkg, where),
    ];
  });
  return { strings, rows: out };
}

function isUpToDate() {
  const outs = Object.values(OUTPUTS).map((f) => path.join(OUT_DIR, f));
  if (!outs.every((f) => fs.existsSync(f))) return false;
  const oldestOut = Math.min(...outs.map((f) => fs.statSync(f).mtimeMs));
  const ins = [...Object.values(SOURCES).map((f) => path.join(DATA_DIR, f)), SELF];
  const newestIn = Math.max(...ins.map((f) => fs.statSync(f).mtimeMs));
  if (newestIn >= oldestOut) return false;
  try {
    return JSON.parse(fs.readFileSync(path.join(OUT_DIR, OUTPUTS.manifest), 'utf8')).quarter === QUARTER;
  } catch {
    return false;
  }
}

export async function compileData({ force = false } = {}) {
  if (!force && isUpToDate()) return;
  const started = Date.now();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const codes = compileCodes(SOURCES.codes);
  const modifiers = compileCodes(SOURCES.modifiers);
  const crosswalk = compileCrosswalk(SOURCES.crosswalk);
  const write = (name, value) => fs.writeFileSync(path.join(OUT_DIR, name), JSON.stringify(value));
  write(OUTPUTS.codes, codes);
  write(OUTPUTS.modifiers, modifiers);
  write(OUTPUTS.crosswalk, crosswalk);
  // The manifest last: its presence (with the right quarter) marks a complete compile.
  write(OUTPUTS.manifest, {
    quarter: QUARTER,
    sources: SOURCES,
    files: { codes: OUTPUTS.codes, modifiers: OUTPUTS.modifiers, crosswalk: OUTPUTS.crosswalk },
    layout: LAYOUT,
    counts: { codes: codes.length, modifiers: modifiers.length, crosswalk: crosswalk.rows.length },
  });
  const bytes = Object.values(OUTPUTS).reduce((n, f) => n + fs.statSync(path.join(OUT_DIR, f)).size, 0);
  console.log(`compile-data: ${QUARTER} ${codes.length} codes, ${modifiers.length} modifiers, ${crosswalk.rows.length} crosswalk rows → ${path.relative(ROOT, OUT_DIR)} (${Math.round(bytes / 1024)} KiB, ${Date.now() - started} ms)`);
}

// `node scripts/compile-data.mjs [--force]` compiles on its own.
if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  await compileData({ force: process.argv.includes('--force') });
}
