// Random claims (what is billed), independent of how a file writes them: service-line records
// built from billing scenarios that make the rules with quick fixes fire (NDC display forms,
// drug units, concurrent per diems, wastage, date spans, nursing and HIT visits, bundled
// supplies, MG quantities, KP/KQ), plus clean lines. `render.ts` writes them as CSV or JSON.
import type { FieldName } from '../../../server/src/model';
import type { Random } from './random';

/** One service line: canonical field → text value; modifiers as a list. */
export interface LineRecord {
  readonly values: Partial<Record<FieldName, string>>;
  readonly modifiers: readonly string[];
}

export interface ClaimRecord {
  readonly claimId: string;
  readonly memberId: string;
  readonly payer: string;
  readonly authNumber: string;
  readonly lines: readonly LineRecord[];
}

const DAY_MS = 86_400_000;
const BASE = Date.UTC(2026, 3, 1);

/** Day n of April 2026 onwards, as YYYY-MM-DD or MM/DD/YYYY. */
export function dayText(n: number, us = false): string {
  const iso = new Date(BASE + n * DAY_MS).toISOString().slice(0, 10);
  return us ? `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}` : iso;
}

/** Notes that stress quoting and escaping (commas, quotes, non-ASCII, a character outside the BMP). */
const NOTES = [
  'Meropenem 1 g, 3 vials', 'Ceftriaxone 2 g', 'Pump "CADD" cassette', 'Daptomycin 350 mg from a 500 mg vial',
  'Vancomycin 1 g; 2 vials', 'Café au lait: patient note', 'Heparin 1,000 units/mL', 'Dose 🧪 adjusted',
  'Tab\there', 'Back\\slash', '', '', '',
];

interface Drug {
  readonly code: string;
  readonly ndc: string;
  readonly displayNdc: readonly string[];
  /** HCPCS units for ndc_qty = 1 (UN). */
  readonly unitsPerItem: number;
  readonly charge: string;
  readonly name: string;
}

const MEROPENEM: Drug = { code: 'J2185', ndc: '00143-9431-10', displayNdc: ['0143-9431-10', '00143943110'], unitsPerItem: 10, charge: '32.00', name: 'Meropenem 1 g' };
const CEFTRIAXONE: Drug = { code: 'J0696', ndc: '00409-7335-03', displayNdc: ['0409-7335-03', '00409733503'], unitsPerItem: 8, charge: '24.00', name: 'Ceftriaxone 2 g' };
const VANCOMYCIN: Drug = { code: 'J3373', ndc: '00409-6535-01', displayNdc: ['0409-6535-01'], unitsPerItem: 100, charge: '19.00', name: 'Vancomycin 1 g' };
const DRUGS = [MEROPENEM, CEFTRIAXONE, VANCOMYCIN];

type Values = Partial<Record<FieldName, string>>;

function line(values: Values, modifiers: readonly string[] = []): LineRecord {
  return { values, modifiers };
}

function money(n: number): string {
  return n.toFixed(2);
}

function notes(r: Random, fallback: string): string {
  return r.chance(0.5) ? fallback : r.pick(NOTES);
}

function perDiem(r: Random, day: number, code: string, freq: string, mods: readonly string[] = [], units = '1'): LineRecord {
  return line({ dos_from: dayText(day), pos: '12', hcpcs: code, units, charge: code === 'S9502' ? '250.00' : '150.00', frequency: freq }, mods);
}

/** A drug line; sometimes a display-form NDC (ndc-format) or vial-count units (drug-units). */
function drug(r: Random, day: number, d: Drug, items = r.range(1, 3), mods: readonly string[] = []): LineRecord {
  const ndc = r.chance(0.35) ? r.pick(d.displayNdc) : d.ndc;
  const units = r.chance(0.2) ? String(items) : String(items * d.unitsPerItem);
  return line({
    dos_from: dayText(day), pos: '12', hcpcs: d.code, units, charge: money(items * Number(d.charge)),
    ndc, ndc_unit: 'UN', ndc_qty: String(items), vial: 'single', notes: notes(r, `${d.name}, ${items} vials`),
  }, mods);
}

type Scenario = (r: Random, day: number) => LineRecord[];

