// Completion in code, modifier, ndc_unit, ndc, payer, vial, frequency and pos cells, and field
// names in the CSV header / JSON keys. Works at the end of a row, in an empty cell and inside a
// JSON string value; the context comes from the parsed model plus a short look back in the text.
import type { Node as JsonNode } from 'jsonc-parser';
import { ANTIBIOTIC_INTERVAL_HOURS } from '../codes/classes';
import { loadCodeSet } from '../codes/codeset';
import { parseNdc } from '../codes/ndc';
import type { CrosswalkEntry } from '../codes/types';
import { FIELD_NAMES, PAYERS, type ClaimDocument, type CsvCell, type FieldName, type Modifier, type ServiceLine, type Span } from '../model';
import { fieldOf, normalizeKey } from '../parse/fields';
import type { LintOptions } from '../rules/types';
import { knownEntryMarkdown, type CodeContext } from './code-markdown';
import { codeItems, modifierItems } from './completion-items';
import { FIELD_DOCS, fieldMarkdown } from './field-docs';
import {
  cellIndexAt, claimValueReaders, fieldOfColumn, isModifierField, isPropertyKey, jsonNodeAt, lineAt, modifiersOfValue, nodeSpan,
  owningProperty, propertyName,
} from './locate';
import { escapeMarkdown } from './markdown-escape';
import { NDC_UNITS } from './ndc-units';
import type { CompletionEntry, CompletionResult } from './types';

/** Separators inside a `modifiers` list (claims-format.md). */
const MODIFIER_SEPARATOR = /[\s:,\-]/;

/** Where the cursor is, what kind of text belongs there, and what it replaces. */
interface Slot {
  readonly kind: 'key' | 'value';
  /** The value's field (value slots); undefined for keys. */
  readonly field?: FieldName;
  /** The text replaced by the chosen item: a cell's or string's content, inside its quotes. */
  readonly span: Span;
  /** The cursor is outside the quotes of a quoted CSV cell / JSON string (before the opening one,
   *  after the closing one): the item replaces this whole quoted text and brings its own quotes,
   *  keeping the rest of the content (the other modifiers of a list). An edit range must hold the
   *  cursor, so replacing only inside the quotes is not an option. */
  readonly outer?: Span;
  /** With `outer`: the spaces between the cursor and the opening quote, which the range takes in
   *  (it must hold the cursor) and the item writes back. */
  readonly lead?: string;
  /** JSON key slots with `outer`: no colon follows the key, so the item brings `: ` too. */
  readonly colon?: boolean;
  /** JSON, outside any string: the item must bring its own quotes (and `: ` for a key). */
  readonly bare?: boolean;
  /** JSON bare key slots before another key (`, ‸"hcpcs": …`): the item is a whole property, an
   *  empty value and this separator after it (`, `, or `,` when a space follows already), so the
   *  key after it stays and the object stays valid JSON. */
  readonly beforeKey?: string;
  /** JSON key slots: which object the key goes in, and the keys it already has. */
  readonly object?: 'root' | 'claim' | 'line';
  readonly present?: ReadonlySet<string>;
  /** The line the value is read on: its dates rank the codes, its code gives the NDCs. */
  readonly line?: ServiceLine;
  /** A JSON claim-level value: every line that reads it (`line` is the first; none when each line
   *  gives its own). The context is theirs, not the claim's first line's, which may not read it. */
  readonly lines?: readonly ServiceLine[];
  /** A JSON claim-level modifier value: the modifiers written in it, which are the ones it already
   *  carries (a reading line's own modifierN, or the first line's own list, are not the value's). */
  readonly carried?: readonly Modifier[];
}

// ---------------------------------------------------------------------------------------------
// CSV

/** A quoted cell with the cursor before its opening quote or after its closing one: the whole cell. */
function outside(cell: CsvCell, offset: number): Span | undefined {
  return cell.quoted && (offset < cell.span.start || offset > cell.span.end) ? cell.outer : undefined;
}

