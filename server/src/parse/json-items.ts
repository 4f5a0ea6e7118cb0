// The items of a JSON claims file's list, found by a scan token by token (jsonc-parser's scanner),
// without a parse tree: where each item starts and ends, how many objects it holds, and which
// items share a claim or a member. A big JSON file is read a batch of whole claims and members at
// a time from these (batches/json-batches.ts), as a big CSV file is from its row index
// (batches/row-index.ts): its parse tree took thirty times the file's size.
import { createScanner, SyntaxKind, type JSONScanner } from 'jsonc-parser';
import { isScalar, JsonGrammar, nextToken as next } from './json-grammar';
import { findRoot } from '../engine-parts';
import { fieldOf, normalizeKey } from './fields';
import { plainDecimal } from './values';
import { runToEnd } from '../steps';

/** The items of a file's claims list. */
export interface ClaimItems {
  /** Offsets of each item's first and past its last character, in file order. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The objects in each item: at least its lines (a line is an object). */
  readonly objects: Int32Array;
  /** Each item's part: items sharing a claim id or a member id (anywhere in them) have one. */
  readonly partOf: Int32Array;
  readonly parts: number;
}

/** Ids met while scanning, as union-find nodes after the items. */
class Ids {
  readonly byKey = new Map<string, number>();
  /** Pairs (item, id node) to join once the item count is known. */
  readonly links: number[] = [];
  link(item: number, kind: 'c' | 'm', id: string): void {
    if (id === '') return;
    const key = kind + id;
    let node = this.byKey.get(key);
    if (node === undefined) this.byKey.set(key, (node = this.byKey.size));
    this.links.push(item, node);
  }
}

/** A scalar's text as the reader takes an id: a string trimmed, a number as a plain decimal. */
function idText(s: JSONScanner, kind: SyntaxKind): string {
  if (kind === SyntaxKind.StringLiteral) return s.getTokenValue().trim();
  if (kind === SyntaxKind.NumericLiteral) {
    const raw = s.getTokenValue();
    return /[eE]/.test(raw) ? plainDecimal(Number(raw)) ?? raw : raw;
  }
  return '';
}

/**
 * Scan the file for the items of its claims list: `{ "claims": [ ... ] }` or `[ ... ]`. Undefined
 * when it is not such a list, well-formed (with comments and trailing commas, as JSONC allows).
 */
export function scanClaimItems(text: string): ClaimItems | undefined {
  return runToEnd(scanClaimItemsSteps(text));
}

/** List items scanned between two yields of scanClaimItemsSteps. */
const STEP_ITEMS = 2_000;

/** scanClaimItems a step at a time (a 24 MB text took 0.4 s in one piece): for the server. */
export function* scanClaimItemsSteps(text: string): Generator<void, ClaimItems | undefined> {
  const s = createScanner(text, false);
  if (text.charCodeAt(0) === 0xfeff) s.setPosition(1);
  let kind = next(s);
  if (kind === SyntaxKind.OpenBraceToken) {
    // The root object: its "claims" key (once) opens the list; other keys' values are skipped
    // (unknown keys only: json.ts besideClaims).
    let found = false;
    for (;;) {
      kind = next(s);
      if (kind === SyntaxKind.CloseBraceToken) break;
      if (kind !== SyntaxKind.StringLiteral) return undefined;
      const key = normalizeKey(s.getTokenValue());
      const isClaims = key === 'claims';
      // A key a claim would read, beside "claims", is read by none: the whole read reports it.
      if (!isClaims && (key === 'lines' || key === 'lintdisable' || fieldOf(s.getTokenValue()) !== undefined)) return undefined;
      if (next(s) !== SyntaxKind.ColonToken) return undefined;
      if (isClaims) {
        if (found || next(s) !== SyntaxKind.OpenBracketToken) return undefined;
        found = true;
        const items = yield* scanList(s);
        if (!items) return undefined;
        kind = next(s);
        if (kind === SyntaxKind.CommaToken) continue;
        if (kind !== SyntaxKind.CloseBraceToken) return undefined;
        if (next(s) !== SyntaxKind.EOF) return undefined;
        return items;
      }
      if (scanValue(s, next(s)) === undefined) return undefined;
      kind = next(s);
      if (kind === SyntaxKind.CloseBraceToken) break;
      if (kind !== SyntaxKind.CommaToken) return undefined;
    }
    return undefined; // one claim object, or no "claims" list: read whole
  }
  if (kind !== SyntaxKind.OpenBracketToken) return undefined;
  const items = yield* scanList(s);
  return items && next(s) === SyntaxKind.EOF ? items : undefined;
}

/**
 * One value, its first token `kind` just read; the scanner ends at its last token. Every token is
 * checked against JSON's grammar: anything jsonc-parser would report (and recover from as it
 * can) makes the file one to read whole, where the reader says what is wrong. Gives the objects
 * in the value (undefined when it is not well-formed); `onId` gets each claim id and member id
 * written in it, at any depth.
 */
function scanValue(s: JSONScanner, kind: SyntaxKind | undefined, onId?: (field: 'c' | 'm', id: string) => void): number | undefined {
  const grammar = new JsonGrammar();
  let objects = 0;
  // The key just read, and the id field it names, for the value that follows.
  let key = '';
  let field: 'c' | 'm' | undefined;
  for (;;) {
    if (kind === undefined) return undefined;
    const isKey = kind === SyntaxKind.StringLiteral && grammar.keyWanted;
    if (!grammar.accept(kind)) return undefined;
    if (isKey) {
      key = s.getTokenValue();
    } else if (kind === SyntaxKind.ColonToken) {
      const name = onId && fieldOf(key);
      field = name === 'claim_id' ? 'c' : name === 'member_id' ? 'm' : undefined;
    } else if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (kind === SyntaxKind.OpenBraceToken) objects++;
      field = undefined;
    } else if (isScalar(kind)) {
      if (field) onId!(field, idText(s, kind));
      field = undefined;
    }
    if (grammar.depth === 0) return objects;
    kind = next(s);
  }
}

/** The list's items, the scanner just past its `[`; it ends past the `]`. */
function* scanList(s: JSONScanner): Generator<void, ClaimItems | undefined> {
  const starts: number[] = [];
  const ends: number[] = [];
  const counts: number[] = [];
  const ids = new Ids();
  for (;;) {
    let kind = next(s);
    if (kind === SyntaxKind.CloseBracketToken) break;
    const item = starts.length;
    starts.push(s.getTokenOffset());
    const objects = scanValue(s, kind, (field, id) => ids.link(item, field, id));
    if (objects === undefined) return undefined;
    ends.push(s.getTokenOffset() + s.getTokenLength());
    counts.push(objects);
    if (starts.length % STEP_ITEMS === 0) yield;
    kind = next(s);
    if (kind === SyntaxKind.CloseBracketToken) break;
    if (kind !== SyntaxKind.CommaToken) return undefined;
  }
  if (starts.length === 0) return undefined;
  // Items, then ids, in one union-find forest.
  const n = starts.length;
  const parent = new Int32Array(n + ids.byKey.size);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  for (let k = 0; k < ids.links.length; k += 2) {
    const a = findRoot(parent, ids.links[k]);
    const b = findRoot(parent, n + ids.links[k + 1]);
    if (a !== b) parent[a] = b;
  }
  const partOf = new Int32Array(n);
  for (let i = 0; i < n; i++) partOf[i] = findRoot(parent, i);
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), objects: Int32Array.from(counts), partOf, parts: parent.length };
}