const SCENARIOS: Readonly<Record<string, Scenario>> = {
  antibiotic: (r, day) => [perDiem(r, day, 'S9502', 'q8h'), drug(r, day, MEROPENEM)],
  concurrent: (r, day) => {
    // Primary/SH/SJ right, missing, SJ without SH, or the less frequent one billed as primary.
    const plan = r.pick([['', 'SH', 'SJ'], ['', '', ''], ['', 'SJ', ''], ['SH', '', ''], ['', 'SH', 'SH'], ['SJ', 'SH', '']]);
    const three = r.chance(0.5);
    const out = [
      perDiem(r, day, 'S9502', 'q8h', plan[0] ? [plan[0]] : []), drug(r, day, MEROPENEM),
      perDiem(r, day, 'S9501', 'q12h', plan[1] ? [plan[1]] : []), drug(r, day, VANCOMYCIN),
    ];
    if (three) out.push(perDiem(r, day, 'S9500', 'q24h', plan[2] ? [plan[2]] : []), drug(r, day, CEFTRIAXONE));
    return out;
  },
  wrongPrimary: (r, day) => [
    // The less frequent per diem billed as the primary: "bill the more frequent per diem first".
    perDiem(r, day, 'S9502', 'q8h', ['SH']), drug(r, day, MEROPENEM),
    perDiem(r, day, r.pick(['S9501', 'S9500']), 'q12h'), drug(r, day, VANCOMYCIN),
  ],
  wastage: (r, day) => [
    perDiem(r, day, 'S9500', 'q24h'),
    line({
      dos_from: dayText(day), pos: '12', hcpcs: 'J0878', units: '500', wasted_units: r.pick(['150', '100', '50']), charge: '210.00',
      ndc: '00143-9378-01', ndc_unit: 'UN', ndc_qty: r.pick(['1', '1.5']), vial: 'single', notes: notes(r, 'Daptomycin 350 mg from a 500 mg vial'),
    }, r.chance(0.3) ? ['KX'] : []),
  ],
  dateSpan: (r, day) => {
    const days = r.range(2, 5);
    return [
      line({ dos_from: dayText(day), dos_to: dayText(day + days - 1), pos: '12', hcpcs: 'S9500', units: String(days), charge: money(150 * days), frequency: 'q24h' }),
      line({
        dos_from: dayText(day), dos_to: dayText(day + days - 1), pos: '12', hcpcs: 'J0696', units: String(8 * days), charge: money(24 * days),
        ndc: '00409-7335-03', ndc_unit: 'UN', ndc_qty: String(days), vial: 'single', notes: notes(r, `Ceftriaxone 2 g, ${days} vials`),
      }),
    ];
  },
  nursing: (r, day) => {
    const minutes = r.pick([60, 110, 120, 135, 165, 210]);
    const out = [perDiem(r, day, 'S9500', 'q24h'), drug(r, day, CEFTRIAXONE),
      line({ dos_from: dayText(day), pos: '12', hcpcs: '99601', units: '1', charge: '180.00', duration_min: String(minutes) })];
    if (r.chance(0.4)) out.push(line({ dos_from: dayText(day), pos: '12', hcpcs: '99602', units: r.pick(['1', '2', '3']), charge: '75.00' }));
    return out;
  },
  longVisit: (r, day) => [perDiem(r, day, 'S9500', 'q24h'), drug(r, day, CEFTRIAXONE),
    line({ dos_from: dayText(day), pos: '12', hcpcs: '99601', units: '1', charge: '180.00', duration_min: String(r.pick([135, 181, 240])) })],
  bundled: (r, day) => [perDiem(r, day, 'S9502', 'q8h'), drug(r, day, MEROPENEM),
    line({ dos_from: dayText(day), pos: '12', hcpcs: r.pick(['A4222', 'E0781']), units: '1', charge: '45.00', notes: notes(r, 'Pump cassettes') })],
  mismatch: (r, day) => [perDiem(r, day, 'S9500', 'q24h'),
    line({ dos_from: dayText(day), pos: '12', hcpcs: 'J0690', units: '8', charge: '24.00', ndc: '00409-7335-03', ndc_unit: 'UN', ndc_qty: '1', vial: 'single' })],
  milligrams: (r, day) => [perDiem(r, day, 'S9500', 'q24h'),
    line({ dos_from: dayText(day), pos: '12', hcpcs: 'J0878', units: '500', charge: '210.00', ndc: '00143-9378-01', ndc_unit: r.pick(['MG', 'mg']), ndc_qty: r.pick(['500', '350', '1250.5']), vial: 'single' })],
  twoNdcs: (r, day) => [perDiem(r, day, 'S9502', 'q8h'),
    line({ dos_from: dayText(day), pos: '12', hcpcs: 'J2185', units: '30', charge: '96.00', ndc: '00143-9431-10', ndc_unit: 'UN', ndc_qty: '3', vial: 'single' }, r.chance(0.3) ? ['KP'] : []),
    line({ dos_from: dayText(day), pos: '12', hcpcs: 'J2185', units: '15', charge: '48.00', ndc: '00143-9430-10', ndc_unit: 'UN', ndc_qty: '3', vial: 'single' })],
  perDiemUnits: (r, day) => [perDiem(r, day, 'S9502', 'q8h', [], r.pick(['2', '3', '1.5'])), drug(r, day, MEROPENEM)],
  odd: (r, day) => [
    // Findings with no fix but "Disable … for this line": place of service, NOC without a name, JW on a per diem.
    line({ dos_from: dayText(day), pos: r.pick(['11', '12']), hcpcs: 'S9500', units: '1', charge: '150.00', frequency: 'q24h' }, r.chance(0.3) ? ['JW'] : []),
    drug(r, day, r.pick(DRUGS)),
    line({ dos_from: dayText(day), pos: '12', hcpcs: 'J3490', units: '1', charge: '60.00', notes: r.pick(['', 'Ertapenem 1 g']) }),
  ],
};

