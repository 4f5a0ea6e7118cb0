// Re-reading an edited JSON claims file by claim objects. An edit of a well-formed claims list
// (json-state.ts) re-reads only the items it touched: the text between the untouched items either
// side of it must read as a part of the list with no syntax error (items, commas, comments), so
// the rest of the file reads as before. That covers a value retyped inside a claim object, and
// claim objects pasted or deleted. The tree is updated in place (the items replaced, every later
// node moved by the edit's length change), the lines before them are kept and the lines after
// them moved in place. Reading a 24 MB export took seconds a keystroke; this takes a pass over
// the lines and nodes after the edit. The result is the document a full parseJson of the new
// text gives (same lines, fields, spans, problems, claims and tree): test/engine/
// incremental-json.test.ts compares them over random edits.
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Claim, ClaimDocument, Field, FieldName, LinelessClaim, ParseProblem, ServiceLine, Span } from '../model';
import { detectIndent, eolCounts, eolOf, PARSE_OPTIONS, readClaimItems } from './json';
import { forgetJsonState, jsonStateOf, setJsonState, type EolCounts } from './json-state';
import { makeLine } from './line';
import type { Reread, TextChange } from './reread';
import { lastAtOrBefore, lowerBound } from '../sorted';

/** Text longer than this is not re-read alone: reading it would hold up the server as long as a
 *  full read, which runs a step at a time between requests (lsp/analysis.ts). An export that puts
 *  every line in one claim object is read in full after each edit, as before. */
export const MAX_REREAD_CHARS = 1 << 20;

/** A stand-in for the untouched item either side of the re-read text: it makes the text parse
 *  as the middle of the list it is (its commas checked as the whole file's are). */
const NEIGHBOUR = '0';

/**
 * The items of the list's text [from, to) of `source` (between two untouched items, or an end of
 * the list), its nodes at their offsets in the file; undefined when that text, between its
 * neighbours, is not a part of the list with no syntax error.
 */
function parseRegion(source: string, from: number, to: number, before: boolean, after: boolean): JsonNode[] | undefined {
  const region = source.slice(from, to);
  if (region.includes('\uFFFD')) return undefined; // bytes that were not UTF-8: the file's problems cap their count
  const lead = '[' + (before ? NEIGHBOUR : '');
  const text = lead + region + (after ? NEIGHBOUR : '') + ']';
  const errors: ParseError[] = [];
  let list: JsonNode | undefined;
  try {
    list = parseTree(text, errors, PARSE_OPTIONS);
  } catch {
    return undefined; // nested too deep: the full read reports it
  }
  if (!list || errors.length > 0 || list.type !== 'array' || list.length !== text.length) return undefined;
  const children = list.children ?? [];
  // The stand-ins must read as themselves (text typed next to one would join it: `70`).
  const standIn = (n: JsonNode | undefined, at: number): boolean => n !== undefined && n.type === 'number' && n.offset === at && n.length === NEIGHBOUR.length;
  if (before && !standIn(children[0], 1)) return undefined;
  if (after && !standIn(children[children.length - 1], text.length - 1 - NEIGHBOUR.length)) return undefined;
  const items = children.slice(before ? 1 : 0, after ? children.length - 1 : children.length);
  const shift = from - lead.length;
  const stack: JsonNode[] = [...items];
  for (let n = stack.pop(); n; n = stack.pop()) {
    (n as { offset: number }).offset += shift;
    if (n.colonOffset !== undefined) (n as { colonOffset: number }).colonOffset += shift;
    if (n.children) for (const c of n.children) stack.push(c);
  }
  return items;
}

/** Update the tree for the edit: the items [k0, k1] of the list replaced by `fresh`, the nodes
 *  from `oldTo` on (the old text's) moved by `delta`, the ones holding the list lengthened by it. */