function csvSlot(doc: ClaimDocument, offset: number): Slot | undefined {
  const header = doc.csv?.header;
  if (!header) return { kind: 'key', span: { start: offset, end: offset }, present: new Set() };
  if (offset >= header.span.start && offset <= header.span.end) {
    const i = cellIndexAt(header, offset);
    if (i < 0) return undefined;
    const present = new Set(Object.keys(doc.csv!.columns).filter((f) => f !== fieldOfColumn(doc, i)));
    const cell = header.cells[i];
    return { kind: 'key', span: cell.span, outer: outside(cell, offset), present };
  }
  const line = lineAt(doc, offset);
  if (!line?.row) return undefined;
  const i = cellIndexAt(line.row, offset);
  const field = i < 0 ? undefined : fieldOfColumn(doc, i);
  if (!field) return undefined;
  const cell = line.row.cells[i];
  return { kind: 'value', field, span: cell.span, outer: outside(cell, offset), line };
}

// ---------------------------------------------------------------------------------------------
// JSON

const isWordChar = (c: string): boolean => /[A-Za-z0-9_]/.test(c);

/** What a word typed in an unclosed string is made of: a code, a key, an NDC with its dashes. */
const isCodeChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);

function isClosed(text: string, node: JsonNode): boolean {
  const end = node.offset + node.length;
  return node.length >= 2 && text[end - 1] === '"' && text[end - 2] !== '\\';
}

/** The end of a string node's content: before the closing quote, or the token's end when unclosed. */
function stringContent(text: string, node: JsonNode): Span {
  const end = node.offset + node.length;
  return { start: node.offset + 1, end: isClosed(text, node) ? end - 1 : end };
}

/** A string whose closing quote is no closing quote: no `,` `:` `}` `]`, comment or line end
 *  follows it (`"hcpcs": "S95, "units": 1` took the opening quote of the next key). */
function misclosed(text: string, node: JsonNode): boolean {
  let p = node.offset + node.length;
  while (p < text.length && (text[p] === ' ' || text[p] === '\t')) p++;
  return p < text.length && !/[,:}\]\/\r\n]/.test(text[p]);
}

/**
 * The text an item replaces in a string: its content when closed. An unclosed string runs to the
 * line end (`"hcpcs": "J,` while typing), over separators, quotes and the rest of the line (one
 * closed by the next key's opening quote, as far as that), so there only the word at the cursor is
 * replaced: `J`, never the comma after it.
 */
function replacedIn(text: string, node: JsonNode, offset: number): Span {
  const span = stringContent(text, node);
  if ((isClosed(text, node) && !misclosed(text, node)) || offset < span.start || offset > span.end) return span;
  let start = offset;
  while (start > span.start && isCodeChar(text[start - 1])) start--;
  let end = offset;
  while (end < span.end && isCodeChar(text[end])) end++;
  return { start, end };
}

function objectKind(obj: JsonNode): 'root' | 'claim' | 'line' {
  if (!obj.parent) return 'root';
  const arr = obj.parent;
  if (arr.type === 'array' && arr.parent?.type === 'property' && normalizeKey(propertyName(arr.parent)) === 'lines') return 'line';
  return 'claim';
}

function keysOf(obj: JsonNode): Set<string> {
  const out = new Set<string>();
  for (const prop of obj.children ?? []) {
    const name = propertyName(prop);
    out.add(fieldOf(name) ?? name.toLowerCase());
  }
  return out;
}

/** The context of a JSON value of `prop` (a property being written when bare, with no value
 *  yet): the line object it sits in, or for a claim object's own value the lines that read it. */