const HIT = (r: Random, day: number): LineRecord[] => {
  const minutes = r.pick([10, 45, 60, 95, 120]);
  const right = Math.ceil(minutes / 15);
  return [
    line({ dos_from: dayText(day), pos: '12', hcpcs: r.pick(['G0088', 'G0089', 'G0068']), units: String(r.chance(0.5) ? right : right + 2), charge: '240.00', duration_min: String(minutes) }),
    line({ dos_from: dayText(day), pos: '12', hcpcs: 'J2260', units: '8', charge: '42.00', ndc: '00338-6011-37', ndc_unit: 'UN', ndc_qty: '1', vial: 'single', notes: 'Milrinone 40 mg/200 mL premix' }),
  ];
};

/** The scenario names (HIT visits last): `randomClaims(r, n, name)` starts with that one. */
export const SCENARIO_NAMES: readonly string[] = [...Object.keys(SCENARIOS), 'hit'];

/** Claims of a random file: `claims` claims of random scenarios over a few members and days;
 *  the first claim is of scenario `first` when given (so a run reaches every scenario). */
export function randomClaims(r: Random, claims: number, first?: string): ClaimRecord[] {
  const out: ClaimRecord[] = [];
  const names = Object.keys(SCENARIOS);
  for (let i = 0; i < claims; i++) {
    const member = `M${String(4000 + r.int(Math.max(2, claims))).padStart(4, '0')}`;
    const forced = i === 0 ? first : undefined;
    const medicare = forced === 'hit' || (forced === undefined && r.chance(0.15));
    const day = r.int(40);
    const lines = medicare ? HIT(r, day) : SCENARIOS[forced ?? r.pick(names)](r, day);
    // A second scenario on the same claim sometimes (same day or a day later).
    if (!medicare && r.chance(0.25)) lines.push(...SCENARIOS[r.pick(names)](r, day + r.int(2)));
    out.push({
      claimId: `C${5000 + i}`,
      memberId: member,
      payer: medicare ? 'medicare' : r.pick(['commercial', 'commercial', 'medicaid', 'Commercial']),
      authNumber: medicare || r.chance(0.1) ? '' : `PA${40000 + r.int(9999)}`,
      lines,
    });
  }
  return out;
}

/** One random line record (for pasted rows/objects). */
export function randomLine(r: Random): LineRecord {
  const all = [...Object.values(SCENARIOS), HIT];
  return r.pick(r.pick(all)(r, r.int(40)));
}