function updateTree(root: JsonNode, list: JsonNode, k0: number, k1: number, fresh: readonly JsonNode[], from: number, oldTo: number, delta: number): void {
  const children = list.children!;
  // An edit that keeps the text's length (a value retyped) moves no node: not a walk of millions.
  if (delta !== 0) {
    const replaced = new Set(children.slice(k0, k1 + 1));
    const stack: JsonNode[] = [root];
    for (let n = stack.pop(); n; n = stack.pop()) {
      if (replaced.has(n) || n.offset + n.length <= from) continue;
      if (n.offset >= oldTo) {
        (n as { offset: number }).offset += delta;
        if (n.colonOffset !== undefined) (n as { colonOffset: number }).colonOffset += delta;
      } else {
        (n as { length: number }).length += delta; // it holds the re-read text
      }
      if (n.children) for (const c of n.children) stack.push(c);
    }
  }
  // Spliced by hand: a pasted run of tiny items can outnumber what a call's arguments may hold.
  const tail = children.slice(k1 + 1);
  children.length = k0;
  for (const item of fresh) {
    (item as { parent?: JsonNode }).parent = list;
    children.push(item);
  }
  for (const item of tail) children.push(item);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Spans moved by an edit (offsets at or after `from` move): copied, or moved in place. */
class Mover {
  /** The claim's fields its lines inherit, one object for all of them, are moved once. */
  private readonly inherited = new Set<Field>();
  constructor(private readonly from: number, private readonly delta: number) {}

  /** A moved copy of the span (the span itself when it is before the edit). */
  span(s: Span): Span {
    return s.start >= this.from ? { start: s.start + this.delta, end: s.end + this.delta } : s;
  }

  private inPlace(s: Span): void {
    (s as Mutable<Span>).start += this.delta;
    (s as Mutable<Span>).end += this.delta;
  }

  /**
   * A line after the edit, moved in place with its fields and modifiers, and numbered anew: the
   * same object in the new document. (Copying every line after the edit was most of a keystroke's
   * time in a big file, and its peak memory. The old document is not used after a re-read, and
   * what else held these spans was moved first: the problems here, the findings in
   * edits/moved-findings.ts.)
   */
  line(l: ServiceLine, index: number, claimIndex: number): ServiceLine {
    if (this.delta !== 0) this.moveSpans(l);
    const moved = l as Mutable<ServiceLine>;
    moved.index = index;
    moved.claimIndex = claimIndex;
    return l;
  }

  private moveSpans(l: ServiceLine): void {
    this.inPlace(l.span);
    const fields = l.fields;
    for (const name in fields) {
      const f = fields[name as FieldName]!;
      if (f.fromClaim) {
        if (this.inherited.has(f)) continue;
        this.inherited.add(f);
      }
      this.inPlace(f.span);
      if (f.keySpan) this.inPlace(f.keySpan);
      if (f.wrongTypeElements) for (const e of f.wrongTypeElements) this.inPlace(e.span);
    }
    for (const m of l.modifiers) this.inPlace(m.span);
  }
}

/** The file's claims, as the reader groups lines into them: by claim_id, a line without one by
 *  its claim object; in the order of their first lines; a claim spans its objects. `claimIds[i]`:
 *  line i's claim_id. Gives each line's claim index, and the claims once given their lines. */
function claimsOf(claimIds: (i: number) => string, n: number, itemOfLine: Int32Array, items: readonly JsonNode[]): {
  claimIndex: Int32Array;
  claims: (lines: readonly ServiceLine[]) => Claim[];
} {
  const groups: Array<{ id: string; start: number; end: number; node: JsonNode }> = [];
  const byKey = new Map<string, number>();
  const claimIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = claimIds(i);
    const node = items[itemOfLine[i]];
    const key = id === '' ? `\0${node.offset}` : id;
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.push({ id, start: node.offset, end: node.offset + node.length, node }) - 1;
      byKey.set(key, g);
    }
    const group = groups[g];
    group.start = Math.min(group.start, node.offset);
    group.end = Math.max(group.end, node.offset + node.length);
    claimIndex[i] = g;
  }
  return {
    claimIndex,
    claims(lines) {
      const of: ServiceLine[][] = groups.map(() => []);
      for (const line of lines) of[line.claimIndex].push(line);
      return groups.map((g, index) => ({ index, id: g.id, span: { start: g.start, end: g.end }, lines: of[index], node: g.node }));
    },
  };
}

/** A line with another claim index (the claims of the file numbered again). */
function renumbered(l: ServiceLine, claimIndex: number): ServiceLine {
  return l.claimIndex === claimIndex ? l
    : makeLine(l, { index: l.index, claimIndex, span: l.span, fields: l.fields, modifiers: l.modifiers, disabled: l.disabled, node: l.node });
}

