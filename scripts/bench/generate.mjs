// Seeded generator of realistic home-infusion claim CSVs for the benchmark:
// antibiotic per diems with their drugs, concurrent therapy with SH, nursing visits,
// HIT G-codes, supplies, and a sprinkling of the errors analysts fix every day.

export const HEADER = 'claim_id,member_id,payer,auth_number,dos_from,dos_to,pos,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty,wasted_units,vial,frequency,duration_min,notes';

/** Mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (base, n) => new Date(Date.UTC(2026, 0, 1) + (base + n) * 86400000).toISOString().slice(0, 10);

/** Rows of one patient-day visit; `bad` injects one common error. */
function visit(r, claim, member, date, bad) {
  const rows = [];
  const payer = 'commercial';
  const auth = bad === 'auth' ? '' : `PA${claim.slice(1)}`;
  const row = (f) =>
    [claim, member, payer, auth, date, '', '12', f.code, f.mods ?? '', f.units, f.charge ?? '', f.ndc ?? '', f.unit ?? '',
      f.qty ?? '', f.wasted ?? '', f.vial ?? '', f.freq ?? '', f.dur ?? '', f.notes ?? ''].join(',');
  rows.push(row({ code: 'S9502', units: 1, charge: '250.00', freq: 'q8h' }));
  rows.push(row({ code: 'J2185', units: 30, charge: '96.00', ndc: bad === 'ndc' ? '0143-9431-10' : '00143-9431-10', unit: 'UN', qty: 3, vial: 'single' }));
  if (r() < 0.5) {
    rows.push(row({ code: 'S9501', mods: bad === 'sh' ? '' : 'SH', units: 1, charge: '125.00', freq: 'q12h' }));
    rows.push(row({ code: 'J0696', units: 8, charge: '20.00', ndc: '00409-7332-01', unit: 'UN', qty: 2, vial: 'single' }));
  }
  if (r() < 0.3) rows.push(row({ code: '99601', units: 1, charge: '180.00', dur: 90 }));
  if (r() < 0.1) rows.push(row({ code: 'A4221', units: 1, charge: '15.00' }));
  if (bad === 'jw') rows.push(row({ code: 'J2185', units: 10, charge: '32.00', ndc: '00143-9431-10', unit: 'UN', qty: 1, wasted: 2, vial: 'single' }));
  return rows;
}

/** A claims CSV of about `lines` service lines (header included), deterministic for a seed. */
export function generateClaimsCsv(lines, seed = 42) {
  const r = rng(seed);
  const out = [HEADER];
  let claimNo = 100000;
  const errors = ['ndc', 'auth', 'sh', 'jw'];
  while (out.length < lines) {
    const member = `M${String(Math.floor(r() * 20000)).padStart(5, '0')}`;
    const claim = `C${claimNo++}`;
    const start = Math.floor(r() * 300);
    const days = 1 + Math.floor(r() * 7);
    for (let d = 0; d < days && out.length < lines; d++) {
      const bad = r() < 0.05 ? errors[Math.floor(r() * errors.length)] : undefined;
      for (const row of visit(r, claim, member, day(start, d), bad)) if (out.length < lines) out.push(row);
    }
  }
  return out.join('\n') + '\n';
}

/** The same service lines as a JSON claims file, `{ "claims": [ ... ] }` pretty-printed as exports
 *  are: each claim's own fields once, its lines under "lines" (claims-format.md, JSON). */
export function generateClaimsJson(lines, seed = 42) {
  const [header, ...rows] = generateClaimsCsv(lines, seed).trim().split('\n');
  const names = header.split(',');
  const claimKeys = names.slice(0, 4);
  const claims = [];
  for (const row of rows) {
    const cells = row.split(',');
    const line = {};
    names.forEach((n, i) => { if (i >= 4 && cells[i] !== '') line[n] = /^\d+(\.\d+)?$/.test(cells[i]) && n !== 'pos' ? Number(cells[i]) : cells[i]; });
    const last = claims[claims.length - 1];
    if (last && last.claim_id === cells[0]) last.lines.push(line);
    else claims.push({ ...Object.fromEntries(claimKeys.map((k, i) => [k, cells[i]]).filter(([, v]) => v !== '')), lines: [line] });
  }
  return JSON.stringify({ claims }, null, 2) + '\n';
}