function valueContext(doc: ClaimDocument, offset: number, field: FieldName, prop: JsonNode | undefined): Pick<Slot, 'line' | 'lines' | 'carried'> {
  const own = lineAt(doc, offset);
  if (own) return { line: own };
  const readers = prop && claimValueReaders(doc, prop);
  if (!readers) return {};
  const lines = readers.map((r) => r.line);
  const value = prop.children?.[1];
  const carried = isModifierField(field) ? (value ? modifiersOfValue(doc, value, field) : []) : undefined;
  return { line: lines[0], lines, carried };
}

/** The slot of a JSON string, a key or a field's value; `outer` when the cursor is outside its quotes. */
function stringSlot(doc: ClaimDocument, node: JsonNode, offset: number, outer?: Span, lead?: string): Slot | undefined {
  const span = outer ? stringContent(doc.text, node) : replacedIn(doc.text, node, offset);
  if (isPropertyKey(node)) {
    const obj = node.parent!.parent!;
    const present = keysOf(obj);
    present.delete(fieldOf(String(node.value)) ?? String(node.value).toLowerCase());
    let q = outer?.end ?? 0;
    while (outer && q < doc.text.length && /\s/.test(doc.text[q])) q++;
    return { kind: 'key', span, outer, lead, colon: outer && doc.text[q] !== ':', object: objectKind(obj), present };
  }
  const prop = owningProperty(node);
  const field = prop && fieldOf(propertyName(prop));
  return field ? { kind: 'value', field, span, outer, lead, ...valueContext(doc, offset, field, prop) } : undefined;
}

function jsonSlot(doc: ClaimDocument, offset: number): Slot | undefined {
  const text = doc.text;
  const root = doc.json?.root;
  const node = jsonNodeAt(root, offset);
  // Inside a string (a key or a value), or right after its closing quote (the whole string). A
  // value typed without quotes is a string node too (the reader repairs it, json-recover.ts), but
  // it has no quotes in the text: it is a bare word, below.
  if (node && node.type === 'string' && offset > node.offset && text[node.offset] === '"') {
    return stringSlot(doc, node, offset, offset <= stringContent(text, node).end ? undefined : nodeSpan(node));
  }
  // Outside strings: a bare word being typed after `{`, `,`, `[` or `:`.
  let start = offset;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && isWordChar(text[end])) end++;
  let k = start - 1;
  while (k >= 0 && /\s/.test(text[k])) k--;
  const before = text[k];
  if (before !== ':' && before !== '{' && before !== ',' && before !== '[') return undefined;
  // A string right after the cursor (before its opening quote): the item replaces it, quotes and all.
  // After `:` that string is the value even past spaces; elsewhere a string past spaces is the next
  // key or element, and the item goes in before it. A key is never replaced from outside its quotes:
  // the cursor before a key is where a new key goes (replacing it would drop the key's name and
  // leave its value to the new one).
  let q = end;
  while (before === ':' && q < text.length && (text[q] === ' ' || text[q] === '\t')) q++;
  const next = text[q] === '"' ? jsonNodeAt(root, q) : undefined;
  if (next?.type === 'string' && next.offset === q && (before === ':' || !isPropertyKey(next))) {
    return stringSlot(doc, next, offset, { start, end: q + next.length }, text.slice(end, q));
  }
  const span = { start, end };
  if (before === ':') {
    let q = k - 1;
    while (q >= 0 && /\s/.test(text[q])) q--;
    if (text[q] !== '"') return undefined;
    const open = text.lastIndexOf('"', q - 1);
    const field = open < 0 ? undefined : fieldOf(text.slice(open + 1, q));
    const key = field && jsonNodeAt(root, open + 1);
    const prop = key && isPropertyKey(key) ? key.parent : undefined;
    return field ? { kind: 'value', field, span, bare: true, ...valueContext(doc, offset, field, prop) } : undefined;
  }
  let container = node;
  while (container && container.type !== 'object' && container.type !== 'array') container = container.parent;
  if (!container && before === '{') {
    return { kind: 'key', span, bare: true, object: 'root', present: new Set() };
  }
  if (container?.type === 'object') {
    let n = end;
    while (n < text.length && /\s/.test(text[n])) n++;
    const after = text[n] === '"' ? jsonNodeAt(root, n) : undefined;
    const beforeKey = after?.type === 'string' && after.offset === n && isPropertyKey(after) ? (n > end ? ',' : ', ') : undefined;
    return { kind: 'key', span, bare: true, beforeKey, object: objectKind(container), present: keysOf(container) };
  }
  const prop = container?.parent?.type === 'property' ? container.parent : undefined;
  if (prop && fieldOf(propertyName(prop)) === 'modifiers') {
    return { kind: 'value', field: 'modifiers', span, bare: true, ...valueContext(doc, offset, 'modifiers', prop) };
  }
  return undefined;
}