/** Where a span of the old text is in the new one, as edits/moved-findings.ts moves kept findings'
 *  spans; undefined for a span the edit touches (or that ends where it starts). */
function movedSpan(s: Span, change: TextChange): Span | undefined {
  if (s.end < change.start) return s;
  if (s.start < change.oldEnd) return undefined;
  const delta = change.newEnd - change.oldEnd;
  return { start: s.start + delta, end: s.end + delta };
}

function sameMoved(old: Span | undefined, now: Span | undefined, change: TextChange): boolean {
  if (!old || !now) return old === now;
  const moved = movedSpan(old, change);
  return moved !== undefined && moved.start === now.start && moved.end === now.end;
}

/**
 * Whether a line of the re-read object is an old line the edit did not touch: the same fields
 * (its own and those it inherits from its claim) with the same texts, at the same places moved
 * by the edit, and the same suppressions. Its findings are then the old ones, moved (as a CSV row
 * whose text did not change: Reread.windowOrigin).
 */
function untouched(old: ServiceLine, now: ServiceLine, change: TextChange): boolean {
  if (!sameMoved(old.span, now.span, change) || old.disabled.size !== now.disabled.size) return false;
  for (const id of old.disabled) if (!now.disabled.has(id)) return false;
  const names = Object.keys(now.fields) as FieldName[];
  if (names.length !== Object.keys(old.fields).length) return false;
  for (const name of names) {
    const a = old.fields[name];
    const b = now.fields[name]!;
    if (!a || a.text !== b.text || a.quoted !== b.quoted || a.fromClaim !== b.fromClaim || a.wrongType !== b.wrongType
      || !sameMoved(a.span, b.span, change) || !sameMoved(a.keySpan, b.keySpan, change)) return false;
    const ea = a.wrongTypeElements ?? [];
    const eb = b.wrongTypeElements ?? [];
    if (ea.length !== eb.length || ea.some((e, i) => e.type !== eb[i].type || !sameMoved(e.span, eb[i].span, change))) return false;
  }
  return true;
}

/** Per re-read line: the old line it is (untouched by the edit), or -1. Lines are matched from the
 *  object's start and from its end. */
function originsOf(old: readonly ServiceLine[], now: readonly ServiceLine[], oldFirst: number, change: TextChange): number[] {
  const origin = new Array<number>(now.length).fill(-1);
  const both = Math.min(old.length, now.length);
  for (let j = 0; j < both && untouched(old[j], now[j], change); j++) origin[j] = oldFirst + j;
  for (let j = 1; j <= both && untouched(old[old.length - j], now[now.length - j], change); j++) origin[now.length - j] = oldFirst + old.length - j;
  return origin;
}

function add(a: EolCounts, b: EolCounts, c: EolCounts): EolCounts {
  return { crlf: a.crlf - b.crlf + c.crlf, lf: a.lf - b.lf + c.lf, cr: a.cr - b.cr + c.cr };
}

/**
 * The document of `text`, an edit of `prev`'s text, re-read by claim objects; undefined when only
 * a full read will do: `prev` was not a well-formed claims list, the edit is not inside its list,
 * the text to re-read is over MAX_REREAD_CHARS, or it does not read as part of the list with no
 * syntax error.
 *
 * The tree is updated in place, so `prev` must not be used after this (its state is forgotten:
 * a second re-read from it is refused).
 */
