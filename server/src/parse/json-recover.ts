// Recovery from a half-typed claim file's brackets, before jsonc-parser reads it. jsonc-parser
// recovers token by token: a line object typed before its `}` swallowed the `]` after it, so the
// claims after it were read as more line objects of that claim (false missing-field findings, their
// own lines never checked), and the error was at the `]`, not at the open `{`. A stray `]}` after a
// claim ended the data there (everything after it unread); a claim's missing `}` merged the next
// claim into it (false "given twice" errors).
//
// This pass scans the tokens once, keeping the open objects and lists, and plans repairs where the
// text can only mean one thing:
// - a `}` or `]` that closes a list or object further out (`]` with a line object still open):
//   the ones still open inside it are closed right after their last value; unless the rest of
//   the text closes what is open exactly without it (`}},` after a line object): then it is a
//   stray one, taken out; so is a `]` that ends the list of claims with a claim's `{` right
//   after it (`},]` pasted after a claim), when the rest of the text closes what is open without it;
// - a `{` where an object that is an item of a list wants a key, a comma or its `}` (the next
//   claim or line object begins): that object is closed right after its last value; a `{` first
//   on its line, indented as an item object further out (a claim), closes that one and what is
//   open inside it, when only then does the rest of the text close what is open; a `{` first on
//   its line, indented as the innermost item object while that one still wants a colon or a
//   value (`"claim_id":` typed, no `}`), closes it after its key, when only then does the rest of
//   the text close what is open (else the next claim is read as the key's value); a `{` right
//   after a `}` (no comma) mid-line, in a list inside an item object, closes that list and the
//   item objects inside the one whose next sibling it is, when only then does the rest of the text
//   close what is open (one-line files: `…}{"claim_id"…`, a claim's `]},` deleted);
// - a text in a list, with a `:` after it (a key), the list in an object: the list was left open
//   (`"modifiers": ["JW"`, no `]` typed, the object's next key after it); it is closed right after
//   its last item (a comma before the key then separates the object's members), and the key is
//   the object's;
// - a closer inserted right after a text the scanner ended at a line break (`"hcpcs": "J21`):
//   the text's `"` goes in first, else jsonc-parser would read the closer as part of the text;
// - a value typed without its quotes where a value begins (`"hcpcs": S9500`, `[SH, JW]`,
//   `2026-03-02`, `03/02/2026`, `C-1001`; not `true`, `false`, `null` or a number): its quotes go
//   in (and a comma after it when the next key follows with none) and it is read as written; so
//   does a field name's before its colon (`hcpcs: "S9500"`);
// - closers that end the file's root with claims still to come (`]}` pasted after a claim): they
//   are taken out, when the rest of the file then closes exactly what they closed.
// The repaired text (closers inserted, stray ones blanked) is what jsonc-parser reads; its nodes
// and errors are moved back to the file's offsets, and each repair is one parse-error where the
// problem is: at the `{` or `[` left open, at the stray closers. Deterministic: a function of the
// text only (a broken text is never re-read incrementally, json-incremental.ts).
import { createScanner, ScanError, SyntaxKind, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { ParseProblem } from '../model';
import { fieldOf, normalizeKey } from './fields';
import { MAX_DEPTH } from './json-limits';
import { LINE_BREAK_IN_TEXT_MESSAGE, UNCLOSED_TEXT_MESSAGE } from './json-errors';

/** More repairs than this: the text is not a claim file being typed (binary, another format). */
const MAX_REPAIRS = 100;
/** Root closes with text after it tried for stray closers, each a scan of the rest of the text. */
const MAX_STRAY_CHECKS = 4;
/** Closers before a root close tried as the stray ones. */
const MAX_STRAY_RUN = 4;
/** Closers at a line start, indented as an opener further out, checked against the rest of the
 *  text (a scan of it each). */
const MAX_INDENT_CHECKS = 4;
/** Closers of a container further out (those inside it then closed implicitly) checked against
 *  the rest of the text as stray ones (a scan of it each). */
const MAX_STRAY_CLOSER_CHECKS = 4;
/** A `{` not first on its line checked against the rest of the text as the next item of a list
 *  further out (a scan of it each); only where the bracket count says it may be (restClosesMap). */
const MAX_RUN_ON_CHECKS = 4;
/** A `{` in a list of a field's values checked against the rest of the text as the next line
 *  object (a scan of it each). */
const MAX_SCALAR_LIST_CHECKS = 4;
/** No closer is matched with an opener further in than this many frames from the top of the
 *  stack: the ones between would be more than MAX_REPAIRS implicit closes. Keeps each closer's
 *  look at the stack bounded (deeply nested garbage stays linear). */
const MAX_MATCH_DISTANCE = MAX_REPAIRS + 1;

/** For tests: the open frames looked at to match closers (bounded per closer, never the whole stack). */
export const recoverWork = { framesVisited: 0 };

const enum Want { Key, Colon, Value, After }

type Role = 'claims' | 'lines' | 'claim' | 'line' | 'root' | 'other';

interface Frame {
  readonly isObject: boolean;
  readonly open: number;
  /** The indentation of the line the opener is on (null when a comment or text begins that line). */
  readonly indent: string | null;
  readonly role: Role;
  want: Want;
  /** Objects: the last key read, normalised (the role of the list it opens). */
  key: string;
  /** Lists: an object or list was opened in it. */
  hasContainer?: boolean;
}

/** Text inserted at an offset of the file. */
export interface Insertion {
  readonly at: number;
  readonly text: string;
}

export interface Repairs {
  /** The text jsonc-parser reads: the file's with the insertions made and stray closers blanked. */
  readonly text: string;
  readonly insertions: readonly Insertion[];
  readonly problems: readonly ParseProblem[];
}

const isTrivia = (k: SyntaxKind): boolean => k >= SyntaxKind.LineCommentTrivia && k <= SyntaxKind.Trivia;

/** The next token that is not trivia (scan errors are the scanner's token all the same). */
function scanNext(s: ReturnType<typeof createScanner>): SyntaxKind {
  for (;;) {
    const k = s.scan();
    if (!isTrivia(k)) return k;
  }
}

function roleOf(parent: Frame | undefined, isObject: boolean): Role {
  if (!parent) return isObject ? 'root' : 'claims';
  if (parent.isObject) {
    if (isObject) return 'other';
    if (parent.key === 'claims' && parent.role === 'root') return 'claims';
    if (parent.key === 'lines' && (parent.role === 'root' || parent.role === 'claim')) return 'lines';
    return 'other';
  }
  if (!isObject) return 'other';
  return parent.role === 'claims' ? 'claim' : parent.role === 'lines' ? 'line' : 'other';
}

/** What a frame is, in a message: 'claim object', '"lines" list', ... */
function describe(f: Frame): string {
  if (f.isObject) return f.role === 'claim' ? 'claim object' : f.role === 'line' ? 'line object' : 'object';
  return f.role === 'lines' ? '"lines" list' : f.role === 'claims' ? 'list of claims' : 'list';
}

function unclosedMessage(f: Frame): string {
  return f.isObject ? `This ${describe(f)} is not closed: add } after its last value` : `This ${describe(f)} is not closed: add ] after its last item`;
}

/** The kinds of the open frames, outermost first (true for an object). */
function kindsOf(stack: readonly Frame[]): boolean[] {
  return stack.map((f) => f.isObject);
}

/**
 * What the text from an offset does to the containers open before it, in one scan: the closers
 * that close them, in order (true for `}`); whether it is otherwise balanced (no closer that
 * mismatches one opened in it, nothing it opens left open); whether a token follows the last of
 * those closers; whether it opens an object or list.
 */
interface Rest {
  readonly closers: readonly boolean[];
  readonly balanced: boolean;
  readonly trailing: boolean;
  readonly opens: boolean;
}

/** The Rest of the text from `from`, looking at no more than `max` closers of what is open. */
function restOf(text: string, from: number, max: number): Rest {
  const s = createScanner(text, false);
  s.setPosition(from);
  const inner: boolean[] = [];
  const closers: boolean[] = [];
  let trailing = false;
  let opens = false;
  for (let k = scanNext(s); k !== SyntaxKind.EOF; k = scanNext(s)) {
    if (k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken) {
      inner.push(k === SyntaxKind.OpenBraceToken);
      opens = true;
      trailing = true;
    } else if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) {
      const isObject = k === SyntaxKind.CloseBraceToken;
      if (inner.length > 0) {
        if (inner.pop() !== isObject) return { closers, balanced: false, trailing, opens };
        trailing = true;
      } else {
        closers.push(isObject);
        trailing = false;
        if (closers.length > max) return { closers, balanced: false, trailing, opens };
      }
    } else {
      trailing = true;
    }
  }
  return { closers, balanced: inner.length === 0, trailing, opens };
}

