// Shared by the tests that generate claim files: a seeded generator (Mulberry32, the same as the
// benchmark's scripts/bench/generate.mjs) and the full claims CSV header.

/** Mulberry32: small, fast, seeded; returns numbers in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every field of claims-format.md, in the spec's order (modifiers as one cell). */
export const FULL_HEADER =
  'claim_id,member_id,payer,auth_number,dos_from,dos_to,pos,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty,wasted_units,vial,frequency,duration_min,notes';

/** What follows dos_to (from the `pos` separator on: the 13 cells pos … notes) in rows that make
 *  most rules fire: per diems with and without SH, drugs, wastage, nursing, HIT, supplies. */
export const FIRING_ROWS: readonly string[] = [
  ',12,S9502,,1,250.00,,,,,,q8h,,',
  ',12,S9501,SH,1,125.00,,,,,,q12h,,',
  ',12,S9501,,1,125.00,,,,,,q12h,,',
  ',12,S9500,SJ,1,100.00,,,,,,q24h,,',
  ',12,J2185,,30,96.00,00143-9431-10,UN,3,,single,,,',
  ',12,J2185,,30,96.00,0143-9431-10,UN,3,,single,,,',
  ',12,J2185,,20,64.00,00143-9431-10,UN,3,2,single,,,',
  ',12,J2185,JW,10,32.00,00143-9431-10,UN,1,,single,,,',
  ',12,J0696,,8,20.00,00409-7332-01,UN,2,,single,,,',
  ',12,J0696,KP,8,20.00,00409-7335-03,UN,1,,single,,,',
  ',12,99601,,1,180.00,,,,,,,150,',
  ',12,99602,,1,60.00,,,,,,,,',
  ',12,A4221,,1,15.00,,,,,,,,',
  ',11,G0088,,4,90.00,,,,,,,55,',
  ',12,J3490,,1,10.00,,,,,,,,',
  ',12,S9494,,1,200.00,,,,,,q4h,,"Note, with comma"',
  ',12,J2185,SH:JW,10,32.00,00143943110,MG,1500,,multi,,,',
];
