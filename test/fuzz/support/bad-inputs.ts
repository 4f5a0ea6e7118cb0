// Hostile claim files (claims-format.md "Bad input"): random bytes read as Latin-1 and as UTF-8
// (invalid sequences become U+FFFD), random UTF-16 with NUL, lone surrogates, BOMs, U+2028;
// valid files with junk spliced in; lines of 1–5 MB; JSON nested 100k deep; thousands of quotes.
import type { ClaimRecord } from './claims';
import { randomClaims } from './claims';
import type { Random } from './random';
import { renderCsv, renderJson } from './render';

export interface BadInput {
  /** What it is, for the failure message (never the text itself). */
  readonly name: string;
  readonly format: 'csv' | 'json';
  readonly text: string;
  /** Garbage (not a valid file with a little junk): something must be reported. */
  readonly garbage: boolean;
  /** Why this case may take longer than the one-second budget (a known bug reproduced in
   *  known-bugs.test.ts, or a cost near the budget that depends on the machine's load): it still
   *  runs, with the hang limit instead of the budget, so a crash or a real hang still fails it. */
  readonly exempt?: string;
}

const MB = 1 << 20;
const HEADER = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty,notes';
const ROW = 'C1,M1,commercial,PA1,2026-04-06,12,J2185,,30,96.00,0143-9431-10,UN,3,';

/** UTF-16 code units that break naive text handling. */
const NASTY = [
  0x0000, 0x0001, 0x0008, 0x000b, 0x000c, 0x001b, 0x007f, 0x0085, 0x00a0, 0x00ad, 0x2028, 0x2029, 0x200b, 0x200e, 0x202e,
  0xfeff, 0xfffd, 0xfffe, 0xffff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0x0301, 0x0022, 0x002c, 0x000a, 0x000d, 0x005b, 0x007b,
  0x005d, 0x007d, 0x003a, 0x005c, 0x0023,
];

export function latin1Bytes(r: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(r.int(256));
  return s;
}

export function utf8Decoded(r: Random, n: number): string {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = r.int(256);
  return b.toString('utf8');
}

export function nastyUtf16(r: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(r.chance(0.6) ? r.pick(NASTY) : r.int(0x10000));
  return s;
}

function junk(r: Random): string {
  const n = r.range(1, 40);
  return r.pick([latin1Bytes, utf8Decoded, nastyUtf16])(r, n);
}

function validFile(r: Random, format: 'csv' | 'json', claims: ClaimRecord[] = randomClaims(r, r.range(1, 5))): string {
  return (format === 'csv' ? renderCsv(r, claims) : renderJson(r, claims)).text;
}

/** A valid file with junk spliced in at random places (so the rules, not only the reader, see it). */
export function noisyValid(r: Random, format: 'csv' | 'json'): string {
  let text = validFile(r, format);
  for (let k = r.range(1, 12); k > 0; k--) {
    const at = r.int(text.length + 1);
    text = text.slice(0, at) + junk(r) + text.slice(at + (r.chance(0.3) ? r.int(5) : 0));
  }
  return text;
}

/** Small random inputs: the bulk of the property. */
export function smallBadInput(r: Random, n: number): BadInput {
  const format = r.chance(0.5) ? 'csv' : 'json';
  const kind = r.pick(['latin1', 'utf8', 'utf16', 'noisy', 'noisy', 'noisy', 'prefixed'] as const);
  let text: string;
  switch (kind) {
    case 'latin1': text = latin1Bytes(r, r.range(0, 4000)); break;
    case 'utf8': text = utf8Decoded(r, r.range(0, 4000)); break;
    case 'utf16': text = nastyUtf16(r, r.range(0, 4000)); break;
    case 'noisy': text = noisyValid(r, format); break;
    case 'prefixed': text = (format === 'csv' ? `${HEADER}\n` : '{ "claims": [ { "lines": [ ') + nastyUtf16(r, r.range(1, 3000)); break;
  }
  return { name: `small #${n}: ${kind} ${format}, ${text.length} chars`, format, text, garbage: kind !== 'noisy' && text.trim() !== '' };
}