/** Whether a Rest closes exactly the containers `open` (outermost first) at the end of the text. */
function closesExactly(rest: Rest, open: readonly boolean[]): boolean {
  if (!rest.balanced || rest.trailing || rest.closers.length !== open.length) return false;
  return rest.closers.every((isObject, i) => isObject === open[open.length - 1 - i]);
}

/** No opener of the closer's kind within MAX_MATCH_DISTANCE of the top of the stack. */
const TOO_FAR = -2;

/**
 * The innermost open frame of the closer's kind: -1 when none is open (`openOfKind`, a count
 * kept as frames open and close, says so at once: `{{{...]]]` must not walk the whole stack for
 * every `]`), TOO_FAR when it is further in than MAX_MATCH_DISTANCE.
 */
function innerMatch(stack: readonly Frame[], isObject: boolean, openOfKind: number): number {
  if (openOfKind === 0) return -1;
  const floor = Math.max(0, stack.length - MAX_MATCH_DISTANCE);
  for (let i = stack.length - 1; i >= floor; i--) {
    recoverWork.framesVisited++;
    if (stack[i].isObject === isObject) return i;
  }
  return TOO_FAR;
}

/** The frame further out than `match` of the closer's kind whose opener's line is indented as
 *  the closer is, every frame inside it on a line indented more; -1 when there is none (or it is
 *  further in than MAX_MATCH_DISTANCE: too many to close). */
function outerMatch(stack: readonly Frame[], match: number, isObject: boolean, indent: string): number {
  const floor = Math.max(0, stack.length - MAX_MATCH_DISTANCE);
  for (let i = stack.length - 1; i > match; i--) {
    recoverWork.framesVisited++;
    if (!deeper(stack[i].indent, indent)) return -1;
  }
  for (let i = match; i >= floor; i--) {
    recoverWork.framesVisited++;
    const f = stack[i];
    if (f.isObject === isObject && f.indent === indent) return i === match ? -1 : i;
    if (!deeper(f.indent, indent)) return -1;
  }
  return -1;
}

/**
 * For a `{` first on its line: the object further out than the innermost one (an item of a
 * list) whose opener's line is indented as this line is, every frame inside it on a line indented
 * more; -1 when there is none. The `{` is then likely its next sibling (a claim typed after one
 * whose "lines" and last line object were never closed).
 */
function siblingItem(stack: readonly Frame[], indent: string): number {
  const item = outerMatch(stack, stack.length - 1, true, indent);
  return item > 0 && !stack[item - 1].isObject ? item : -1;
}

/**
 * For a `{` first on its line, indented by `indent`: whether the innermost open frame is an
 * object, an item of a list, on a line indented the same, that wants a colon or a value (a key
 * typed, its value not yet). The `{` can then only be its next sibling: a value of that key
 * would be on the key's line or further in.
 */
function keyWithoutValue(stack: readonly Frame[], indent: string): boolean {
  const top = stack[stack.length - 1];
  const parent = stack[stack.length - 2];
  return top !== undefined && top.isObject && top.indent === indent && (top.want === Want.Colon || top.want === Want.Value) && parent !== undefined && !parent.isObject;
}

/**
 * Whether the frame `match`, about to be closed, is the list of claims inside the root object
 * with a `{` (the next claim) right after its closer at `end`. (The list of claims as the root is
 * strayRun's: its closer closes the root.)
 */
function endsClaimsBeforeClaim(stack: readonly Frame[], match: number, source: string, end: number): boolean {
  if (match === 0 || stack[match].role !== 'claims') return false;
  const next = createScanner(source, false);
  next.setPosition(end);
  return scanNext(next) === SyntaxKind.OpenBraceToken;
}

/**
 * The innermost open frame is the list of a field's values (`"modifiers": [`, `"lint_disable": [`)
 * with no object or list in it yet, in an object that is an item of a list (a line or claim object).
 */
