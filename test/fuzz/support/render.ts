// Writing random claims as a claim file the way real exports and hand edits do: CSV with random
// quoting, CRLF, BOM, column order, header aliases, unknown columns, comment and disable-comment
// rows, quoted multi-line notes; JSON in the three shapes with inline or multi-line objects,
// tabs or spaces, comments, trailing commas, claim-level fields the lines inherit, aliases.
// Every file written here is VALID: it parses without a parse-error.
import { FIELD_NAMES, type FieldName } from '../../../server/src/model';
import { FIELD_ALIASES, fieldOf } from '../../../server/src/parse/fields';
import type { ClaimRecord, LineRecord } from './claims';
import type { Random } from './random';

export interface CsvStyle {
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  readonly quoting: 'minimal' | 'all' | 'some';
  readonly modifiers: 'list' | 'columns';
  readonly usDates: boolean;
}

export interface JsonStyle {
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  readonly indent: string;
  readonly shape: 'claims' | 'array' | 'single';
  readonly inline: boolean;
}

export interface Rendered {
  readonly text: string;
  readonly format: 'csv' | 'json';
  /** How it was written (for style properties: line ends, quoting, indentation). */
  readonly csv?: CsvStyle;
  readonly json?: JsonStyle;
}

const NUMERIC: ReadonlySet<FieldName> = new Set<FieldName>(['units', 'charge', 'ndc_qty', 'wasted_units', 'duration_min', 'line']);
const UNKNOWN_COLUMNS = ['Billing Status', 'Batch No', 'export_flag', 'Reviewer'];
const UNKNOWN_VALUES = ['ready', 'B-12', 'y', 'held, see note', 'J. "JJ" Smith', ''];

/** A header or key spelling of a field: canonical, an alias, or a case/separator variant. */
function spelling(r: Random, name: FieldName): string {
  const aliases = FIELD_ALIASES[name];
  const base = aliases.length > 0 && r.chance(0.3) ? r.pick(aliases) : name;
  const words = base.split('_');
  const variant = r.pick(['as-is', 'as-is', 'title', 'camel', 'upper-dash', 'dotted']);
  const spelled = variant === 'title' ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')
    : variant === 'camel' ? words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('')
      : variant === 'upper-dash' ? words.join('-').toUpperCase()
        : variant === 'dotted' ? words.join('.')
          : base;
  if (fieldOf(spelled) !== name) throw new Error(`generator: "${spelled}" does not name ${name}`);
  return spelled;
}

function usDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}` : iso;
}

/** The fields a file has columns/keys for: the required ones, those the lines use, a few extra. */
function fieldsOf(r: Random, claims: readonly ClaimRecord[]): FieldName[] {
  const used = new Set<FieldName>(['claim_id', 'member_id', 'payer', 'auth_number', 'dos_from', 'hcpcs', 'units']);
  for (const c of claims) for (const l of c.lines) for (const k of Object.keys(l.values) as FieldName[]) used.add(k);
  for (const extra of ['line', 'dos_to', 'vial', 'frequency', 'notes', 'charge'] as FieldName[]) if (r.chance(0.3)) used.add(extra);
  return FIELD_NAMES.filter((f) => used.has(f) && !f.startsWith('modifier'));
}

function valueOf(claim: ClaimRecord, rec: LineRecord, n: number, name: FieldName, usDates: boolean): string {
  switch (name) {
    case 'claim_id': return claim.claimId;
    case 'member_id': return claim.memberId;
    case 'payer': return claim.payer;
    case 'auth_number': return claim.authNumber;
    case 'line': return String(n + 1);
    case 'dos_from':
    case 'dos_to': {
      const v = rec.values[name] ?? '';
      return usDates ? usDate(v) : v;
    }
    default: return rec.values[name] ?? '';
  }
}

// ---------------------------------------------------------------- CSV

function csvCell(r: Random, value: string, quoting: CsvStyle['quoting']): string {
  const must = /[",\r\n]/.test(value) || value.startsWith(' ') || value.endsWith(' ');
  const quote = must || quoting === 'all' || (quoting === 'some' && r.chance(0.3));
  return quote ? `"${value.replace(/"/g, '""')}"` : value;
}