/** The context a code or modifier entry reads: the slot's line, or the lines of a claim-level value. */
const contextOf = (slot: Slot | undefined): CodeContext => ({ line: slot?.line, lines: slot?.lines });

function slotAt(doc: ClaimDocument, offset: number): Slot | undefined {
  return doc.format === 'csv' ? csvSlot(doc, offset) : jsonSlot(doc, offset);
}

// ---------------------------------------------------------------------------------------------
// Items

/** JSON keys that shape the file rather than name a field, per kind of object. */
const STRUCTURE_KEYS: Readonly<Record<'root' | 'claim' | 'line', ReadonlyArray<[string, string]>>> = {
  // The root object is either { "claims": [...] } or one claim.
  root: [['claims', 'the list of claims'], ['lines', 'the claim\'s service lines, one object per line'], ['lint_disable', 'rule ids turned off for this claim']],
  claim: [['lines', 'the claim\'s service lines, one object per line'], ['lint_disable', 'rule ids turned off for this claim']],
  line: [['lint_disable', 'rule ids turned off for this line']],
};

/** The fields a claim object usually holds; a line object usually holds the others. */
const CLAIM_LEVEL_FIELDS: ReadonlySet<FieldName> = new Set(['claim_id', 'member_id', 'payer', 'auth_number']);

