// A big, realistic claims CSV: many members and claims, so a lint of it splits into many parts
// (engine-parts.ts), with rows that make the member and claim rules fire.
import { FIRING_ROWS, FULL_HEADER, rng } from './seeded';

/** Rows that make the member and claim rules fire, and a subsequent HIT visit (60-day look-back). */
export const TEMPLATES = [...FIRING_ROWS, ',12,G0068,,2,60.00,,,,,,,,'];

function day(n: number): string {
  return new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Many members and claims (so there are many parts); some lines without a member or a claim
 *  id, and some claims billed for two members (which joins their parts). */
export function bigCsv(seed: number, rows: number): string {
  const r = rng(seed);
  const out = [FULL_HEADER];
  let claim = 0;
  while (out.length <= rows) {
    claim++;
    const member = `M${Math.floor(r() * 300)}`;
    const start = Math.floor(r() * 120);
    for (let k = 0, n = 1 + Math.floor(r() * 12); k < n; k++) {
      const who = r() < 0.01 ? '' : r() < 0.02 ? `M${Math.floor(r() * 300)}` : member;
      const id = r() < 0.01 ? '' : `C${claim}`;
      if (r() < 0.01) out.push('# infusion-claims-disable-next-line bundled-supply');
      out.push(`${id},${who},commercial,PA${claim},${day(start + Math.floor(k / 3))},${TEMPLATES[Math.floor(r() * TEMPLATES.length)]}`);
    }
  }
  return out.join('\n') + '\n';
}