function inFieldList(stack: readonly Frame[]): boolean {
  const n = stack.length;
  if (n < 3) return false;
  const list = stack[n - 1];
  const obj = stack[n - 2];
  if (list.isObject || list.hasContainer || !obj.isObject || stack[n - 3].isObject) return false;
  return obj.key === 'lintdisable' || (obj.key !== 'lines' && obj.key !== 'claims' && fieldOf(obj.key) !== undefined);
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09;
/** A value's end follows: a `,` `}` `]` or a line break. */
const endsValue = (c: number): boolean => c === 0x2c || c === 0x7d || c === 0x5d || c === 0x0a || c === 0x0d;
const isWordChar = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/** `end` with the spaces before it (after `start`) left out. */
function trimEnd(source: string, start: number, end: number): number {
  while (end > start + 1 && isSpace(source.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * For a text token source[start, end): the offset of a comma its closing quote was left out
 * before, or -1. Unclosed (the scanner ended it at the line end): its content ends with a comma
 * (and spaces). Closed: its content ends with a comma (and spaces), and a word follows its quote
 * at once (`"S9500, "units": 1`: the quote opens the next key).
 */
function quoteBeforeComma(source: string, start: number, end: number, unclosed: boolean): number {
  let i = end;
  if (!unclosed) {
    if (source.charCodeAt(end - 1) !== 0x22 || !isWordChar(source.charCodeAt(end))) return -1;
    i = end - 1;
  }
  while (i > start + 1 && isSpace(source.charCodeAt(i - 1))) i--;
  if (i <= start + 1 || source.charCodeAt(i - 1) !== 0x2c) return -1;
  // A comma escaped or right after the opening quote is not a value's end.
  return i - 1 > start + 1 && source.charCodeAt(i - 2) !== 0x5c ? i - 1 : -1;
}

/**
 * For a closed text token source[start, end) in an object: the end of its value (spaces left
 * out) when its content ends with a space and its closing quote opens the object's next key on
 * the same line (`"S9500 "units": 1`: the value's quote and comma left out); else -1.
 */
function quoteBeforeKey(source: string, start: number, end: number): number {
  // The closing quote opens a key (keyAt: a quote, a name on this line, its quote, a colon).
  if (!isWordChar(source.charCodeAt(end)) || !isSpace(source.charCodeAt(end - 2)) || !keyAt(source, end - 1)) return -1;
  const value = trimEnd(source, start, end - 1);
  return value > start + 1 ? value : -1;
}

/** Whether a key in quotes, then a colon, begins at `at` (a `"`), on one line. */
function keyAt(source: string, at: number): boolean {
  if (source.charCodeAt(at) !== 0x22) return false;
  let i = at + 1;
  for (let c = source.charCodeAt(i); i < source.length && c !== 0x22 && c !== 0x0a && c !== 0x0d && c !== 0x5c; c = source.charCodeAt(++i));
  if (i === at + 1 || source.charCodeAt(i) !== 0x22) return false;
  for (i++; isSpace(source.charCodeAt(i)); i++);
  return source.charCodeAt(i) === 0x3a;
}

/** A comment begins at `at`: `//` or `/*`. */
const commentAt = (source: string, at: number): boolean => source.charCodeAt(at) === 0x2f && (source.charCodeAt(at + 1) === 0x2f || source.charCodeAt(at + 1) === 0x2a);

/**
 * A character of a value typed without its quotes: not a space, line break or control
 * character, not JSON's `{ } [ ] " : ,`, not a backslash (it would be an escape in quotes), not
 * a comment's start.
 */
function isBareChar(source: string, at: number): boolean {
  if (at >= source.length) return false;
  const c = source.charCodeAt(at);
  if (c <= 0x20 || c === 0x7f) return false;
  switch (c) {
    case 0x7b: case 0x7d: case 0x5b: case 0x5d: case 0x22: case 0x3a: case 0x2c: case 0x5c:
      return false;
    case 0x2f:
      return !commentAt(source, at);
    default:
      return true;
  }
}

/** A letter or digit (ASCII), or any character past ASCII: a value typed without quotes may begin with it. */
const startsBare = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0x80;

/**
 * A value typed without its quotes from `start` (`S9500`, `2026-03-02`, `03/02/2026`, `C-1001`,
 * words with spaces between them): its end (spaces after it left out), and whether the object's
 * next key follows it with no comma, on this line or first on the next (`S9500 "units": 1`);
 * undefined unless a value ends there: a `,` `}` `]`, the line's end, a comment or the text's end
 * (`S9500 units: 1` is something else). Looks no further than the next token after it.
 */
function bareValue(source: string, start: number, inObject: boolean): { end: number; keyNext: boolean } | undefined {
  let i = start;
  let end = start;
  for (;;) {
    while (isBareChar(source, i)) i++;
    end = i;
    while (isSpace(source.charCodeAt(i))) i++;
    if (i === end || !isBareChar(source, i)) break;
  }
  if (end === start) return undefined;
  if (i >= source.length || commentAt(source, i)) return { end, keyNext: false };
  const c = source.charCodeAt(i);
  if (c === 0x2c || c === 0x7d || c === 0x5d) return { end, keyNext: false };
  if (c === 0x22) return inObject && keyAt(source, i) ? { end, keyNext: true } : undefined;
  if (c !== 0x0a && c !== 0x0d) return undefined;
  if (!inObject) return { end, keyNext: false };
  // At the line's end: the next key first on the next line (blank lines between) lacks its comma.
  while (i < source.length && (isSpace(source.charCodeAt(i)) || source.charCodeAt(i) === 0x0a || source.charCodeAt(i) === 0x0d)) i++;
  return { end, keyNext: keyAt(source, i) };
}

/** A field name typed without its quotes at `start` (`hcpcs: "S9500"`): its end, when a colon
 *  follows it (spaces between); else -1. Letters, digits, `_` and `-`, a letter or `_` first. */
function bareKeyEnd(source: string, start: number): number {
  const first = source.charCodeAt(start);
  if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a) || first === 0x5f)) return -1;
  let i = start + 1;
  for (let c = source.charCodeAt(i); isWordChar(c) || c === 0x2d; c = source.charCodeAt(++i));
  const end = i;
  while (isSpace(source.charCodeAt(i))) i++;
  return source.charCodeAt(i) === 0x3a ? end : -1;
}

/** A value or field name as shown in a message: at most 30 characters. */
const shownInMessage = (written: string): string => (written.length > 30 ? written.slice(0, 29) + '…' : written);

/** A value typed without its quotes: what to type. */
function unquotedMessage(written: string, keyNext: boolean): string {
  const shown = shownInMessage(written);
  return `${shown} is not in quotes: write "${shown}"${keyNext ? ', and a comma before the next key' : ''}`;
}

/** Lines a text broken by line breaks is followed over, at most. */
const MAX_TEXT_LINES = 10;

/**
 * For a text the scanner ended at a line break at `end`: the line breaks inside it and its end
 * (after its closing quote), when the lines after it have words and no quote, and then one with
 * a quote after which comes only a `,` `}` `]` or the line's end (at most MAX_TEXT_LINES lines);
 * else undefined.
 */
function textAcrossBreaks(source: string, end: number): { breaks: Array<[number, number]>; end: number } | undefined {
  const breaks: Array<[number, number]> = [];
  let words = false;
  let i = end;
  for (;;) {
    // At a line break.
    const from = i;
    if (source.charCodeAt(i) === 0x0d) i++;
    if (source.charCodeAt(i) === 0x0a) i++;
    if (i === from || breaks.length === MAX_TEXT_LINES) return undefined;
    breaks.push([from, i]);
    for (; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 0x0a || c === 0x0d || c === 0x22) break;
      if (c === 0x5c) i++;
      else if (isWordChar(c)) words = true;
    }
    if (i >= source.length) return undefined;
    if (source.charCodeAt(i) === 0x22) break;
  }
  if (!words) return undefined;
  const after = i + 1;
  let j = after;
  while (j < source.length && isSpace(source.charCodeAt(j))) j++;
  const c = source.charCodeAt(j);
  return j >= source.length || endsValue(c) ? { breaks, end: after } : undefined;
}

