// Loads the compiled CMS quarter (server/out/data, written by scripts/compile-data.mjs).
// The quarter and its file names live in the compiler's manifest only, so a newer quarter
// drops in by recompiling; nothing here names a quarter.
import * as fs from 'fs';
import * as path from 'path';
import { CPT_CODES } from './cpt';
import type { CodeSet, CrosswalkEntry, HcpcsCode, ModifierInfo } from './types';
import { asciiUpper } from '../parse/ascii';

/** What scripts/compile-data.mjs writes as manifest.json. */
interface Manifest {
  readonly quarter: string;
  readonly files: { readonly codes: string; readonly modifiers: string; readonly crosswalk: string };
  readonly layout: { readonly codes: readonly string[]; readonly modifiers: readonly string[]; readonly crosswalk: readonly string[] };
}

type CodeRow = [string, string, string, string, number | null, number | null, number | null];
type CrosswalkRow = [string, string, number, number, number, number, number, number, number];

const CODE_LAYOUT = ['code', 'long', 'short', 'cov', 'added', 'effective', 'terminated'];
const CROSSWALK_LAYOUT = ['hcpcs', 'ndcDashed', 'labeler', 'drug', 'dosage', 'pkgSize', 'pkgQty', 'billUnits', 'billUnitsPkg'];

const MANIFEST = 'manifest.json';

/**
 * The compiled data directory: `<dir of server.js / cli.js>/data` when bundled, else (tsc output
 * under out/, or ts-node) the nearest ancestor's `server/out/data`.
 */
export function findDataDir(from: string = __dirname): string {
  const beside = path.join(from, 'data');
  if (fs.existsSync(path.join(beside, MANIFEST))) return beside;
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'server', 'out', 'data');
    if (fs.existsSync(path.join(candidate, MANIFEST))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`infusion-claims: compiled code set not found near ${from}; run "npm run build" (scripts/compile-data.mjs)`);
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
}

function sameLayout(actual: readonly string[], expected: readonly string[], what: string): void {
  if (actual.join() !== expected.join()) {
    throw new Error(`infusion-claims: compiled ${what} layout is [${actual.join()}], expected [${expected.join()}]; rebuild the data`);
  }
}

const day = (n: number | null): number | undefined => (n === null ? undefined : n);

function toCode(r: CodeRow): HcpcsCode {
  return { code: r[0], long: r[1], short: r[2], cov: r[3], added: day(r[4]), effective: day(r[5]), terminated: day(r[6]) };
}

function toModifier(r: CodeRow): ModifierInfo {
  return { code: r[0], long: r[1], short: r[2], cov: r[3], added: day(r[4]), effective: day(r[5]), terminated: day(r[6]) };
}

/** 99601/99602 as code entries, described from the policy text (codes/cpt.ts). */
function cptEntries(): HcpcsCode[] {
  return Object.values(CPT_CODES).map((c) => ({ code: c.code, long: c.long.quote, short: c.short, cov: '', policy: c.long.policy, labelPolicy: c.shortPolicy }));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NO_ENTRIES: readonly CrosswalkEntry[] = Object.freeze([]);

/** The crosswalk key of an NDC or alternate id: its text without hyphens, in upper case. CMS
 *  writes some alternate ids in mixed case (`EsanoAC-0101`, `Xcd-25322`) and a claim file may
 *  write them in any case, as codes are; no two ids of the crosswalk differ only in case. */
const ndcKey = (ndc: string): string => asciiUpper(ndc.trim().replace(/-/g, ''));

/** Builds a CodeSet over the compiled files in `dir`. */
export function readCodeSet(dir: string): CodeSet {
  const manifest = readJson<Manifest>(dir, MANIFEST);
  sameLayout(manifest.layout.codes, CODE_LAYOUT, 'codes');
  sameLayout(manifest.layout.modifiers, CODE_LAYOUT, 'modifiers');
  sameLayout(manifest.layout.crosswalk, CROSSWALK_LAYOUT, 'crosswalk');

  const codes: HcpcsCode[] = readJson<CodeRow[]>(dir, manifest.files.codes).map(toCode);
  codes.push(...cptEntries());
  const modifiers = readJson<CodeRow[]>(dir, manifest.files.modifiers).map(toModifier);
  const xw = readJson<{ strings: string[]; rows: CrosswalkRow[] }>(dir, manifest.files.crosswalk);

  const codeIndex = new Map(codes.map((c) => [c.code, c]));
  const modifierIndex = new Map(modifiers.map((m) => [m.code, m]));
  const byNdc = new Map<string, CrosswalkEntry[]>();
  const byCode = new Map<string, CrosswalkEntry[]>();
  for (const r of xw.rows) {
    const entry: CrosswalkEntry = {
      hcpcs: r[0], ndcDashed: r[1], ndc11: r[1].trim().replace(/-/g, ''), labeler: xw.strings[r[2]], drug: xw.strings[r[3]],
      dosage: xw.strings[r[4]], pkgSize: r[5], pkgQty: r[6], billUnits: r[7], billUnitsPkg: r[8],
    };
    push(byNdc, ndcKey(r[1]), entry);
    push(byCode, entry.hcpcs, entry);
  }

  // Every rule looks codes up, mostly as the parser wrote them (trimmed, upper case): the keys are
  // in that form, so a key found as given is the one found after normalising it, without the new
  // strings trim, toUpperCase and replace would make on each call.
  return {
    quarter: manifest.quarter,
    code: (code) => codeIndex.get(code) ?? codeIndex.get(asciiUpper(code.trim())),
    modifier: (code) => modifierIndex.get(code) ?? modifierIndex.get(asciiUpper(code.trim())),
    ndc: (ndc11) => byNdc.get(ndc11) ?? byNdc.get(ndcKey(ndc11)) ?? NO_ENTRIES,
    ndcsForCode: (hcpcs) => byCode.get(hcpcs) ?? byCode.get(asciiUpper(hcpcs.trim())) ?? NO_ENTRIES,
    resolveNdc10: (digits10) => padNdc10(digits10).filter((d) => byNdc.has(d)),
    allCodes: () => codes,
    allModifiers: () => modifiers,
  };
}

/**
 * The three 11-digit forms a 10-digit NDC can stand for (FDA labeler-product-package 4-4-2,
 * 5-3-2, 5-4-1, each padded with a zero to 5-4-2), in that order; [] unless exactly 10 digits.
 */
export function padNdc10(digits10: string): string[] {
  const d = digits10.trim();
  if (!/^\d{10}$/.test(d)) return [];
  return [`0${d}`, `${d.slice(0, 5)}0${d.slice(5)}`, `${d.slice(0, 9)}0${d.slice(9)}`];
}

let cached: CodeSet | undefined;

/** The shipped code set, read once on first use and cached for the process. */
export function loadCodeSet(): CodeSet {
  cached ??= readCodeSet(findDataDir());
  return cached;
}