function keyItems(slot: Slot, json: boolean): CompletionEntry[] {
  const present = slot.present ?? new Set<string>();
  // Before another key, a whole property with an empty value (a list for the structure keys).
  const empty = (name: string): string => (STRUCTURE_KEYS.root.some(([k]) => k === name) ? '[]' : '""');
  const wrap = (name: string): string => (!slot.bare ? name : slot.beforeKey === undefined ? `"${name}": ` : `"${name}": ${empty(name)}${slot.beforeKey}`);
  const object = slot.object ?? 'line';
  // A { "claims": [...] } wrapper holds nothing else.
  if (json && object === 'root' && present.has('claims')) return [];
  // JSON: the fields that usually sit in this object come first (a line: dos_from, hcpcs, units …;
  // a claim: claim_id, member_id …), then `lines`, then the rest (any field may sit on a line or a
  // claim). A CSV header keeps the spec's column order.
  const usual = (f: FieldName): boolean => (object === 'line') !== CLAIM_LEVEL_FIELDS.has(f);
  const rank = (f: FieldName): number => (!json || usual(f) ? 1 : 3);
  const items: CompletionEntry[] = FIELD_NAMES.filter((f) => !present.has(f)).map((f, i) => ({
    label: f,
    kind: 'field',
    detail: FIELD_DOCS[f].meaning.replace(/`/g, ''),
    documentation: fieldMarkdown(f),
    sortText: `${rank(f)}${String(i).padStart(2, '0')}`,
    insertText: wrap(f),
  }));
  if (json) {
    STRUCTURE_KEYS[object].forEach(([name, what]) => {
      if (present.has(name)) return;
      // "claims" leads in an empty root object; `lines` follows the claim's fields; lint_disable is last.
      const sortText = name === 'claims' ? (present.size === 0 ? '0' : '2') : name === 'lines' ? '2' : '4';
      items.push({ label: name, kind: 'field', detail: what, sortText, insertText: wrap(name) });
    });
  }
  return items;
}

const FREQUENCIES: ReadonlyArray<[string, string]> = [
  ...Object.values(ANTIBIOTIC_INTERVAL_HOURS).sort((a, b) => a - b).map((h): [string, string] => [`q${h}h`, `every ${h} hours`]),
  ['daily', 'once a day'],
  ['weekly', 'once a week'],
];

function simpleItems(kind: CompletionEntry['kind'], values: ReadonlyArray<[string, string]>): CompletionEntry[] {
  return values.map(([label, detail], i) => ({ label, kind, detail, sortText: String(i).padStart(2, '0') }));
}

/** A crosswalk row whose NDC is one: 11 digits, 5-4-2. CMS also lists products that have no NDC
 *  under an "alternate ID" (GG100, 888867413689), which ndc-format rightly rejects as an NDC. */
function isNdc(e: CrosswalkEntry): boolean {
  const parsed = parseNdc(e.ndcDashed);
  return parsed.form === '5-4-2' && parsed.ndc11 === e.ndc11;
}

/** The crosswalk NDCs of the lines' codes (a JSON claim-level NDC: of each line that reads it). */
function ndcItems(lines: readonly ServiceLine[], options: LintOptions): CompletionEntry[] {
  const codes = [...new Set(lines.map((l) => l.hcpcs).filter((c): c is string => !!c))];
  // One NDC crosswalked to two of the codes is offered once.
  const seen = new Set<string>();
  const entries = codes.flatMap((c) => loadCodeSet().ndcsForCode(c)).filter((e) => isNdc(e) && !seen.has(e.ndc11) && !!seen.add(e.ndc11));
  return entries.map((e, i) => ({
    label: options.ndcFormat === 'digits' ? e.ndc11 : e.ndcDashed,
    kind: 'ndc',
    detail: `${e.drug} · ${e.labeler}`,
    documentation: `${escapeMarkdown(`${e.hcpcs} ${e.dosage}`)}: ${e.billUnits} billable units per item, ${e.billUnitsPkg} per package (${e.pkgQty} item${e.pkgQty === 1 ? '' : 's'}); CMS ASP NDC–HCPCS crosswalk ${loadCodeSet().quarter}`,
    sortText: String(i).padStart(4, '0'),
  }));
}

/** The modifier token under the cursor inside a `modifiers` list value. */
function modifierToken(text: string, span: Span, offset: number): Span {
  let start = Math.min(Math.max(offset, span.start), span.end);
  let end = start;
  while (start > span.start && !MODIFIER_SEPARATOR.test(text[start - 1])) start--;
  while (end < span.end && !MODIFIER_SEPARATOR.test(text[end])) end++;
  return { start, end };
}

export interface CompletionOptions {
  /** Leave out the code and modifier items' documentation (up to 200 markdown entries per answer,
   *  asked again at each keystroke): the LSP adapter sends it on completionItem/resolve instead. */
  readonly lazyDocumentation?: boolean;
}

function valueItems(doc: ClaimDocument, slot: Slot, offset: number, options: LintOptions, how: CompletionOptions): { items: CompletionEntry[]; span: Span; isIncomplete?: boolean } {
  const field = slot.field!;
  let span = slot.span;
  const prefix = (s: Span): string => doc.text.slice(s.start, Math.min(Math.max(offset, s.start), s.end));
  if (field === 'hcpcs') {
    const r = codeItems(prefix(span), contextOf(slot), !how.lazyDocumentation);
    return { ...r, span };
  }
  if (isModifierField(field)) {
    if (field === 'modifiers' && !slot.bare) span = modifierToken(doc.text, span, offset);
    const r = modifierItems(prefix(span), contextOf(slot), !how.lazyDocumentation);
    // A modifier the line already carries elsewhere (another token of the cell, another
    // modifierN column) is not offered again: a line bills each modifier once.
    const token = span;
    const held = new Set((slot.carried ?? slot.line?.modifiers ?? []).filter((m) => m.span.end < token.start || m.span.start > token.end).map((m) => m.code));
    return { ...r, items: held.size > 0 ? r.items.filter((i) => !held.has(i.label)) : r.items, span };
  }
  if (field === 'ndc_unit') return { items: simpleItems('unit', NDC_UNITS.map((u) => [u.code, u.descriptor])), span };
  if (field === 'ndc') return { items: ndcItems(slot.lines ?? (slot.line ? [slot.line] : []), options), span };
  if (field === 'payer') return { items: simpleItems('payer', PAYERS.map((p) => [p, p === 'commercial' ? 'default' : ''])), span };
  if (field === 'vial') return { items: simpleItems('value', [['single', 'single-use package'], ['multi', 'multi-use package']]), span };
  if (field === 'frequency') return { items: simpleItems('value', FREQUENCIES), span };
  if (field === 'pos') return { items: simpleItems('value', [['12', 'home']]), span };
  return { items: [], span };
}

/**
 * The items of a slot whose cursor is outside the quotes: each replaces the whole quoted text with
 * its value in quotes, keeping the content around the replaced part (`span`: the other modifiers of
 * a list). The editor filters on the text from the range's start (an opening quote) to the cursor,
 * so the filter text is quoted the same way.
 */
function requoted(doc: ClaimDocument, slot: Slot, span: Span, items: readonly CompletionEntry[]): CompletionEntry[] {
  const before = doc.text.slice(slot.span.start, span.start);
  const after = doc.text.slice(span.end, slot.span.end);
  const escape = doc.format === 'json' ? (s: string): string => JSON.stringify(s).slice(1, -1) : (s: string): string => s.replace(/"/g, '""');
  const quote = (s: string): string => `${slot.lead ?? ''}"${before}${escape(s)}${after}"`;
  const colon = slot.colon ? ': ' : '';
  return items.map((i) => ({ ...i, insertText: quote(i.insertText ?? i.label) + colon, filterText: quote(i.filterText ?? i.label) }));
}

/** The items for the cursor at `offset`. The span they replace always holds `offset` (LSP wants the
 *  edit range around the cursor) and never ends inside quotes it does not start inside. */
export function completionsAt(doc: ClaimDocument, offset: number, options: LintOptions = {}, how: CompletionOptions = {}): CompletionResult | undefined {
  const slot = slotAt(doc, offset);
  if (!slot) return undefined;
  const r = slot.kind === 'key' ? { items: keyItems(slot, doc.format === 'json'), span: slot.span } : valueItems(doc, slot, offset, options, how);
  if (r.items.length === 0) return undefined;
  const span = slot.outer ?? r.span;
  if (offset < span.start || offset > span.end) return undefined;
  // Bare JSON values need quotes; a string's content does not.
  const items = slot.outer ? requoted(doc, slot, r.span, r.items)
    : slot.bare && slot.kind === 'value' ? r.items.map((i) => ({ ...i, insertText: JSON.stringify(i.insertText ?? i.label) }))
      : r.items;
  return { items, span, isIncomplete: r.isIncomplete || undefined };
}

/** The documentation a code or modifier item left out (lazyDocumentation), built for that one item:
 *  the same markdown as eager completion, with the line at `offset` as the code's context. */
export function completionDocumentation(doc: ClaimDocument, offset: number, kind: CompletionEntry['kind'], label: string): string | undefined {
  if (kind !== 'code' && kind !== 'modifier') return undefined;
  // The entry reads the line: a code's dates and frequency, a modifier's dates.
  const slot = slotAt(doc, offset);
  return knownEntryMarkdown(loadCodeSet(), kind, label, contextOf(slot));
}