/** Whether a value begins at the next token: after a key's colon, or a list's `[` or comma. */
function valueBegins(stack: readonly Frame[], lastKind: SyntaxKind | undefined): boolean {
  const top = stack[stack.length - 1];
  if (!top) return lastKind === undefined;
  if (top.isObject) return top.want === Want.Value;
  return lastKind === SyntaxKind.OpenBracketToken || lastKind === SyntaxKind.CommaToken;
}

/** For a number token source[start, end) that is a 0 (or -0) with digits right after it: the
 *  end of those digits (and a fraction); else `end`. */
function zeroPaddedEnd(source: string, start: number, end: number): number {
  const zero = source.charCodeAt(start) === 0x2d ? start + 1 : start;
  if (end !== zero + 1 || source.charCodeAt(zero) !== 0x30) return end;
  let i = end;
  for (let c = source.charCodeAt(i); (c >= 0x30 && c <= 0x39) || c === 0x2e; c = source.charCodeAt(++i));
  // The value ends there (`08-15`, `0800a` are something else: a text typed without quotes).
  const next = source.charCodeAt(i);
  if (i < source.length && !isSpace(next) && !endsValue(next)) return end;
  return source.charCodeAt(end) >= 0x30 && source.charCodeAt(end) <= 0x39 ? i : end;
}

/** A number written with leading zeros: what to type instead. */
function leadingZeroMessage(written: string, isNdc: boolean): string {
  const shown = written.length > 30 ? written.slice(0, 29) + '…' : written;
  if (isNdc) return `A JSON number cannot start with 0, and an NDC needs its leading zeros: put the NDC in quotes, "${shown}"`;
  const sign = written.startsWith('-') ? '-' : '';
  const plain = written.slice(sign.length).replace(/^0+(?=\d)/, '');
  return `A JSON number cannot start with 0: write ${sign}${plain.length > 30 ? plain.slice(0, 29) + '…' : plain}, or put the value in quotes`;
}

/** A text whose closing quote was left out before a comma: what to type, after what. */
function notClosedMessage(content: string): string {
  const before = content.trimEnd();
  const shown = before.length > 30 ? '…' + before.slice(before.length - 29) : before;
  return `This text is not closed: add " after ${shown}`;
}

/** The innermost open frame is a list in an object (a claim's "lines"), that object an item of a list. */
function inNestedList(stack: readonly Frame[]): boolean {
  const n = stack.length;
  return n >= 3 && !stack[n - 1].isObject && stack[n - 2].isObject && !stack[n - 3].isObject;
}

/**
 * For each `{` of the text, counted by brackets only (not their kinds): how many of the
 * containers open before it the rest of the text closes, when the rest leaves nothing it opens
 * open. One scan of the text, then one pass back over its brackets: the cheap test that lets the
 * few scans of the rest (restOf) go only where a `{` may begin an item further out.
 */
function restClosesMap(source: string): Map<number, number> {
  const s = createScanner(source, false);
  // The depth before each bracket, and which are `{`.
  const offsets: number[] = [];
  const depths: number[] = [];
  const opens: boolean[] = [];
  let depth = 0;
  for (let k = scanNext(s); k !== SyntaxKind.EOF; k = scanNext(s)) {
    const open = k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken;
    if (!open && k !== SyntaxKind.CloseBraceToken && k !== SyntaxKind.CloseBracketToken) continue;
    offsets.push(s.getTokenOffset());
    depths.push(depth);
    opens.push(k === SyntaxKind.OpenBraceToken);
    depth += open ? 1 : -1;
  }
  const map = new Map<number, number>();
  // The least depth from each bracket on, to the end.
  let least = depth;
  for (let i = offsets.length - 1; i >= 0; i--) {
    least = Math.min(least, depths[i]);
    // Nothing the rest opens is left open (it ends at its least depth): it closes the outermost
    // depths[i] - least of those open before it.
    if (opens[i] && least === depth) map.set(offsets[i], depths[i] - least);
  }
  return map;
}

/** A line indented by `a` is further in than one by `b` (`b` a prefix of it, and shorter). */
function deeper(a: string | null, b: string): boolean {
  return a !== null && a.length > b.length && a.startsWith(b);
}

function atEnd(text: string, from: number): boolean {
  const s = createScanner(text, false);
  s.setPosition(from);
  return scanNext(s) === SyntaxKind.EOF;
}

