// One set of claims written both as CSV and as JSON, so the code-intelligence tests ask the same
// questions of both formats. Three claims, each of the kinds of line a home-infusion pharmacy bills:
// C1001 (commercial): two antibiotic per diems (S9502, then S9501 with SH), their drugs, a JW
//   wastage line, J3370 after its termination (code-inactive), a nursing visit (99601);
// C2002 (Medicare): a HIT initial-visit G-code, its drug, an S-code per diem Medicare does not pay;
// C3003 (commercial): an immunotherapy per diem whose dosing frequency comes from the line.
export interface Row {
  readonly claim_id: string;
  readonly member_id: string;
  readonly payer: string;
  readonly auth_number: string;
  readonly dos_from: string;
  readonly pos: string;
  readonly hcpcs: string;
  readonly modifiers: readonly string[];
  readonly units: string;
  readonly charge: string;
  readonly ndc?: string;
  readonly ndc_unit?: string;
  readonly ndc_qty?: string;
  readonly frequency?: string;
  readonly notes?: string;
}

const c1 = { claim_id: 'C1001', member_id: 'M001', payer: 'commercial', auth_number: 'PA7731', dos_from: '2026-03-02', pos: '12' };
const c2 = { claim_id: 'C2002', member_id: 'M002', payer: 'medicare', auth_number: 'PA8800', dos_from: '2026-03-09', pos: '12' };
const c3 = { claim_id: 'C3003', member_id: 'M003', payer: 'commercial', auth_number: 'PA9100', dos_from: '2026-03-16', pos: '12' };

export const ROWS: readonly Row[] = [
  { ...c1, hcpcs: 'S9502', modifiers: [], units: '1', charge: '250.00' },
  { ...c1, hcpcs: 'J2185', modifiers: [], units: '30', charge: '96.00', ndc: '00143-9431-10', ndc_unit: 'UN', ndc_qty: '3', notes: 'Meropenem 1 g' },
  { ...c1, hcpcs: 'S9501', modifiers: ['SH'], units: '1', charge: '125.00' },
  { ...c1, hcpcs: 'J0696', modifiers: [], units: '8', charge: '24.00', ndc: '00409-7335-03', ndc_unit: 'UN', ndc_qty: '1', notes: 'Ceftriaxone 2 g' },
  { ...c1, hcpcs: 'J2185', modifiers: ['JW'], units: '5', charge: '16.00', ndc: '00143-9431-10', ndc_unit: 'UN', ndc_qty: '0.5', notes: 'Meropenem discarded' },
  { ...c1, hcpcs: 'J3370', modifiers: [], units: '4', charge: '40.00', ndc: '00409-4332-01', ndc_unit: 'UN', ndc_qty: '2' },
  { ...c1, hcpcs: '99601', modifiers: [], units: '1', charge: '150.00' },
  { ...c2, hcpcs: 'G0088', modifiers: [], units: '4', charge: '180.00' },
  { ...c2, hcpcs: 'J0696', modifiers: [], units: '8', charge: '24.00', ndc: '00409-7335-03', ndc_unit: 'UN', ndc_qty: '1' },
  { ...c2, hcpcs: 'S9500', modifiers: [], units: '1', charge: '100.00' },
  { ...c3, hcpcs: 'S9338', modifiers: [], units: '1', charge: '300.00', frequency: 'q24h' },
  { ...c3, hcpcs: 'J1569', modifiers: [], units: '20', charge: '900.00', ndc: '00944-2700-03', ndc_unit: 'UN', ndc_qty: '4', notes: 'Gammagard' },
];

export const CSV_COLUMNS = [
  'claim_id', 'member_id', 'payer', 'auth_number', 'dos_from', 'pos', 'hcpcs', 'modifiers', 'units', 'charge',
  'ndc', 'ndc_unit', 'ndc_qty', 'frequency', 'notes',
] as const;

const cell = (row: Row, column: (typeof CSV_COLUMNS)[number]): string =>
  column === 'modifiers' ? row.modifiers.join(' ') : row[column] ?? '';

export function claimsCsv(rows: readonly Row[] = ROWS): string {
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r, c)).join(','))].join('\n') + '\n';
}

const CLAIM_KEYS = ['claim_id', 'member_id', 'payer', 'auth_number'] as const;
const LINE_KEYS = ['dos_from', 'pos', 'hcpcs', 'modifiers', 'units', 'charge', 'ndc', 'ndc_unit', 'ndc_qty', 'frequency', 'notes'] as const;

/** Numbers as JSON numbers, modifiers as an array (left out when empty), one line object per text line. */
function lineJson(row: Row): string {
  const parts: string[] = [];
  for (const k of LINE_KEYS) {
    if (k === 'modifiers') {
      if (row.modifiers.length) parts.push(`"modifiers": ${JSON.stringify(row.modifiers).replace(/,/g, ', ')}`);
      continue;
    }
    const v = row[k];
    if (v === undefined) continue;
    const numeric = k === 'units' || k === 'charge' || k === 'ndc_qty';
    parts.push(`"${k}": ${numeric ? v : JSON.stringify(v)}`);
  }
  return `{ ${parts.join(', ')} }`;
}

export function claimsJson(rows: readonly Row[] = ROWS): string {
  const ids = [...new Set(rows.map((r) => r.claim_id))];
  const claims = ids.map((id) => {
    const lines = rows.filter((r) => r.claim_id === id);
    const head = CLAIM_KEYS.map((k) => `      "${k}": ${JSON.stringify(lines[0][k])},`).join('\n');
    return `    {\n${head}\n      "lines": [\n${lines.map((l) => `        ${lineJson(l)}`).join(',\n')}\n      ]\n    }`;
  });
  return `{\n  "claims": [\n${claims.join(',\n')}\n  ]\n}\n`;
}