/** The big ones: lines of 1–5 MB, deep nesting, thousands of quotes. Deterministic per seed. */
export function bigBadInputs(r: Random): BadInput[] {
  const size = () => r.range(1, 5) * MB;
  const out: BadInput[] = [];
  const add = (name: string, format: 'csv' | 'json', text: string, exempt?: string) => out.push({ name, format, text, garbage: true, exempt });

  // Huge lines.
  add('CSV notes cell of 1–5 MB', 'csv', `${HEADER}\n${ROW}${'x'.repeat(size())}\n${ROW}\n`);
  add('CSV line of 1–5 MB of commas', 'csv', `${HEADER}\n${','.repeat(size())}\n${ROW}\n`);
  add('CSV line of 1–5 MB of random bytes', 'csv', `${HEADER}\n${latin1Bytes(r, size()).replace(/[\r\n]/g, ' ')}\n${ROW}\n`);
  add('CSV units cell of 1 MB of digits', 'csv', `${HEADER}\n${ROW.replace(',30,', `,${'9'.repeat(MB)},`)}\n`);
  add('CSV code cell of 1 MB', 'csv', `${HEADER}\n${ROW.replace('J2185', 'J'.repeat(MB))}\n`);
  add('CSV quoted cell of 1–5 MB with "" escapes', 'csv', `${HEADER}\n${ROW}"${'a""'.repeat(size() / 3)}"\n${ROW}\n`);
  add('CSV header of 1 MB', 'csv', `${'claim_id,'.repeat(MB / 9)}\n${ROW}\n`);
  add('JSON string of 1–5 MB', 'json', `[{ "claim_id": "C1", "member_id": "M1", "dos_from": "2026-04-06", "hcpcs": "J3490", "units": 1, "notes": "${'y'.repeat(size())}" }]`);
  add('JSON string of 1 MB of escapes', 'json', `[{ "claim_id": "C1", "notes": "${'\\u00e9\\n\\"'.repeat(MB / 12)}" }]`);
  add('JSON number of 1 MB of digits', 'json', `[{ "claim_id": "C1", "units": ${'7'.repeat(MB)} }]`);
  add('JSON line of 1–5 MB of commas', 'json', `{ "claims": [ ${','.repeat(size())} ] }`,
    'near the budget: jsonc-parser makes one error object per comma; 0.7–2.3 s at 5 MB, depending on the load');
  add('JSON line of 2 MB of random UTF-16', 'json', nastyUtf16(r, 2 * MB).replace(/[\r\n\u2028\u2029]/g, ' '));
  add('JSON 3000 line objects on one line', 'json', `[{ "claim_id": "C1", "member_id": "M1", "lines": [${'{ "hcpcs": "J2185", "units": 1 },'.repeat(3000)}] }]`,
    'known bug: "JSON on one line: the quick fixes of 4000 line objects are built within a second"');

  // Deep nesting.
  add('JSON 100k [', 'json', '['.repeat(100_000));
  add('JSON 100k [ then ]', 'json', '['.repeat(100_000) + ']'.repeat(100_000));
  add('JSON 100k {"a":', 'json', '{"a":'.repeat(100_000));
  add('JSON 100k [{ inside a claim value', 'json', `[{ "claim_id": "C1", "notes": ${'[{"x":'.repeat(50_000)} }]`);
  add('JSON 100k [ inside lines', 'json', `{ "claims": [ { "claim_id": "C1", "lines": ${'['.repeat(100_000)} } ] }`);
  add('CSV 100k [ in a cell', 'csv', `${HEADER}\n${ROW}${'['.repeat(100_000)}\n`);

  // Quotes.
  add('CSV 100k quotes (odd)', 'csv', `${HEADER}\n${'"'.repeat(100_001)}\n${ROW}\n`);
  add('CSV 100k quotes (even)', 'csv', `${HEADER}\n${'"'.repeat(100_000)}\n${ROW}\n`);
  add('CSV 5000 rows each opening a quote', 'csv', `${HEADER}\n${`${ROW.slice(0, -1)}"unclosed\n`.repeat(5000)}`);
  add('CSV 20k quoted line breaks', 'csv', `${HEADER}\n${ROW}"${'a\n'.repeat(20_000)}"\n${ROW}\n`);
  add('CSV quote after every comma', 'csv', `${HEADER}\n${',"'.repeat(50_000)}\n`);
  add('JSON 50k unterminated strings', 'json', `[${'"abc\n'.repeat(50_000)}`);
  add('JSON 100k quotes', 'json', '"'.repeat(100_001));
  add('JSON 20k keys without values', 'json', `[{ ${'"claim_id": , '.repeat(20_000)} }]`);

  // Many lines.
  add('CSV 10k rows of junk', 'csv', `${HEADER}\n${Array.from({ length: 10_000 }, () => junk(r).replace(/[\r\n]/g, '')).join('\n')}`);
  add('CSV 100k blank and comment lines', 'csv', `${HEADER}\n${'\n#\n\r\n'.repeat(33_000)}${ROW}\n`);
  return out;
}
