// Claim texts shared by the LSP tests. Each is billed correctly except for what its name says.
export const CSV_HEADER = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty,notes';
/** Antibiotic per diem q8h (primary) with its drug on the same day. */
export const PER_DIEM_ROW = 'C1001,M001,commercial,PA7731,2026-03-02,12,S9502,,1,250.00,,,,';
/** Meropenem 1 g, 3 vials = 30 units of J2185; the NDC is in 4-4-2 display form (needs a leading zero). */
export const MEROPENEM_442 = '0143-9431-10';
export const MEROPENEM_11 = '00143-9431-10';
export const MEROPENEM_ROW = `C1001,M001,commercial,PA7731,2026-03-02,12,J2185,,30,96.00,${MEROPENEM_442},UN,3,Meropenem 1 g`;
/** Ceftriaxone 2 g = 8 units of J0696, NDC in 4-4-2 form. */
export const CEFTRIAXONE_442 = '0409-7335-03';
export const CEFTRIAXONE_ROW = `C1001,M001,commercial,PA7731,2026-03-02,12,J0696,,8,24.00,${CEFTRIAXONE_442},UN,1,Ceftriaxone 2 g`;
/** A second antibiotic per diem the same day (q12h) without SH: concurrent-therapy-modifier (unsafe fix). */
export const SECOND_PER_DIEM_ROW = 'C1001,M001,commercial,PA7731,2026-03-02,12,S9501,,1,125.00,,,,';

export function csv(...rows: string[]): string {
  return rows.join('\n') + '\n';
}

/** One claim, one per diem and its drug, NDC in 4-4-2 form: only ndc-format is wrong. */
export const ONE_BAD_NDC_CSV = csv(CSV_HEADER, PER_DIEM_ROW, MEROPENEM_ROW);

export const ONE_BAD_NDC_JSON = `{
  "claims": [
    {
      "claim_id": "C1001",
      "member_id": "M001",
      "payer": "commercial",
      "auth_number": "PA7731",
      "lines": [
        { "dos_from": "2026-03-02", "pos": "12", "hcpcs": "S9502", "units": 1, "charge": 250.0 },
        { "dos_from": "2026-03-02", "pos": "12", "hcpcs": "J2185", "units": 30, "charge": 96.0,
          "ndc": "${MEROPENEM_442}", "ndc_unit": "UN", "ndc_qty": 3, "notes": "Meropenem 1 g" }
      ]
    }
  ]
}
`;

/** Codes of a diagnostics list, sorted, for readable assertions. */
export function codes(diagnostics: ReadonlyArray<{ code?: number | string }>): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}
