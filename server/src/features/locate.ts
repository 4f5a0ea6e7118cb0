// What sits at an offset of a parsed claim document: a header cell / JSON key, or a field value
// of a line (and the modifier inside a modifiers cell). Binary searches over the model's spans,
// never a re-parse, so hover stays cheap on a 100k-line file.
import type { Node as JsonNode } from 'jsonc-parser';
import type { Claim, ClaimDocument, CsvRow, FieldName, Modifier, ServiceLine, Span } from '../model';
import { fieldOf } from '../parse/fields';
import { splitModifiers } from '../parse/values';
import { asciiUpper } from '../parse/ascii';

const MODIFIER_FIELDS: ReadonlySet<FieldName> = new Set(['modifiers', 'modifier1', 'modifier2', 'modifier3', 'modifier4']);

/** A field that holds modifiers: the `modifiers` list or one of the `modifierN` columns. */
export const isModifierField = (field: FieldName): boolean => MODIFIER_FIELDS.has(field);

/** start <= offset <= end: a cursor right after the last character still counts. */
export const touches = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

/** The last item whose span starts at or before `offset`, when its span touches the offset. */
function search<T extends { readonly span: Span }>(items: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && touches(items[found].span, offset) ? items[found] : undefined;
}

/** The service line whose row (CSV) or line object (JSON) holds the offset. */
export function lineAt(doc: ClaimDocument, offset: number): ServiceLine | undefined {
  return search(doc.lines, offset);
}

/** JSON: the claim object that holds the offset (claims are in file order there). */
export function claimAt(doc: ClaimDocument, offset: number): Claim | undefined {
  return search(doc.claims, offset);
}

/** CSV: the index of the cell (quotes included) that holds the offset; -1 when none. */
export function cellIndexAt(row: CsvRow, offset: number): number {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    if (touches(cells[i].outer, offset)) return i;
    if (cells[i].outer.start > offset) break;
  }
  return -1;
}

/** CSV: the field of a column, from the header's recognised columns. */
export function fieldOfColumn(doc: ClaimDocument, column: number): FieldName | undefined {
  const columns = doc.csv?.columns ?? {};
  for (const name in columns) if (columns[name as FieldName] === column) return name as FieldName;
  return undefined;
}

/** CSV: the field a row's cell is read as. A header may name notes more than once (a re-export's
 *  Description beside its Comment): the row reads its notes from the first of those cells that is
 *  not blank (parse/csv-line.ts notesColumnOf), so the cell read, in whichever column, is notes. */
export function fieldOfCell(doc: ClaimDocument, line: ServiceLine, column: number): FieldName | undefined {
  const field = fieldOfColumn(doc, column);
  if (field) return field;
  const notes = line.fields.notes;
  return notes && notes.span.start === line.row?.cells[column]?.span.start ? 'notes' : undefined;
}

/** JSON: the deepest node whose range holds the offset (children are in offset order). */
export function jsonNodeAt(root: JsonNode | undefined, offset: number): JsonNode | undefined {
  if (!root || offset < root.offset || offset > root.offset + root.length) return undefined;
  let node = root;
  for (;;) {
    const kids = node.children;
    if (!kids || kids.length === 0) return node;
    let lo = 0;
    let hi = kids.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (kids[mid].offset <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // A string ends right where the next token may start: prefer the child that really holds it.
    const kid = found >= 0 ? kids[found] : undefined;
    if (!kid || offset > kid.offset + kid.length) return node;
    node = kid;
  }
}

export const nodeSpan = (n: JsonNode): Span => ({ start: n.offset, end: n.offset + n.length });

/** A JSON property's key node, when `node` is that key. */
export function isPropertyKey(node: JsonNode): boolean {
  return node.parent?.type === 'property' && node.parent.children?.[0] === node;
}

/** The property a value belongs to: its own, or (array element, e.g. modifiers) the array's. */
export function owningProperty(node: JsonNode): JsonNode | undefined {
  const p = node.parent;
  if (p?.type === 'property' && p.children?.[1] === node) return p;
  if (p?.type === 'array' && p.parent?.type === 'property' && p.parent.children?.[1] === p) return p.parent;
  return undefined;
}

export function propertyName(prop: JsonNode): string {
  const key = prop.children?.[0];
  return key && typeof key.value === 'string' ? key.value : '';
}

/** A line that reads a JSON claim-level value, numbered as the claim object lists its lines. */
export interface ReadingLine {
  readonly line: ServiceLine;
  /** 1-based place among the line objects of the claim object ("line 2"). */
  readonly number: number;
}

export type Target =
  /** A CSV header cell or a JSON key; `field` undefined for an unknown column / key. */
  | { readonly kind: 'key'; readonly field?: FieldName; readonly name: string; readonly span: Span }
  /** A field value; `line` gives the context (for a JSON claim-level value, the first line that
   *  reads it: none when every line gives the field itself). */
  | {
    readonly kind: 'value';
    readonly field: FieldName;
    readonly text: string;
    readonly span: Span;
    readonly line?: ServiceLine;
    /** A JSON claim-level value: every line of its claim object that reads it, in file order (a
     *  line giving the field itself does not). What holds for one of them may not for another. */
    readonly claimLines?: readonly ReadingLine[];
    /** The modifier under the cursor, in a modifier cell / array. */
    readonly modifier?: Modifier;
  };

function modifierAt(line: ServiceLine | undefined, offset: number): Modifier | undefined {
  return line?.modifiers.find((m) => touches(m.span, offset));
}

/** The lines whose line objects sit inside `span` (a JSON claim object), in file order. */
function linesWithin(doc: ClaimDocument, span: Span): ServiceLine[] {
  const lines = doc.lines;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].span.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: ServiceLine[] = [];
  for (let i = lo; i < lines.length && lines[i].span.end <= span.end; i++) out.push(lines[i]);
  return out;
}

