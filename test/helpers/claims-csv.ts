// Random CSV claim files for tests that compare two ways of doing one thing (checking or fixing a
// file whole and in parts): many claims and members, comment rows, quoted cells spanning lines,
// CRLF, a BOM, non-ASCII text and (unless told not to) a few rows with too few cells.
import { FULL_HEADER, rng } from './seeded';

const HEADER = FULL_HEADER;

/** What follows dos_from (from the `dos_to` separator on): the 13 cells pos … notes, so that a
 *  row has the header's 19 cells. */
export const TAILS = [
  ',12,S9502,,1,250.00,,,,,,q8h,,',
  ',12,S9501,SH,1,125.00,,,,,,q12h,,',
  ',12,S9501,,1,125.00,,,,,,q12h,,"Café, 2 g"',
  ',12,J2185,,30,96.00,00143-9431-10,UN,3,,single,,,',
  ',12,J2185,,30,96.00,0143-9431-10,UN,3,2,single,,,"split ""dose"""',
  ',12,J2185,JW,10,32.00,00143-9431-10,UN,1,,single,,,',
  ',12,99601,,1,180.00,,,,,,,150,',
  ',12,A4221,,1,15.00,,,,,,,,',
  ',11,G0088,,4,90.00,,,,,,,55,',
  ',12,J3490,,1,10.00,,,,,,,,"two\nlines"',
  ',12,S9500,SJ,1,100.00,,,,,,q24h,,',
  ',12,J0696,KP:KQ,8,20.00,00409-7335-03,UN,1,,single,,,',
];

export function day(n: number): string {
  return new Date(Date.UTC(2026, 2, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

export function randomFile(seed: number, rows: number, opts: { ragged?: boolean; tails?: readonly string[] } = {}): string {
  const r = rng(seed);
  const tails = opts.tails ?? TAILS;
  const ragged = opts.ragged ?? true;
  const out = [r() < 0.5 ? HEADER : HEADER.replace('member_id', 'patient_id')];
  if (seed % 4 === 0) out.unshift('# exported by the billing system');
  for (let i = 0; i < rows; i++) {
    if (r() < 0.05) out.push('# infusion-claims-disable-next-line bundled-supply');
    if (r() < 0.02) out.push('');
    const claim = r() < 0.03 ? '' : `C${1 + Math.floor(r() * 40)}`;
    const member = r() < 0.03 ? '' : `M${1 + Math.floor(r() * 15)}`;
    const row = `${claim},${member},commercial,${r() < 0.1 ? '' : 'PA1'},${day(Math.floor(r() * 6))},${r() < 0.05 ? day(7) : ''}${tails[Math.floor(r() * tails.length)]}`;
    out.push(r() < 0.02 && ragged ? row.split(',').slice(0, 12).join(',') : row);
  }
  const eol = seed % 3 === 0 ? '\r\n' : '\n';
  return (seed % 5 === 0 ? '\ufeff' : '') + out.join(eol) + (seed % 2 === 0 ? eol : '');
}