/** The last closers of `run` (the root's closer last) that are stray: the fewest that the rest
 *  of the text, from `end`, closes exactly once they are taken out. Undefined when none are, or
 *  nothing follows the root. */
function strayRun<T extends { frame: Frame }>(source: string, end: number, run: readonly T[]): T[] | undefined {
  if (atEnd(source, end)) return undefined;
  const rest = restOf(source, end, MAX_STRAY_RUN);
  // Claims or lines to read after them: an object or list opened.
  if (!rest.opens) return undefined;
  for (let k = 1; k <= Math.min(run.length, MAX_STRAY_RUN); k++) {
    const reopened = run.slice(run.length - k);
    // Open again, outermost first (the run closed them innermost first).
    if (closesExactly(rest, reopened.map((r) => r.frame.isObject).reverse())) return reopened;
  }
  return undefined;
}

/**
 * The repairs the text's brackets need, or undefined when it needs none of these (or too many,
 * or it nests deeper than MAX_DEPTH: not a claim file being typed). `source` has its BOM blanked
 * already. Linear in the text: each token looks at no more than MAX_MATCH_DISTANCE frames, and
 * the scans of the rest of the text are a few (MAX_INDENT_CHECKS, MAX_STRAY_CLOSER_CHECKS,
 * MAX_STRAY_CHECKS).
 */
