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
