// Reads the CMS source CSVs with papaparse (a parser independent of scripts/compile-data.mjs),
// so the tests compare the compiled indexes against the files as CMS wrote them.
import * as fs from 'fs';
import * as path from 'path';
import Papa from 'papaparse';

function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'data', 'README.md')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('repository root not found');
  }
}

export const ROOT = repoRoot();

export function readSource(file: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(ROOT, 'data', file), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0].message}`);
  return parsed.data;
}

/** The quarter's source files, from the compiled manifest (the compiler names them once). */
export function manifestSources(dataDir: string): { codes: string; modifiers: string; crosswalk: string } {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')).sources;
}

/** YYYYMMDD → day number, undefined when empty. */
export function dayOf(yyyymmdd: string): number | undefined {
  if (!yyyymmdd) return undefined;
  return Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / 86_400_000;
}