export function planRepairs(source: string): Repairs | undefined {
  const s = createScanner(source, false);
  const stack: Frame[] = [];
  // How many of the open frames are objects, and lists (a closer of a kind not open is dismissed at once).
  let openObjects = 0;
  let openLists = 0;
  const insertions: Insertion[] = [];
  const blanks: Array<[number, number]> = [];
  const problems: ParseProblem[] = [];
  // The end of the last token, and of the last one that is not a comma; whether the last was one.
  let lastEnd = 0;
  let valueEnd = 0;
  let afterComma = false;
  let lastKind: SyntaxKind | undefined;
  // The closers just read, in a row, with the frames they closed and what came before them (for
  // a stray run).
  const run: Array<{ offset: number; frame: Frame; parentWant: Want | undefined; lastEnd: number; valueEnd: number; afterComma: boolean }> = [];
  let strayChecks = 0;
  let indentChecks = 0;
  let strayCloserChecks = 0;
  let runOnChecks = 0;
  let scalarListChecks = 0;
  // For each `{`, how many of the containers open before it the rest of the text closes (one scan
  // of the text, made the first time it is needed).
  let restCloses: Map<number, number> | undefined;
  // The last text the scanner ended at a line break, its closing quote not typed: a closer
  // inserted right after it would be read as part of it (jsonc-parser reads such a text up to
  // the line end too), so its quote goes in first.
  let openText: { start: number; end: number; quoted: boolean } | undefined;
  // The last token, when it is a text read as an item of a list in an object (before it: the end
  // of the last token and value, and whether the last token was a comma): a `:` right after it
  // makes it a key, the list left open.
  let textInList: { end: number; key: string; lastEnd: number; valueEnd: number; afterComma: boolean } | undefined;
  // The line the token is on: the indentation of its first token, and whether the token is it.
  let lineIndent: string | null = '';
  let startsLine = true;

  const push = (f: Frame): void => {
    stack.push(f);
    if (f.isObject) openObjects++;
    else openLists++;
  };
  const pop = (): Frame => {
    const f = stack.pop()!;
    if (f.isObject) openObjects--;
    else openLists--;
    return f;
  };
  const insert = (at: number, text: string): void => {
    if (openText && openText.end === at && !openText.quoted) {
      openText.quoted = true;
      text = '"' + text;
      // jsonc-parser no longer sees it unclosed: the parse-error it would give, here.
      problems.push({ ruleId: 'parse-error', span: { start: openText.start, end: openText.end }, message: UNCLOSED_TEXT_MESSAGE });
    }
    const last = insertions[insertions.length - 1];
    if (last && last.at === at) insertions[insertions.length - 1] = { at, text: last.text + text };
    else insertions.push({ at, text });
  };
  /** Close the innermost frame at `at` (its closer inserted there). */
  const closeImplicitly = (at: number): void => {
    const f = pop();
    insert(at, f.isObject ? '}' : ']');
    problems.push({ ruleId: 'parse-error', span: { start: f.open, end: f.open + 1 }, message: unclosedMessage(f) });
    const parent = stack[stack.length - 1];
    if (parent) parent.want = Want.After;
  };
  /** Whether the rest of the text from `at` closes exactly the frames outside `item` (what stays
   *  open once `item` and the frames inside it are closed). */
  const restClosesOutside = (at: number, item: number): boolean => closesExactly(restOf(source, at, item), kindsOf(stack).slice(0, item));
  /** Close `item` and the frames inside it right after the last value; a comma typed after that
   *  value now separates the items of the list they were in. */
  const closeFrom = (item: number): void => {
    const at = afterComma ? valueEnd : lastEnd;
    while (stack.length > item) closeImplicitly(at);
    if (afterComma) stack[stack.length - 1].want = Want.Value;
  };
  /** A value starts in the innermost frame. */
  const valueStarts = (): void => {
    const top = stack[stack.length - 1];
    if (top && (top.want === Want.Value || !top.isObject)) top.want = Want.After;
  };

  let lineStart = 0;
  let fresh = true; // no token yet on this line
  // A comma was inserted after the token (read after it, as if typed).
  let commaInserted = false;
  /**
   * A value typed without its quotes from `start` (bareValue): its quotes go in (and a comma
   * after it before the next key), one parse-error at it, and the scanner reads on after it.
   * Its end, or -1 when a value does not end there (nothing repaired).
   */
  const readBare = (start: number): number => {
    const top = stack[stack.length - 1];
    const bare = bareValue(source, start, top?.isObject === true);
    if (!bare) return -1;
    insertions.push({ at: start, text: '"' }, { at: bare.end, text: bare.keyNext ? '",' : '"' });
    problems.push({ ruleId: 'parse-error', span: { start, end: bare.end }, message: unquotedMessage(source.slice(start, bare.end), bare.keyNext) });
    if (bare.keyNext) commaInserted = true;
    s.setPosition(bare.end);
    return bare.end;
  };

  for (;;) {
    const kind = s.scan();
    if (kind === SyntaxKind.EOF) break;
    if (kind === SyntaxKind.LineBreakTrivia) {
      lineStart = s.getTokenOffset() + s.getTokenLength();
      fresh = true;
      continue;
    }
    if (isTrivia(kind)) {
      if (kind !== SyntaxKind.Trivia && fresh) {
        // A comment first on the line: its tokens' indentation tells nothing.
        fresh = false;
        lineIndent = null;
      }
      continue;
    }
    if (problems.length > MAX_REPAIRS) return undefined;
    const offset = s.getTokenOffset();
    let end = offset + s.getTokenLength();
    startsLine = fresh;
    if (fresh) {
      fresh = false;
      lineIndent = source.slice(lineStart, offset);
    }
    const isCloser = kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken;
    if (!isCloser) run.length = 0;
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken: {
        // The next item of a list further out begins: the ones inside it were not closed.
        if (kind === SyntaxKind.OpenBraceToken && startsLine && lineIndent !== null && indentChecks < MAX_INDENT_CHECKS) {
          const item = siblingItem(stack, lineIndent);
          if (item >= 0) {
            indentChecks++;
            if (restClosesOutside(offset, item)) closeFrom(item);
          }
        }
        // A `{` indented as the innermost item object, which still wants a colon or a value (a
        // claim typed up to `"claim_id":` before the next claim, no `}` typed): its next sibling
        // begins. Without this the `}` is read after that sibling, which becomes the value.
        if (kind === SyntaxKind.OpenBraceToken && startsLine && lineIndent !== null && indentChecks < MAX_INDENT_CHECKS && keyWithoutValue(stack, lineIndent)) {
          indentChecks++;
          const item = stack.length - 1;
          // The key is left without its value: jsonc-parser says so at the `}` inserted after it.
          if (restClosesOutside(offset, item)) closeImplicitly(valueEnd);
        }
        // Right after a `}`, no comma (an error however it is read), not first on its line (a
        // one-line file: no indentation to go by), in a list inside an item object (a claim's
        // "lines"): when the rest of the text closes only what is open outside an item object
        // further out, this `{` can only be that object's next sibling (`…}{"claim_id"…`, a
        // claim's `]},` deleted): what is open inside it was not closed. (After a comma the
        // missing closers could be anywhere before the end: no repair.)
        if (kind === SyntaxKind.OpenBraceToken && lastKind === SyntaxKind.CloseBraceToken && (!startsLine || lineIndent === null) && inNestedList(stack) && runOnChecks < MAX_RUN_ON_CHECKS) {
          const item = (restCloses ??= restClosesMap(source)).get(offset);
          if (item !== undefined && item > 0 && item < stack.length - 1 && stack[item].isObject && !stack[item - 1].isObject) {
            runOnChecks++;
            if (restClosesOutside(offset, item)) closeFrom(item);
          }
        }
        // A `{` in a list of a field's values (`"modifiers": ["SH",` and no `]` typed, the next
        // line object after it): a field holds text or numbers, never an object, so the list and
        // its item object were left open; they are closed after the last value, when only then
        // does the rest of the text close what is open (a list of objects written on purpose is
        // left as it is: invalid-value says what is wrong with it).
        if (kind === SyntaxKind.OpenBraceToken && scalarListChecks < MAX_SCALAR_LIST_CHECKS && inFieldList(stack)) {
          scalarListChecks++;
          const item = stack.length - 2;
          if (restClosesOutside(offset, item)) closeFrom(item);
        }
        const top = stack[stack.length - 1];
        const parent = stack[stack.length - 2];
        // The next item begins where an item object wants a key, a comma or its `}`: it was not closed.
        if (kind === SyntaxKind.OpenBraceToken && top?.isObject && (top.want === Want.Key || top.want === Want.After) && parent && !parent.isObject) {
          const comma = afterComma && top.want === Want.Key;
          closeImplicitly(comma ? valueEnd : lastEnd);
          // The comma after its last value now separates the list's items.
          if (comma) parent.want = Want.Value;
        }
        valueStarts();
        const isObject = kind === SyntaxKind.OpenBraceToken;
        const outer = stack[stack.length - 1];
        if (outer && !outer.isObject) outer.hasContainer = true;
        push({ isObject, open: offset, indent: lineIndent, role: roleOf(outer, isObject), want: isObject ? Want.Key : Want.Value, key: '' });
        // Deeper than jsonc-parser can read (json.ts reports it): nothing here to repair.
        if (stack.length > MAX_DEPTH) return undefined;
        break;
      }
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        const isObject = kind === SyntaxKind.CloseBraceToken;
        let match = innerMatch(stack, isObject, isObject ? openObjects : openLists);
        // More frames inside its opener than MAX_REPAIRS could close: not a file being typed.
        if (match === TOO_FAR) return undefined;
        if (match < 0) {
          run.length = 0;
          break; // closes nothing open: jsonc-parser reports it
        }
        // The rest of the text after this closer, scanned (once) only for the checks below.
        let rest: Rest | undefined;
        const restAfter = (): Rest => (rest ??= restOf(source, end, stack.length));
        // A closer on a line of its own, indented as an opener of its kind further out (and less
        // than those inside it): it closes that one, when only then does the rest of the text close
        // what is open (`    },` of a claim, its last line object and "lines" never closed).
        if (startsLine && lineIndent !== null && indentChecks < MAX_INDENT_CHECKS && stack[match].indent !== lineIndent) {
          const outer = outerMatch(stack, match, isObject, lineIndent);
          if (outer >= 0) {
            indentChecks++;
            const kinds = kindsOf(stack);
            if (!closesExactly(restAfter(), kinds.slice(0, match)) && closesExactly(restAfter(), kinds.slice(0, outer))) match = outer;
          }
        }
        // A closer of a container further out would close the ones inside it implicitly. When,
        // instead, the rest of the text closes exactly what is open with this closer left out, it
        // is a stray one typed by mistake (`}},` after a line object, `]],` after "lines"): it is
        // blanked, and its parse-error is at it, not at the correct closers further on.
        // So is a `]` of the list of claims in a `{ "claims": [...] }` file with a claim right
        // after it (a claim's `]` pasted after its `}`): else the claims after it are read as keys
        // beside "claims", and the data ends at the `]` that truly closes the list.
        const endsClaims = match === stack.length - 1 && endsClaimsBeforeClaim(stack, match, source, end);
        if ((match < stack.length - 1 || endsClaims) && strayCloserChecks < MAX_STRAY_CLOSER_CHECKS) {
          strayCloserChecks++;
          if (closesExactly(restAfter(), kindsOf(stack))) {
            blanks.push([offset, end]);
            const closer = isObject ? '}' : ']';
            const why = endsClaims ? 'it ends the list of claims here, before the claims that follow' : `it closes nothing here (the ${describe(stack[stack.length - 1])} is still open)`;
            problems.push({ ruleId: 'parse-error', span: { start: offset, end }, message: `Unexpected ${closer}: ${why}; remove it` });
            continue; // as if it were not there (the last token, value and run are as before it)
          }
        }
        if (match < stack.length - 1) {
          run.length = 0;
          while (stack.length - 1 > match) closeImplicitly(valueEnd);
        }
        const frame = pop();
        const parent = stack[stack.length - 1];
        run.push({ offset, frame, parentWant: parent?.want, lastEnd, valueEnd, afterComma });
        if (parent) parent.want = Want.After;
        if (stack.length > 0) break;
        // The root is closed: with claims or lines still to come, the last closers may be stray.
        const reopened = strayChecks < MAX_STRAY_CHECKS ? strayRun(source, end, run) : undefined;
        if (reopened === undefined) break;
        strayChecks++;
        // Taken out: the frames they closed are open again, as they were.
        for (const r of [...reopened].reverse()) {
          const outer = stack[stack.length - 1];
          if (outer && r.parentWant !== undefined) outer.want = r.parentWant;
          push(r.frame);
          blanks.push([r.offset, r.offset + 1]);
        }
        problems.push({
          ruleId: 'parse-error',
          span: { start: reopened[0].offset, end },
          message: `Unexpected ${reopened.map((r) => (r.frame.isObject ? '}' : ']')).join('')}: it ends the data here, before the claims that follow; remove it`,
        });
        // As if they were never there.
        lastEnd = reopened[0].lastEnd;
        valueEnd = reopened[0].valueEnd;
        afterComma = reopened[0].afterComma;
        run.length = 0;
        // A comma right after them, where the list already had its comma before them, goes too.
        const inner = stack[stack.length - 1];
        if (inner.want !== Want.After) {
          const next = createScanner(source, false);
          next.setPosition(end);
          if (scanNext(next) === SyntaxKind.CommaToken) {
            blanks.push([next.getTokenOffset(), next.getTokenOffset() + 1]);
            s.setPosition(next.getTokenOffset() + 1);
          }
        }
        continue;
      }
      case SyntaxKind.CommaToken: {
        const top = stack[stack.length - 1];
        if (top?.want === Want.After) top.want = top.isObject ? Want.Key : Want.Value;
        break;
      }
      case SyntaxKind.ColonToken: {
        // A text in a list with a `:` after it is a key: the list, in an object, was left open
        // (`"modifiers": ["JW"` and the object's next key on the next line). It is closed right
        // after its last item, and the key is the object's.
        if (textInList && lastKind === SyntaxKind.StringLiteral && textInList.end === lastEnd) {
          const key = textInList;
          // A comma before the key now separates the object's members.
          closeImplicitly(key.afterComma ? key.valueEnd : key.lastEnd);
          const obj = stack[stack.length - 1];
          obj.key = key.key;
          obj.want = Want.Value;
          break;
        }
        const top = stack[stack.length - 1];
        if (top?.want === Want.Colon) top.want = Want.Value;
        break;
      }
      case SyntaxKind.StringLiteral: {
        const top = stack[stack.length - 1];
        const parent = stack[stack.length - 2];
        const tokenValue = s.getTokenValue();
        const unclosed = s.getTokenError() === ScanError.UnexpectedEndOfString;
        const isKey = top?.isObject === true && top.want === Want.Key;
        // Only a text where a value begins (after a key's colon, a list's `[` or comma) is
        // repaired below: a text after a misread one is part of that mess, not a value.
        const valueHere = !isKey && valueBegins(stack, lastKind);
        // A value's closing quote left out before a comma (`"S9500, "units": 1`, or `"S9500,` at
        // the line end): the text ends before the comma. Its `"` goes in there, and the scanner
        // reads on from the comma (the quote it took as the closing one opens the next key).
        const cut = valueHere ? quoteBeforeComma(source, offset, end, unclosed) : -1;
        // Line breaks inside a value (`"line one⏎line two"`): the text goes on to its closing
        // quote on a later line; each break is read as a space.
        const joined = valueHere && cut < 0 && unclosed ? textAcrossBreaks(source, end) : undefined;
        // No comma either (`"S9500 "units": 1`): the quote and the comma go in after the value.
        const bare = valueHere && top?.isObject && cut < 0 && !unclosed ? quoteBeforeKey(source, offset, end) : -1;
        if (cut >= 0) {
          insertions.push({ at: cut, text: '"' });
          problems.push({ ruleId: 'parse-error', span: { start: offset, end: trimEnd(source, offset, cut) }, message: notClosedMessage(source.slice(offset + 1, cut)) });
          end = cut;
          s.setPosition(cut);
        } else if (bare >= 0) {
          insertions.push({ at: bare, text: '",' });
          problems.push({ ruleId: 'parse-error', span: { start: offset, end: bare }, message: `${notClosedMessage(source.slice(offset + 1, bare))}, and a comma before the next key` });
          // The scanner reads on from there (the quote it took as the closing one opens the key),
          // the inserted comma read after the value.
          end = bare;
          commaInserted = true;
          s.setPosition(bare);
        } else if (joined) {
          for (const [a, b] of joined.breaks) {
            blanks.push([a, b]);
            problems.push({ ruleId: 'parse-error', span: { start: a, end: b }, message: LINE_BREAK_IN_TEXT_MESSAGE });
          }
          end = joined.end;
          s.setPosition(joined.end);
        } else if (unclosed) {
          openText = { start: offset, end, quoted: false };
        }
        if (top && !top.isObject && parent?.isObject) {
          textInList = { end, key: normalizeKey(tokenValue), lastEnd, valueEnd, afterComma };
        }
        if (isKey) {
          top.key = normalizeKey(tokenValue);
          top.want = Want.Colon;
        } else {
          valueStarts();
        }
        break;
      }
      case SyntaxKind.NumericLiteral: {
        // A number written with a leading zero (`08`, `00409733503`): jsonc-parser reads a 0 and
        // then another number. It is read as written, a text (an NDC keeps its zeros); one
        // parse-error says what to type.
        const begins = valueBegins(stack, lastKind);
        const digitsEnd = begins ? zeroPaddedEnd(source, offset, end) : end;
        if (digitsEnd > end) {
          insertions.push({ at: offset, text: '"' }, { at: digitsEnd, text: '"' });
          const top = stack[stack.length - 1];
          const field = top?.isObject && top.want === Want.Value ? fieldOf(top.key) : undefined;
          problems.push({ ruleId: 'parse-error', span: { start: offset, end: digitsEnd }, message: leadingZeroMessage(source.slice(offset, digitsEnd), field === 'ndc') });
          end = digitsEnd;
          s.setPosition(digitsEnd);
        } else if (begins && isBareChar(source, end)) {
          // Not a number: a text typed without quotes that begins with digits (`2026-03-02`,
          // `03/02/2026`, `00409-7335-03`), jsonc-parser reading a number and then more.
          const bareEnd = readBare(offset);
          if (bareEnd >= 0) end = bareEnd;
        }
        valueStarts();
        break;
      }
      case SyntaxKind.Unknown: {
        // A word where a value begins (`"hcpcs": S9500`, `[SH, JW]`, `C-1001`): a text typed
        // without its quotes. It is read as written, a text (rules check it); one parse-error at
        // it says what to type. (A word not where a value or key begins is part of a mess:
        // jsonc-parser reports it.)
        const top = stack[stack.length - 1];
        if (top?.isObject && top.want === Want.Key) {
          // A field name typed without its quotes, then its colon (`hcpcs: "S9500"`).
          const keyEnd = bareKeyEnd(source, offset);
          if (keyEnd >= 0) {
            const name = source.slice(offset, keyEnd);
            insertions.push({ at: offset, text: '"' }, { at: keyEnd, text: '"' });
            const shown = shownInMessage(name);
            problems.push({ ruleId: 'parse-error', span: { start: offset, end: keyEnd }, message: `The field name ${shown} is not in quotes: write "${shown}"` });
            top.key = normalizeKey(name);
            top.want = Want.Colon;
            end = keyEnd;
            s.setPosition(keyEnd);
            break;
          }
        }
        if (stack.length > 0 && valueBegins(stack, lastKind) && startsBare(source.charCodeAt(offset))) {
          const bareEnd = readBare(offset);
          if (bareEnd >= 0) end = bareEnd;
        }
        valueStarts();
        break;
      }
      default:
        valueStarts();
        break;
    }
    if (stack.length === 0 && isCloser) break; // the root closed for good: after it is jsonc-parser's "text after the end"
    const comma = kind === SyntaxKind.CommaToken;
    if (!comma) valueEnd = end;
    afterComma = comma;
    lastEnd = end;
    lastKind = kind;
    if (commaInserted) {
      // A comma put in after the value (quoteBeforeKey), as if it were read.
      commaInserted = false;
      const top = stack[stack.length - 1];
      if (top?.want === Want.After) top.want = top.isObject ? Want.Key : Want.Value;
      afterComma = true;
      lastKind = SyntaxKind.CommaToken;
    }
  }
  if (problems.length === 0) return undefined;
  if (problems.length > MAX_REPAIRS) return undefined;
  // In text order (an insertion is never before an earlier one, but stay safe); one per place.
  const ordered = insertions.map((ins, i) => ({ ins, i })).sort((a, b) => a.ins.at - b.ins.at || a.i - b.i).map((x) => x.ins);
  const merged: Insertion[] = [];
  for (const ins of ordered) {
    const last = merged[merged.length - 1];
    if (last && last.at === ins.at) merged[merged.length - 1] = { at: ins.at, text: last.text + ins.text };
    else merged.push(ins);
  }
  return { text: repairedText(source, merged, blanks), insertions: merged, problems };
}