export function randomCsvStyle(r: Random): CsvStyle {
  return {
    eol: r.chance(0.4) ? '\r\n' : '\n',
    bom: r.chance(0.2),
    quoting: r.weighted({ minimal: 5, all: 2, some: 3 }),
    modifiers: r.chance(0.6) ? 'list' : 'columns',
    usDates: r.chance(0.2),
  };
}

export function renderCsv(r: Random, claims: readonly ClaimRecord[], style: CsvStyle = randomCsvStyle(r)): Rendered {
  const fields = fieldsOf(r, claims);
  const maxMods = Math.max(0, ...claims.flatMap((c) => c.lines.map((l) => l.modifiers.length)));
  // No modifier column at all when no line has one, sometimes: a fix adding SH/JW adds the column.
  const modColumns: FieldName[] = maxMods === 0 && r.chance(0.3) ? []
    : style.modifiers === 'list' ? ['modifiers'] : (['modifier1', 'modifier2', 'modifier3', 'modifier4'] as FieldName[]).slice(0, Math.min(4, Math.max(1, maxMods) + r.int(2)));
  type Column = { name?: FieldName; header: string; unknown?: number };
  let columns: Column[] = [...fields, ...modColumns].map((name) => ({ name, header: spelling(r, name) }));
  if (r.chance(0.5)) columns = r.shuffle(columns);
  if (r.chance(0.15)) {
    // Notes named twice (a re-export with a description column): a row reads the first that is
    // not blank; fixes must leave the second alone. (Any other field named twice is a
    // parse-error: not a valid file.)
    const dup: FieldName = 'notes';
    if (columns.some((c) => c.name === dup)) columns.push({ header: spelling(r, dup), unknown: 2 });
  }
  for (let u = 0; u < 2; u++) {
    if (r.chance(0.35)) columns.splice(r.int(columns.length + 1), 0, { header: UNKNOWN_COLUMNS[u * 2 + r.int(2)], unknown: u });
  }
  const sep = r.pick([' ', ':', ',', '-']);
  const eol = style.eol;
  const out: string[] = [];
  if (r.chance(0.3)) out.push(`# Generated claims, style ${style.quoting}${eol}`);
  out.push(columns.map((c) => csvCell(r, c.header, style.quoting)).join(',') + eol);
  for (const claim of claims) {
    if (r.chance(0.15)) out.push(`# claim ${claim.claimId}${eol}`);
    claim.lines.forEach((rec, n) => {
      if (r.chance(0.05)) out.push(eol); // a blank line
      if (r.chance(0.08)) out.push(`# infusion-claims-disable-next-line ${r.pick(['auth-missing', 'place-of-service', 'duplicate-line', 'ndc-formt -- accepted'])}${eol}`);
      const cells = columns.map((c) => {
        let v: string;
        if (c.unknown !== undefined) v = r.pick(UNKNOWN_VALUES);
        else if (c.name === 'modifiers') v = rec.modifiers.join(sep);
        else if (c.name?.startsWith('modifier')) v = rec.modifiers[Number(c.name.slice(-1)) - 1] ?? '';
        else v = valueOf(claim, rec, n, c.name!, style.usDates);
        // A multi-line note now and then (quoted, with the file's own line end).
        if (c.name === 'notes' && v !== '' && r.chance(0.1)) v = `${v}${eol}second line of the note`;
        return csvCell(r, v, style.quoting);
      });
      out.push(cells.join(','));
      out.push(eol);
    });
  }
  let text = out.join('');
  if (r.chance(0.3)) text = text.slice(0, text.length - eol.length); // no line end at the end of the file
  return { text: (style.bom ? '\uFEFF' : '') + text, format: 'csv', csv: style };
}

// ---------------------------------------------------------------- JSON