/** JSON: the lines of the claim object `owner` that read its value `value` of `field`. Each line
 *  inherits the claim's field unless it gives its own, so the claim's first line may not be one. */
function readingLines(doc: ClaimDocument, owner: JsonNode, field: FieldName, value: JsonNode): ReadingLine[] {
  const out: ReadingLine[] = [];
  linesWithin(doc, nodeSpan(owner)).forEach((line, i) => {
    const f = line.fields[field];
    if (f?.fromClaim && f.span.start === value.offset) out.push({ line, number: i + 1 });
  });
  return out;
}

/** JSON: the lines that read the claim-level value of property `prop` (a field of a claim object,
 *  not of a line object); undefined when `prop` is no claim object's field. A property with no
 *  value yet (a value being typed, bare) is read by the lines that do not give the field themselves. */
export function claimValueReaders(doc: ClaimDocument, prop: JsonNode): ReadingLine[] | undefined {
  const owner = prop.parent;
  const field = fieldOf(propertyName(prop));
  if (owner?.type !== 'object' || !field) return undefined;
  const value = prop.children?.[1];
  if (value) return readingLines(doc, owner, field, value);
  // With no value to match, only a claim object's lines: not a { "claims": [...] } wrapper's.
  if (claimAt(doc, owner.offset)?.span.start !== owner.offset) return undefined;
  const out: ReadingLine[] = [];
  linesWithin(doc, nodeSpan(owner)).forEach((line, i) => {
    const f = line.fields[field];
    if (!f || f.fromClaim) out.push({ line, number: i + 1 });
  });
  return out;
}

/** The modifiers written in a JSON claim-level modifier value, read as the parser reads a line's
 *  (an element of a list whole, a string split at the separators): no line holds them when every
 *  line gives its own, and a line that reads them may carry others besides (its modifierN). */
export function modifiersOfValue(doc: ClaimDocument, value: JsonNode, field: FieldName): Modifier[] {
  const one = (node: JsonNode): Modifier[] => {
    if (node.type !== 'string' && node.type !== 'number' && node.type !== 'boolean') return [];
    const source = doc.text.slice(node.offset, node.offset + node.length);
    if (value.type === 'array') {
      const code = asciiUpper((node.type === 'string' ? String(node.value) : source).trim());
      return code ? [{ code, span: nodeSpan(node), field }] : [];
    }
    const quoted = node.type === 'string' ? 1 : 0;
    return splitModifiers(source.slice(quoted, source.length - quoted), node.offset + quoted, field);
  };
  return value.type === 'array' ? (value.children ?? []).flatMap(one) : one(value);
}

/** The modifier under the cursor in a claim-level modifier value that no line reads (each gives
 *  its own), so no line holds it, for hover to describe it all the same. */
function modifierOfValue(doc: ClaimDocument, value: JsonNode, field: FieldName, offset: number): Modifier | undefined {
  return modifiersOfValue(doc, value, field).find((m) => touches(m.span, offset));
}

function csvTarget(doc: ClaimDocument, offset: number): Target | undefined {
  const header = doc.csv?.header;
  if (header && touches(header.span, offset)) {
    const i = cellIndexAt(header, offset);
    if (i < 0) return undefined;
    const cell = header.cells[i];
    return { kind: 'key', field: fieldOfColumn(doc, i), name: cell.text.trim(), span: cell.span };
  }
  const line = lineAt(doc, offset);
  if (!line?.row) return undefined;
  const i = cellIndexAt(line.row, offset);
  const field = i < 0 ? undefined : fieldOfCell(doc, line, i);
  if (!field) return undefined;
  const cell = line.row.cells[i];
  return { kind: 'value', field, text: cell.text, span: cell.span, line, modifier: modifierAt(line, offset) };
}

function jsonTarget(doc: ClaimDocument, offset: number): Target | undefined {
  const node = jsonNodeAt(doc.json?.root, offset);
  if (!node) return undefined;
  if (isPropertyKey(node)) {
    const name = String(node.value ?? '');
    return { kind: 'key', field: fieldOf(name), name, span: nodeSpan(node) };
  }
  const prop = owningProperty(node);
  const field = prop && fieldOf(propertyName(prop));
  if (!field || node.type === 'object' || node.type === 'array') return undefined;
  const text = typeof node.value === 'string' ? node.value : doc.text.slice(node.offset, node.offset + node.length);
  const span = nodeSpan(node);
  const own = lineAt(doc, offset);
  if (own) return { kind: 'value', field, text, span, line: own, modifier: modifierAt(own, offset) };
  // A claim's own value: the context is every line that reads it.
  const value = prop.children?.[1];
  const claimLines = value && claimValueReaders(doc, prop);
  if (!value || !claimLines) return undefined;
  const line = claimLines[0]?.line;
  const modifier = isModifierField(field) ? modifierAt(line, offset) ?? modifierOfValue(doc, value, field, offset) : undefined;
  return { kind: 'value', field, text, span, line, claimLines, modifier };
}

/** What the offset points at, or undefined (between cells, punctuation, comments, unknown columns). */
export function targetAt(doc: ClaimDocument, offset: number): Target | undefined {
  return doc.format === 'csv' ? csvTarget(doc, offset) : jsonTarget(doc, offset);
}