function repairedText(source: string, insertions: readonly Insertion[], blanks: ReadonlyArray<[number, number]>): string {
  let text = source;
  if (blanks.length > 0) {
    const chars = source.split('');
    for (const [a, b] of blanks) for (let i = a; i < b; i++) chars[i] = ' ';
    text = chars.join('');
  }
  if (insertions.length === 0) return text;
  const pieces: string[] = [];
  let last = 0;
  for (const ins of insertions) {
    pieces.push(text.slice(last, ins.at), ins.text);
    last = ins.at;
  }
  pieces.push(text.slice(last));
  return pieces.join('');
}

/**
 * A map from offsets of the repaired text to the file's: an offset inside or right after an
 * insertion is the insertion's place (a container closed there ends there).
 */
function offsetMap(insertions: readonly Insertion[]): (r: number) => number {
  // The repaired offset where each insertion starts, and the length inserted before it.
  const starts: number[] = [];
  const before: number[] = [];
  let added = 0;
  for (const ins of insertions) {
    starts.push(ins.at + added);
    before.push(added);
    added += ins.text.length;
  }
  return (r) => {
    // The last insertion starting at or before r.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= r) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    if (i < 0) return r;
    const len = insertions[i].text.length;
    if (r <= starts[i] + len) return insertions[i].at;
    return r - before[i] - len;
  };
}

/** Move the tree and errors of the repaired text to the file's offsets (in place). */
export function mapBack(root: JsonNode | undefined, errors: ParseError[], insertions: readonly Insertion[]): void {
  if (insertions.length === 0) return;
  const map = offsetMap(insertions);
  const stack: JsonNode[] = root ? [root] : [];
  for (let n = stack.pop(); n; n = stack.pop()) {
    const start = map(n.offset);
    const end = map(n.offset + n.length);
    (n as { offset: number }).offset = start;
    (n as { length: number }).length = end - start;
    if (n.colonOffset !== undefined) (n as { colonOffset: number }).colonOffset = map(n.colonOffset);
    if (n.children) for (const c of n.children) stack.push(c);
  }
  for (const [i, e] of errors.entries()) {
    const start = map(e.offset);
    errors[i] = { ...e, offset: start, length: Math.max(0, map(e.offset + e.length) - start) };
  }
}