export function rereadJson(prev: ClaimDocument, text: string, change: TextChange): Reread | undefined {
  const state = jsonStateOf(prev);
  const delta = change.newEnd - change.oldEnd;
  if (!state || !prev.json?.root || prev.text.length !== text.length - delta) return undefined;
  const list = state.list;
  const items = list.children ?? [];
  const end = (i: number): number => items[i].offset + items[i].length;
  // The items the edit touched: [k0, k1] (none when k0 > k1); the text re-read: from the end of
  // the untouched item before them (or the list's "[") to the start of the one after (or its "]").
  const k0 = lastAtOrBefore(items.length, end, change.start) + 1;
  const k1 = lastAtOrBefore(items.length, (i) => items[i].offset, change.oldEnd - 1);
  const listEnd = list.offset + list.length - 1; // its "]"
  const from = k0 > 0 ? end(k0 - 1) : list.offset + 1;
  const oldTo = k1 + 1 < items.length ? items[k1 + 1].offset : listEnd;
  if (change.start < from || change.oldEnd > oldTo || oldTo + delta - from > MAX_REREAD_CHARS) return undefined;
  // A BOM reads as a space, as parseJson reads it (node offsets stay the text's).
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const fresh = parseRegion(source, from, oldTo + delta, k0 > 0, k1 + 1 < items.length);
  if (!fresh) return undefined;

  // The touched items' old lines [before, oldWindowEnd).
  const itemOfLine = state.itemOfLine;
  const before = lowerBound(itemOfLine, k0);
  const oldWindowEnd = lowerBound(itemOfLine, k1 + 1);
  const read = readClaimItems(source, fresh, before);
  const windowEnd = before + read.lines.length;
  const lineShift = windowEnd - oldWindowEnd;
  const itemShift = fresh.length - (k1 - k0 + 1);

  // From here on `prev` changes: its tree is the new document's.
  forgetJsonState(prev);
  updateTree(prev.json.root, list, k0, k1, fresh, from, oldTo, delta);
  const n = prev.lines.length + lineShift;
  const newItemOfLine = new Int32Array(n);
  newItemOfLine.set(itemOfLine.subarray(0, before));
  read.itemOfLine.forEach((j, i) => { newItemOfLine[before + i] = k0 + j; });
  for (let o = oldWindowEnd; o < itemOfLine.length; o++) newItemOfLine[o + lineShift] = itemOfLine[o] + itemShift;
  const grouped = claimsOf((i) => (i < before ? prev.lines[i] : i < windowEnd ? read.lines[i - before] : prev.lines[i - lineShift]).claimId,
    n, newItemOfLine, list.children!);
  const claimIndex = grouped.claimIndex;

  const move = new Mover(oldTo, delta);
  // Problems and claims without lines: those of the items anew, the others kept or moved (copies,
  // made before the lines after the edit move in place: a problem may hold a field's span).
  const problems: ParseProblem[] = [];
  for (const p of prev.problems) if (p.span.start < from) problems.push(p);
  for (const p of read.problems) problems.push(p);
  for (const p of prev.problems) {
    if (p.span.start < oldTo) continue;
    const moved: Mutable<ParseProblem> = { ...p, span: move.span(p.span) };
    if (p.lineIndex !== undefined) moved.lineIndex = p.lineIndex + lineShift;
    problems.push(moved);
  }
  const lineless: LinelessClaim[] = [];
  for (const c of prev.json.linelessClaims) if (c.span.start < from) lineless.push(c);
  for (const c of read.linelessClaims) lineless.push(c);
  for (const c of prev.json.linelessClaims) {
    if (c.span.start >= oldTo) lineless.push({ ...c, span: move.span(c.span), idSpan: c.idSpan && move.span(c.idSpan) });
  }

  const lines: ServiceLine[] = new Array(n);
  for (let i = 0; i < windowEnd; i++) lines[i] = renumbered(i < before ? prev.lines[i] : read.lines[i - before], claimIndex[i]);
  for (let i = windowEnd; i < n; i++) lines[i] = move.line(prev.lines[i - lineShift], i, claimIndex[i]);
  const claims = grouped.claims(lines);

  // Line ends: those of the changed text (and a character either side, for CRLF pairs) counted again.
  const at = Math.max(0, change.start - 1);
  const eols = add(state.eols, eolCounts(prev.text, at, Math.min(prev.text.length, change.oldEnd + 1)),
    eolCounts(text, at, Math.min(text.length, change.newEnd + 1)));
  const eol = eolOf(eols);
  const doc: ClaimDocument = {
    format: 'json',
    text,
    lines,
    claims,
    problems,
    json: { root: prev.json.root, linelessClaims: lineless, indent: detectIndent(source, eol), eol },
  };
  setJsonState(doc, { list, itemOfLine: newItemOfLine, eols });
  return { doc, before, windowEnd, oldWindowEnd, windowOrigin: originsOf(prev.lines.slice(before, oldWindowEnd), read.lines, before, change) };
}
