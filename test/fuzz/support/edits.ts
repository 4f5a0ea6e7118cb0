// Random typing on a claim file, as offset changes: single characters, quotes, braces, commas,
// line ends (LF and CRLF), deletions, a cell retyped, a word typed key by key, typing inside a
// quoted cell, pasted rows and JSON objects, a row deleted or duplicated, lines split and joined.
// One "keystroke" is one didChange; some are several changes in one didChange (multi-cursor).
// Boundaries never fall inside a CRLF or a surrogate pair: an LSP position cannot name them.
import type { Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIELD_NAMES, type Field } from '../../../server/src/model';
import { parseDocument } from '../../../server/src/parse';
import { randomLine } from './claims';
import type { Random } from './random';
import { csvRowOf, jsonObjectOf } from './render';

/** Replace [start, end) of the text (as it is when this change applies) with `text`. */
export interface Change {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One didChange: its changes apply in order, each to the text the previous one left. */
export type DidChange = readonly Change[];

const CSV_COLUMNS = ['claim_id', 'member_id', 'payer', 'auth_number', 'dos_from', 'pos', 'hcpcs', 'modifiers', 'units', 'charge', 'ndc', 'ndc_unit', 'ndc_qty', 'notes'] as const;

/** Values a billing analyst types into cells: they make the rules (not just the parser) change their minds. */
const VALUES = [
  'S9502', 'S9501', 'S9500', 'J2185', 'J0696', 'J3373', 'J0878', '99601', '99602', 'G0088', 'G0068', 'A4222', 'J3490', 's9502',
  'SH', 'SJ', 'JW', 'KP', 'KQ', 'SH SJ', '2026-04-06', '2026-04-07', '04/06/2026', '2026-02-30', '1', '2', '30', '3', '0', '-1',
  '1.5', '250.00', '0143-9431-10', '00143-9431-10', '00409-7335-03', 'UN', 'MG', 'q8h', 'q12h', 'medicare', 'commercial',
  'PA1234', '', 'M4001', 'C5000', '165', 'single', 'multi',
];

const SYNTAX = ['"', '""', '{', '}', '[', ']', ',', ':', '\n', '\r\n', '\r', '#', '//', '/*', '*/', ' ', '\t', '\\', "'", '\u00a0'];

/** Move an offset off the middle of a CRLF or a surrogate pair. */
export function snap(text: string, at: number): number {
  let i = Math.max(0, Math.min(at, text.length));
  if (i > 0 && i < text.length) {
    const prev = text.charCodeAt(i - 1);
    const next = text.charCodeAt(i);
    if (prev === 0x0d && next === 0x0a) i--;
    else if (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i--;
  }
  return i;
}

export function applyChange(text: string, c: Change): string {
  return text.slice(0, c.start) + c.text + text.slice(c.end);
}

/** The LSP range of [start, end) in the text. */
export function rangeIn(text: string, start: number, end: number): Range {
  const doc = TextDocument.create('file:///x', 'plaintext', 0, text);
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** Start offsets of the lines of the text (after each LF, lone CR, or CRLF). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    if (c === 0x0a || c === 0x0d) starts.push(i + 1);
  }
  return starts;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** A span [start, end) of a CSV cell or JSON string content around a random place (or undefined). */
function cellAround(r: Random, text: string): { start: number; end: number } | undefined {
  if (text.length === 0) return undefined;
  const at = r.int(text.length);
  const stop = /[,\r\n"{}[\]:]/;
  let start = at;
  while (start > 0 && !stop.test(text[start - 1]) && at - start < 200) start--;
  let end = at;
  while (end < text.length && !stop.test(text[end]) && end - at < 200) end++;
  return { start: snap(text, start), end: snap(text, end) };
}

function insert(at: number, s: string): Change {
  return { start: at, end: at, text: s };
}

/** Type `s` at `at` one key at a time: one didChange per character (CRLF as one key). */
function typing(at: number, s: string): DidChange[] {
  const keys = s.match(/\r\n|[\s\S]/gu) ?? [];
  const out: DidChange[] = [];
  let pos = at;
  for (const k of keys) {
    out.push([insert(pos, k)]);
    pos += k.length;
  }
  return out;
}

type EditKind =
  | 'char' | 'syntax' | 'delete' | 'deleteSpan' | 'retypeCell' | 'typeValue' | 'typeInQuotes' | 'pasteRow' | 'pasteObject'
  | 'deleteRow' | 'duplicateRow' | 'splitLine' | 'joinLines' | 'multiCursor' | 'replaceAll' | 'renameField' | 'disableComment' | 'bom';

const WEIGHTS: Readonly<Record<EditKind, number>> = {
  char: 10, syntax: 14, delete: 10, deleteSpan: 3, retypeCell: 14, typeValue: 6, typeInQuotes: 6, pasteRow: 5, pasteObject: 5,
  deleteRow: 5, duplicateRow: 4, splitLine: 4, joinLines: 4, multiCursor: 5, replaceAll: 1, renameField: 3, disableComment: 3, bom: 1,
};

/** Header cells / keys retyped: another field, an alias, a typo (every row's reading changes). */
const FIELD_SPELLINGS = ['units', 'qty', 'unitz', 'hcpcs', 'code', 'Claim ID', 'claimId', 'member', 'dos', 'ndc', 'NDC Code', 'modifiers', 'mod1', 'notes', 'x'];
const RULE_IDS = ['auth-missing', 'ndc-format', 'concurrent-therapy-modifier', 'drug-units', 'place-of-service', 'parse-error', 'missing-field', 'duplicate-line'];

/** Careful editing, guided by the parser: a field's value retyped (or typed key by key), a row or
 *  line object copied or removed, a suppression added. The file mostly stays readable, so the
 *  rules (not just the parse-error path) see every version. [] when there is no line to edit. */
function carefulEdit(r: Random, text: string, format: 'csv' | 'json'): DidChange[] {
  const doc = parseDocument(text, format);
  if (doc.lines.length === 0) return [];
  const line = r.pick(doc.lines);
  const eol = eolOf(text);
  const kind = r.weighted({ retype: 20, type: 6, copy: 3, remove: 2, disable: 2 });
  switch (kind) {
    case 'retype':
    case 'type': {
      // (A CSV line reads its fields lazily: ask for each by name.)
      const fields = FIELD_NAMES.map((name) => line.fields[name]).filter((f): f is Field => f !== undefined && !f.fromClaim);
      if (fields.length === 0) return [];
      const f = r.pick(fields);
      // A CSV cell's text (inside its quotes); inside a JSON string's quotes; a JSON number becomes a string.
      let { start, end } = f.span;
      let value = r.pick(VALUES);
      if (format === 'json') {
        if (f.quoted) {
          start++;
          end--;
        } else value = JSON.stringify(value);
      }
      if (kind === 'retype' || (format === 'json' && !f.quoted)) return [[{ start, end, text: value }]];
      return [[{ start, end, text: '' }], ...typing(start, value)];
    }
    case 'copy':
    case 'remove': {
      if (format === 'csv') {
        const row = line.row!;
        const rowText = text.slice(row.span.start, row.span.end);
        if (kind === 'remove') return [[{ start: row.span.start, end: row.span.end + row.eol.length, text: '' }]];
        return [[row.eol ? insert(row.span.end + row.eol.length, rowText + row.eol) : insert(row.span.end, eol + rowText)]];
      }
      const node = line.node!;
      const end = node.offset + node.length;
      if (kind === 'copy') return [[insert(end, `,${eol}${text.slice(node.offset, end)}`)]];
      const comma = /^\s*,/.exec(text.slice(end, end + 200));
      return [[{ start: node.offset, end: end + (comma ? comma[0].length : 0), text: '' }]];
    }
    case 'disable': {
      const ids = r.shuffle(RULE_IDS).slice(0, r.range(1, 2));
      if (format === 'csv') return [[insert(line.row!.span.start, `# infusion-claims-disable-next-line ${ids.join(', ')}${eol}`)]];
      return [[insert(line.node!.offset + 1, ` "lint_disable": [${ids.map((i) => JSON.stringify(i)).join(', ')}],`)]];
    }
  }
}

/**
 * The next edit on `text`: one or more didChanges (typing a word is one per key). `fresh` gives
 * a replacement text for the rare whole-document replace (paste over everything). `careful`:
 * edits that keep the file readable (see carefulEdit).
 */
export function randomEdit(r: Random, text: string, format: 'csv' | 'json', fresh: () => string, careful = false): DidChange[] {
  if (careful) {
    const edit = r.chance(0.03) ? [[{ start: 0, end: text.length, text: fresh() }]] : carefulEdit(r, text, format);
    if (edit.length > 0) return edit;
  }
  const at = (): number => snap(text, r.int(text.length + 1));
  const kind = r.weighted(WEIGHTS);
  const eol = eolOf(text);
  switch (kind) {
    case 'char':
      return [[insert(at(), r.pick('abcXYZ019 .-/_'.split('')))]];
    case 'syntax':
      return [[insert(at(), r.pick(SYNTAX))]];
    case 'delete': {
      const s = at();
      return [[{ start: s, end: snap(text, s + r.range(1, 8)), text: '' }]];
    }
    case 'deleteSpan': {
      const s = at();
      return [[{ start: s, end: snap(text, s + r.range(10, 300)), text: '' }]];
    }
    case 'retypeCell': {
      const cell = cellAround(r, text);
      return cell ? [[{ ...cell, text: r.pick(VALUES) }]] : [[insert(0, r.pick(VALUES))]];
    }
    case 'typeValue': {
      // Select a cell, delete it, type the new value key by key.
      const cell = cellAround(r, text);
      if (!cell) return typing(0, r.pick(VALUES));
      return [[{ ...cell, text: '' }], ...typing(cell.start, r.pick(VALUES))];
    }
    case 'typeInQuotes': {
      const quotes: number[] = [];
      for (let i = text.indexOf('"'); i >= 0 && quotes.length < 5000; i = text.indexOf('"', i + 1)) quotes.push(i);
      const q = quotes.length > 0 ? r.pick(quotes) + 1 : at();
      return typing(q, r.pick(['a, b', 'x"y', 'line\nbreak', `two${eol}lines`, '""', 'SH', ',', '}', '1,000']));
    }
    case 'pasteRow': {
      const starts = lineStarts(text);
      const where = r.pick(starts);
      const row = format === 'json' && r.chance(0.5)
        ? jsonObjectOf(randomLine(r)) + ','
        : csvRowOf(randomLine(r), r.pick(['C5000', 'C5001', 'C9']), r.pick(['M4000', 'M4001']), CSV_COLUMNS);
      return [[insert(where, row + eol)]];
    }
    case 'pasteObject': {
      // After an opening bracket or a comma, as a user pastes a line object into a list.
      const anchors: number[] = [];
      for (let i = 0; i < text.length && anchors.length < 2000; i++) if (text[i] === '[' || text[i] === ',') anchors.push(i + 1);
      const where = anchors.length > 0 ? r.pick(anchors) : at();
      const obj = jsonObjectOf(randomLine(r));
      return [[insert(where, r.pick([` ${obj},`, `${eol}  ${obj},`, obj, `${eol}${obj}`]))]];
    }
    case 'deleteRow':
    case 'duplicateRow': {
      const starts = lineStarts(text);
      const k = r.int(starts.length);
      const start = starts[k];
      const end = k + 1 < starts.length ? starts[k + 1] : text.length;
      if (kind === 'deleteRow') return [[{ start, end, text: '' }]];
      const row = text.slice(start, end);
      return [[insert(end, row.endsWith('\n') || row.endsWith('\r') ? row : eol + row)]];
    }
    case 'splitLine':
      return [[insert(at(), r.pick(['\n', '\r\n', eol]))]];
    case 'joinLines': {
      const starts = lineStarts(text).slice(1);
      if (starts.length === 0) return [[insert(at(), eol)]];
      const s = r.pick(starts);
      const len = text.slice(s - 2, s) === '\r\n' ? 2 : 1;
      return [[{ start: s - len, end: s, text: '' }]];
    }
    case 'multiCursor': {
      // Several changes in one didChange, each against the text the previous one left.
      const changes: Change[] = [];
      let t = text;
      for (let i = r.range(2, 4); i > 0; i--) {
        const s = snap(t, r.int(t.length + 1));
        const c: Change = r.chance(0.6) ? insert(s, r.pick([...SYNTAX, ...VALUES])) : { start: s, end: snap(t, s + r.range(1, 5)), text: '' };
        changes.push(c);
        t = applyChange(t, c);
      }
      return [changes];
    }
    case 'replaceAll':
      return [[{ start: 0, end: text.length, text: fresh() }]];
    case 'renameField': {
      // The first occurrence of a field name: the CSV header cell or a JSON key.
      const names = [...text.matchAll(/[A-Za-z][A-Za-z _.-]{1,20}/g)].slice(0, 60);
      if (names.length === 0) return [[insert(0, r.pick(FIELD_SPELLINGS))]];
      const m = r.pick(names);
      return [[{ start: m.index!, end: m.index! + m[0].length, text: r.pick(FIELD_SPELLINGS) }]];
    }
    case 'disableComment': {
      const ids = r.shuffle(RULE_IDS).slice(0, r.range(1, 2)).join(', ');
      const line = format === 'csv' ? `# infusion-claims-disable-next-line ${ids}` : `"lint_disable": [${JSON.stringify(ids.split(', ')[0])}],`;
      if (format === 'json') {
        const braces: number[] = [];
        for (let i = text.indexOf('{'); i >= 0 && braces.length < 2000; i = text.indexOf('{', i + 1)) braces.push(i + 1);
        return [[insert(braces.length > 0 ? r.pick(braces) : at(), ` ${line} `)]];
      }
      return [[insert(r.pick(lineStarts(text)), line + eol)]];
    }
    case 'bom':
      return [[text.startsWith('\uFEFF') ? { start: 0, end: 1, text: '' } : insert(0, '\uFEFF')]];
  }
}