export function randomJsonStyle(r: Random, claims: number): JsonStyle {
  return {
    eol: r.chance(0.3) ? '\r\n' : '\n',
    bom: r.chance(0.1),
    indent: r.pick(['  ', '    ', '\t']),
    shape: claims === 1 && r.chance(0.4) ? 'single' : r.chance(0.7) ? 'claims' : 'array',
    inline: r.chance(0.5),
  };
}

function jsonValue(name: FieldName, value: string, numbers: boolean): string {
  return numbers && NUMERIC.has(name) && /^-?\d+(\.\d+)?$/.test(value) ? value : JSON.stringify(value);
}

export function renderJson(r: Random, claims: readonly ClaimRecord[], style: JsonStyle = randomJsonStyle(r, claims.length)): Rendered {
  const { eol, indent } = style;
  const numbers = r.chance(0.7);
  const modsAsArray = r.chance(0.6);
  const sep = r.pick([' ', ':', ',', '-']);
  const keys = new Map<FieldName, string>();
  const key = (name: FieldName): string => {
    if (!keys.has(name)) keys.set(name, r.chance(0.7) ? name : spelling(r, name));
    // Now and then a line spells a key its own way.
    return JSON.stringify(r.chance(0.03) ? spelling(r, name) : keys.get(name));
  };
  const trailing = (): string => (r.chance(0.1) ? ',' : '');
  const at = (depth: number): string => indent.repeat(depth);

  const lineObject = (claim: ClaimRecord, rec: LineRecord, n: number, hoisted: ReadonlyMap<FieldName, string>, depth: number): string => {
    const props: string[] = [];
    if (r.chance(0.5)) props.push(`${key('line')}: ${jsonValue('line', String(n + 1), numbers)}`);
    for (const name of FIELD_NAMES) {
      if (name.startsWith('modifier')) continue;
      const v = hoisted.has(name) && rec.values[name] !== hoisted.get(name) ? (rec.values[name] ?? '') : rec.values[name];
      if (v === undefined || (hoisted.has(name) && v === hoisted.get(name))) continue;
      props.push(`${key(name)}: ${jsonValue(name, name === 'dos_from' || name === 'dos_to' ? v : v, numbers)}`);
      if (name === 'hcpcs' && rec.modifiers.length > 0) {
        props.push(`${key('modifiers')}: ${modsAsArray ? `[${rec.modifiers.map((m) => JSON.stringify(m)).join(', ')}]` : JSON.stringify(rec.modifiers.join(sep))}`);
      }
    }
    if (r.chance(0.1)) {
      // The list form, or one string (the Disable fix turns it into a list).
      const id = r.pick(['place-of-service', 'auth-missing', 'auth-mising']);
      props.push(`"lint_disable": ${r.chance(0.7) ? `[${JSON.stringify(id)}]` : JSON.stringify(id)}`);
    }
    if (r.chance(0.1)) props.push(`"batch": ${JSON.stringify(r.pick(UNKNOWN_VALUES))}`);
    if (style.inline) {
      const joined = props.map((p, i) => (i > 0 && r.chance(0.05) ? `/* c */ ${p}` : p)).join(', ');
      return `{ ${joined}${trailing()} }`;
    }
    // A note after the last property now and then: new keys go after it, not into it.
    const note = r.chance(0.1) ? ' // checked' : '';
    return `{${eol}${props.map((p) => at(depth + 1) + p).join(`,${eol}`)}${trailing()}${note}${eol}${at(depth)}}`;
  };

  const claimObject = (claim: ClaimRecord, depth: number): string => {
    // A field all lines share sits on the claim sometimes; the lines inherit it. An NDC field the
    // drug lines share sits there too, the other lines overriding it with their own (or "").
    const hoisted = new Map<FieldName, string>();
    for (const name of ['dos_from', 'pos', 'vial'] as FieldName[]) {
      const first = claim.lines[0]?.values[name];
      if (first !== undefined && claim.lines.every((l) => l.values[name] === first) && r.chance(0.3)) hoisted.set(name, first);
    }
    for (const name of ['ndc_unit', 'ndc', 'ndc_qty'] as FieldName[]) {
      const given = claim.lines.map((l) => l.values[name]).filter((v): v is string => v !== undefined && v !== '');
      if (given.length > 0 && given.every((v) => v === given[0]) && r.chance(0.3)) hoisted.set(name, given[0]);
    }
    // The claim's modifiers, inherited by lines that have none of their own.
    const claimModifiers = r.chance(0.15) ? [r.pick(['KX', 'GY', 'SH'])] : [];
    const props: string[] = [
      `${key('claim_id')}: ${JSON.stringify(claim.claimId)}`,
      `${key('member_id')}: ${JSON.stringify(claim.memberId)}`,
      `${key('payer')}: ${JSON.stringify(claim.payer)}`,
    ];
    if (claim.authNumber !== '' || r.chance(0.5)) props.push(`${key('auth_number')}: ${JSON.stringify(claim.authNumber)}`);
    for (const [name, value] of hoisted) props.push(`${key(name)}: ${JSON.stringify(value)}`);
    if (claimModifiers.length > 0) props.push(`${key('modifiers')}: ${modsAsArray ? JSON.stringify(claimModifiers) : JSON.stringify(claimModifiers.join(sep))}`);
    if (r.chance(0.1)) props.push(`"lint_disable": [${JSON.stringify(r.pick(['auth-missing', 'auth-mising']))}]`);
    const lines = claim.lines.map((rec, n) => {
      const comment = r.chance(0.1) ? `// line ${n + 1}${eol}${at(depth + 2)}` : '';
      return at(depth + 2) + comment + lineObject(claim, rec, n, hoisted, depth + 2);
    });
    props.push(`"lines": [${eol}${lines.join(`,${eol}`)}${trailing()}${eol}${at(depth + 1)}]`);
    const comment = r.chance(0.2) ? `// claim ${claim.claimId}${eol}${at(depth)}` : '';
    return `${comment}{${eol}${props.map((p) => at(depth + 1) + p).join(`,${eol}`)}${eol}${at(depth)}}`;
  };

  let text: string;
  if (style.shape === 'single' && claims.length === 1) {
    text = claimObject(claims[0], 0) + eol;
  } else if (style.shape === 'array') {
    text = `[${eol}${claims.map((c) => at(1) + claimObject(c, 1)).join(`,${eol}`)}${trailing()}${eol}]${eol}`;
  } else {
    text = `{${eol}${at(1)}"claims": [${eol}${claims.map((c) => at(2) + claimObject(c, 2)).join(`,${eol}`)}${trailing()}${eol}${at(1)}]${eol}}${eol}`;
  }
  if (r.chance(0.3)) text = `// Generated claims${eol}` + text;
  return { text: (style.bom ? '\uFEFF' : '') + text, format: 'json', json: style };
}

/** One line record as a CSV row in the canonical column order (a "pasted row"). */
export function csvRowOf(rec: LineRecord, claimId: string, memberId: string, columns: readonly FieldName[]): string {
  const claim: ClaimRecord = { claimId, memberId, payer: 'commercial', authNumber: 'PA4711', lines: [rec] };
  return columns.map((name) => {
    const v = name === 'modifiers' ? rec.modifiers.join(' ') : valueOf(claim, rec, 0, name, false);
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

/** One line record as an inline JSON object (a "pasted object"). */
export function jsonObjectOf(rec: LineRecord): string {
  const props = FIELD_NAMES.flatMap((name) => {
    const v = rec.values[name];
    return v === undefined || name.startsWith('modifier') ? [] : [`${JSON.stringify(name)}: ${jsonValue(name, v, true)}`];
  });
  if (rec.modifiers.length > 0) props.push(`"modifiers": [${rec.modifiers.map((m) => JSON.stringify(m)).join(', ')}]`);
  return `{ ${props.join(', ')} }`;
}
