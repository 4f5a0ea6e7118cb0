// Small claim files for the feature tests, and a caret marker to say where the cursor is.
import { parseDocument } from '../../server/src/parse';
import type { ClaimDocument } from '../../server/src/model';

export const CARET = '‸';

/** Parse `text` with one CARET removed; the offset is where the caret was. */
export function withCaret(text: string, format: 'csv' | 'json'): { doc: ClaimDocument; offset: number; text: string } {
  const offset = text.indexOf(CARET);
  if (offset < 0 || text.indexOf(CARET, offset + 1) >= 0) throw new Error('put exactly one caret in the text');
  const clean = text.slice(0, offset) + text.slice(offset + CARET.length);
  return { doc: parseDocument(clean, format), offset, text: clean };
}

/** The offset of the `nth` occurrence of `needle` plus `into` characters. */
export function offsetOf(text: string, needle: string, into = 1, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  return at + into;
}

export const CSV = [
  'claim_id,member_id,payer,auth_number,dos_from,dos_to,pos,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty,frequency,Vendor Ref',
  'C1001,M001,commercial,PA7731,2026-03-02,,12,S9502,,1,250.00,,,,q8h,X1',
  'C1001,M001,commercial,PA7731,2026-03-02,,12,J2185,,30,96.00,00143-9431-10,UN,3,,X2',
  'C1001,M001,commercial,PA7731,2026-03-02,,12,S9501,SH,1,125.00,,,,q12h,X3',
  'C1001,M001,commercial,PA7731,2026-03-02,,12,J3370,"JW KP",4,40.00,0409-4332-01,UN,2,,X4',
  'C2002,M002,medicare,,2025-06-15,2025-06-17,12,S9500,,3,300.10,,,,,X5',
  'C2002,M002,medicare,,2025-06-15,,12,J3373,,50,0.20,00409433201,ML,2,,X6',
  'C2002,M002,medicare,,2025-06-15,,12,99601,,1,,,,,,X7',
  'C3003,M003,medicare,,2025-06-20,,12,G0089,,4,,1234567890,MG,1,,X8',
  '',
].join('\n');

export const JSON_TEXT = `{
  "claims": [
    {
      "claim_id": "C1001",
      "member_id": "M001",
      "payer": "medicare",
      "auth_number": "PA7731",
      "lines": [
        { "dos_from": "2026-03-02", "hcpcs": "S9501", "units": 1, "charge": 125.5, "modifiers": ["SH", "JW"] },
        { "dos_from": "2026-03-03", "hcpcs": "J2185", "units": 30, "charge": 96, "ndc": "00143-9431-10", "ndc_unit": "UN", "ndc_qty": 3 }
      ]
    },
    {
      "claim_id": "C2002",
      "member_id": "M002",
      "lines": [
        { "dos_from": "2025-06-15", "hcpcs": "J3373", "units": 50, "ndc": "0409-4332-01", "ndc_unit": "ML", "ndc_qty": 2 }
      ]
    }
  ]
}
`;

export const csvDoc = (): ClaimDocument => parseDocument(CSV, 'csv');
export const jsonDoc = (): ClaimDocument => parseDocument(JSON_TEXT, 'json');
