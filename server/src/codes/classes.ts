// Code classes of rules.md ("Code classes" table). Pure functions of the code text.
import type { LineValues } from '../model';
import { detach } from '../detach';

/** `letter` + 4 ASCII digits (J2185) → the number (2185); -1 for anything else. Read with
 *  charCodeAt: every rule asks for every line, so no regex and no allocation. */
function numberAfter(code: string, letter: number): number {
  if (code.length !== 5 || code.charCodeAt(0) !== letter) return -1;
  let n = 0;
  for (let i = 1; i < 5; i++) {
    const d = code.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function inRange(code: string, letter: string, from: number, to: number): boolean {
  const n = numberAfter(code, letter.charCodeAt(0));
  return n >= from && n <= to;
}

export const isJCode = (code: string): boolean => inRange(code, 'J', 0, 9999);

/** Enteral/parenteral formula B-codes. */
export const isFormulaBCode = (code: string): boolean => inRange(code, 'B', 4000, 5999);

/** A drug line: a J-code, any line that carries an NDC, or a formula B-code. */
export function isDrugLine(line: Pick<LineValues, 'hcpcs' | 'ndc'>): boolean {
  return isJCode(line.hcpcs) || line.ndc !== '' || isFormulaBCode(line.hcpcs);
}

/** Codes inside rules.md's per diem ranges that CMS describes as no per diem: S9529 is a routine
 *  venipuncture visit (no drug, no days of therapy). test/codes/classes.test.ts derives the list
 *  from the CMS file, so a new quarter that adds such a code fails there until it is named here. */
const NOT_A_PER_DIEM = 'S9529';

export const isTherapyPerDiem = (code: string): boolean =>
  code === 'S9061' || inRange(code, 'S', 9325, 9379) || (inRange(code, 'S', 9490, 9590) && code !== NOT_A_PER_DIEM);

export const isCatheterCarePerDiem = (code: string): boolean => inRange(code, 'S', 5497, 5502);

/** TPN per diems: the standard formula is inside the per diem, so no drug line is needed. */
export const isFormulaIncludedPerDiem = (code: string): boolean => inRange(code, 'S', 9364, 9368);

export const isHydrationPerDiem = (code: string): boolean => inRange(code, 'S', 9373, 9377);

export const NURSING_PRIMARY = '99601';
export const NURSING_ADDON = '99602';
export const isNursingVisit = (code: string): boolean => code === NURSING_PRIMARY || code === NURSING_ADDON;

export const HIT_SUBSEQUENT = ['G0068', 'G0069', 'G0070'] as const;
export const HIT_INITIAL = ['G0088', 'G0089', 'G0090'] as const;
export const isHitInitial = (code: string): boolean => (HIT_INITIAL as readonly string[]).includes(code);
export const isHitSubsequent = (code: string): boolean => (HIT_SUBSEQUENT as readonly string[]).includes(code);
export const isHitCode = (code: string): boolean => isHitInitial(code) || isHitSubsequent(code);

/** HIT payment category 1, 2 or 3 (G0068/G0088 → 1, G0069/G0089 → 2, G0070/G0090 → 3). */
export function hitCategory(code: string): 1 | 2 | 3 | undefined {
  const i = Math.max(HIT_SUBSEQUENT.indexOf(code as never), HIT_INITIAL.indexOf(code as never));
  return i < 0 ? undefined : ((i + 1) as 1 | 2 | 3);
}

/** The subsequent-visit code for an initial-visit code (G0088 → G0068, …). */
export function hitSubsequentFor(initial: string): string | undefined {
  const i = HIT_INITIAL.indexOf(initial as never);
  return i < 0 ? undefined : HIT_SUBSEQUENT[i];
}

export const NOC_DRUG_CODES = ['J3490', 'J3590', 'J7799', 'J7999', 'J9999'] as const;
export const isNocDrug = (code: string): boolean => (NOC_DRUG_CODES as readonly string[]).includes(code);

/** Supplies and equipment included in the per diem (001's table). */
export const isBundledSupply = (code: string): boolean =>
  code === 'J1642' || code === 'A4216' || code === 'A4218' || inRange(code, 'A', 4206, 8004) ||
  code === 'A9270' || code === 'A9900' || code === 'A9999' || inRange(code, 'E', 776, 791) ||
  isSterileSolution(code);

/** J7030–J7060 sterile solutions: not bundled on a day with a hydration per diem. */
export const isSterileSolution = (code: string): boolean => inRange(code, 'J', 7030, 7060);

/** PICC / midline insertion kits: separately billable. */
export const isSeparatelyBillableKit = (code: string): boolean => code === 'S5520' || code === 'S5521';

/** A generic per diem and the range of specific per diems it must not be billed with on the
 *  same day (rules.md `mutually-exclusive-per-diem`; 001: "do not use this code with …"). */
export interface PerDiemExclusion {
  readonly generic: string;
  /** Inclusive S-code number range of the specific codes. */
  readonly from: number;
  readonly to: number;
  /** What the specific codes are, in an analyst's words. */
  readonly what: string;
}

export const PER_DIEM_EXCLUSIONS: readonly PerDiemExclusion[] = [
  { generic: 'S9329', from: 9330, to: 9331, what: 'the continuous/intermittent chemotherapy codes S9330–S9331' },
  { generic: 'S9364', from: 9365, to: 9368, what: 'the TPN daily-volume codes S9365–S9368' },
  { generic: 'S9373', from: 9374, to: 9377, what: 'the hydration daily-volume codes S9374–S9377' },
  { generic: 'S9494', from: 9497, to: 9504, what: 'the hourly antibiotic codes S9497–S9504' },
];

/** The exclusion whose generic code this is; undefined for every other code. */
export function perDiemExclusionOf(code: string): PerDiemExclusion | undefined {
  for (const ex of PER_DIEM_EXCLUSIONS) if (ex.generic === code) return ex;
  return undefined;
}

/** Whether `code` is one of the specific per diems the exclusion's generic must not be billed with. */
export const isSpecificPerDiemOf = (ex: PerDiemExclusion, code: string): boolean => inRange(code, 'S', ex.from, ex.to);

/** Antibiotic per diem dosing interval in hours, most frequent first (rules.md). */
export const ANTIBIOTIC_INTERVAL_HOURS: Readonly<Record<string, number>> = {
  S9497: 3, S9504: 4, S9503: 6, S9502: 8, S9501: 12, S9500: 24,
};

/** Frequencies written as one word or abbreviation, in hours. A continuous infusion runs all
 *  day: a daily per diem (rules.md: hourly q3h–q24h). */
const NAMED_FREQUENCY_HOURS: ReadonlyMap<string, number> = new Map(Object.entries({
  qd: 24, qday: 24, daily: 24, continuous: 24, continuously: 24, 'continuous infusion': 24,
  bid: 12, tid: 8, qid: 6, qod: 48,
  weekly: 168, qw: 168, qwk: 168, qweek: 168, monthly: 720,
}));

/** Hours in a day, a week and a month (001's table: "once per month – 1 (per month)"). */
const PERIOD_HOURS: ReadonlyMap<string, number> = new Map(Object.entries({
  d: 24, day: 24, days: 24, daily: 24, w: 168, wk: 168, wks: 168, week: 168, weeks: 168, weekly: 168,
  month: 720, months: 720, monthly: 720,
}));

/** Doses per period in words: "twice daily". */
const TIMES: ReadonlyMap<string, number> = new Map(Object.entries({ once: 1, one: 1, twice: 2, two: 2, thrice: 3, three: 3, four: 4, five: 5, six: 6 }));

/** q8h, q 8 hrs, every 8 hours, 8h. */
const EVERY_HOURS = /^(?:q ?|every )?(\d+(?:\.\d+)?) ?(?:h|hr|hrs|hour|hours|hourly)$/;
/** every 10 days, q2w, every other day, every week. */
const EVERY_PERIOD = /^(?:q ?|every )(\d+ ?|other )?([a-z]+)$/;
/** twice daily, 3 times a day, 3x/day, once per week. A count needs its "times" or "x": "2 weeks"
 *  is not twice a week. */
const TIMES_PER = /^(\d+ ?(?:times?|x)|once|twice|thrice|(?:one|two|three|four|five|six) times?) ?(?:\/ ?|a |per |each |every )?(day|daily|week|weekly|month|monthly)$/;

/** Frequencies repeat on every per diem line of a file: each wording is read once. */
const frequencyTexts = new Map<string, number | undefined>();

/**
 * Dosing interval in hours from a `frequency` value, as written by hand: q8h, every 8 hours, 8h
 * → 8; daily, once daily, every day, continuous → 24; twice daily, bid → 12; every other day →
 * 48; every 10 days → 240; weekly, once a week → 168. Case, spacing, hyphens and dots (b.i.d.)
 * do not matter. Undefined when unknown ("as needed").
 */
export function frequencyHours(frequency: string): number | undefined {
  if (frequencyTexts.has(frequency)) return frequencyTexts.get(frequency);
  const hours = readFrequency(frequency);
  if (frequencyTexts.size < 10_000) frequencyTexts.set(detach(frequency), hours); // not a slice of a document
  return hours;
}

function readFrequency(frequency: string): number | undefined {
  const f = frequency.toLowerCase().replace(/\.(?!\d)/g, '').replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim();
  const hours = NAMED_FREQUENCY_HOURS.get(f) ?? everyHours(f) ?? everyPeriod(f) ?? timesPer(f);
  return hours !== undefined && hours > 0 && Number.isFinite(hours) ? hours : undefined;
}

function everyHours(f: string): number | undefined {
  const m = EVERY_HOURS.exec(f);
  return m ? Number(m[1]) : undefined;
}

function everyPeriod(f: string): number | undefined {
  const m = EVERY_PERIOD.exec(f);
  const period = m ? PERIOD_HOURS.get(m[2]) : undefined;
  if (!m || period === undefined) return undefined;
  const count = m[1] === undefined ? 1 : m[1] === 'other ' ? 2 : Number(m[1]);
  return count * period;
}

function timesPer(f: string): number | undefined {
  const m = TIMES_PER.exec(f);
  if (!m) return undefined;
  const period = PERIOD_HOURS.get(m[2])!;
  const times = parseInt(m[1], 10) || TIMES.get(m[1].split(' ')[0]);
  return times ? period / times : undefined;
}

/** Dosing interval of a per diem line: the antibiotic table first, then the `frequency` field. */
export function perDiemIntervalHours(line: Pick<LineValues, 'hcpcs' | 'frequency'>): number | undefined {
  return ANTIBIOTIC_INTERVAL_HOURS[line.hcpcs] ?? frequencyHours(line.frequency);
}

/** Home-infusion codes that belong at place of service 12 (home). */
export const isHomeInfusionCode = (code: string): boolean =>
  code.startsWith('S') || isHitCode(code) || isNursingVisit(code);

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** CPT: 4 digits + digit/F/T/U (99601, 0001F). Read with charCodeAt, as numberAfter. */
export function isCptCode(code: string): boolean {
  if (code.length !== 5) return false;
  for (let i = 0; i < 4; i++) if (!isDigit(code.charCodeAt(i))) return false;
  const last = code.charCodeAt(4);
  return isDigit(last) || last === 0x46 /* F */ || last === 0x54 /* T */ || last === 0x55 /* U */;
}

/** HCPCS Level II: an upper-case letter + 4 digits (J2185). */
export function isLevel2Code(code: string): boolean {
  const first = code.charCodeAt(0);
  return first >= 0x41 && first <= 0x5a && numberAfter(code, first) >= 0;
}
