// Editing the members of a JSON(C) object or array in the text's own style: remove items with
// exactly one comma each, append items (inline `{ "a": 1, "b": 2 }` stays on one line; a
// multi-line container gets each new item on its own line at the items' indentation).
import type { Node } from 'jsonc-parser';
import type { TextEdit } from '../rules/types';
import {
  eolLengthAt, eolLengthBefore, hasLineEnd, indentOfLine, isBlank, lineEndOf, lineStartOf, skipSpaces, skipSpacesBack, skipTrivia, skipWhitespace,
} from './text-scan';

export interface JsonStyle {
  /** The file's line end. */
  readonly eol: string;
  /** One indentation step. */
  readonly indent: string;
}

export function endOf(node: Node): number {
  return node.offset + node.length;
}

/** The comma right after `pos` (past whitespace and comments), or -1. */
function commaAfter(text: string, pos: number): number {
  const p = skipTrivia(text, pos);
  return text[p] === ',' ? p : -1;
}

/** Whether only spaces/tabs precede `pos` on its line. */
function startsLine(text: string, pos: number): boolean {
  return isBlank(text.slice(lineStartOf(text, pos), pos));
}

/** How new items are laid out after `ref` in `container`. */
function layoutAfter(text: string, container: Node, items: readonly Node[], ref: Node | undefined, style: JsonStyle): { multiline: boolean; sep: string; indent: string } {
  const multiline = hasLineEnd(ref ? text.slice(container.offset, ref.offset) : text.slice(container.offset, endOf(container)));
  let sep = ' ';
  if (items.length >= 2) {
    const c = commaAfter(text, endOf(items[0]!));
    const between = c >= 0 ? text.slice(c + 1, items[1]!.offset) : '';
    if (c >= 0 && isBlank(between)) sep = between;
  }
  const indent = ref && startsLine(text, ref.offset) ? indentOfLine(text, ref.offset) : indentOfLine(text, container.offset) + style.indent;
  return { multiline, sep, indent };
}

/** The end of the comments that follow `pos` on its line (past spaces, and a comma when `comma`),
 *  when nothing else does: where that line's own text ends. -1 when no comment follows or more
 *  text does. */
function trailingCommentEnd(text: string, pos: number, comma: boolean): number {
  let p = skipSpaces(text, pos);
  if (comma && text[p] === ',') p = skipSpaces(text, p + 1);
  if (!text.startsWith('//', p) && !text.startsWith('/*', p)) return -1;
  const q = skipComments(text, p);
  if (hasLineEnd(text.slice(p, q))) return -1; // a block comment running on past the line
  const lineEnd = lineEndOf(text, p);
  return isBlank(text.slice(q, lineEnd)) ? lineEnd : -1;
}

/** Skip the comments (and spaces between them) from `pos`, not line ends. */
function skipComments(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    p = skipSpaces(text, p);
    if (text.startsWith('//', p)) return lineEndOf(text, p);
    if (!text.startsWith('/*', p)) return p;
    const close = text.indexOf('*/', p + 2);
    if (close < 0) return text.length;
    p = close + 2;
  }
}

/** Insert `texts` as new items right after `items[k]`. In a multi-line container, a comment after
 *  the item on its line (`} // first line`) stays with it: the new items go on the lines after. */
export function insertAfterItemEdits(text: string, container: Node, items: readonly Node[], k: number, texts: readonly string[], style: JsonStyle): TextEdit[] {
  const ref = items[k]!;
  const { multiline, sep, indent } = layoutAfter(text, container, items, ref, style);
  const at = endOf(ref);
  const lead = multiline ? style.eol + indent : sep;
  const noteEnd = multiline ? trailingCommentEnd(text, at, true) : -1;
  if (noteEnd >= 0) {
    const comma = text[skipSpaces(text, at)] === ',';
    // `}, // note` (more items follow): each new item brings its own comma; `} // note`: the item
    // gets one, written before the note.
    if (comma) return [{ start: noteEnd, end: noteEnd, newText: texts.map((t) => lead + t + ',').join('') }];
    return [{ start: at, end: at, newText: ',' }, { start: noteEnd, end: noteEnd, newText: texts.map((t) => lead + t).join(',') }];
  }
  return [{ start: at, end: at, newText: texts.map((t) => ',' + lead + t).join('') }];
}

/**
 * Remove the items whose index is in `removed` (each with one comma) and append `append` after
 * the last kept item. Comments outside the removed items are kept.
 */
export function listEdits(text: string, container: Node, items: readonly Node[], removed: ReadonlySet<number>, append: readonly string[], style: JsonStyle): TextEdit[] {
  const edits: TextEdit[] = [];
  const kept = items.map((_, i) => i).filter((i) => !removed.has(i));
  const allRemoved = kept.length === 0 && items.length > 0;
  const lastKept = kept.length > 0 ? items[kept[kept.length - 1]!]! : undefined;
  // `"c": 3, // note` with items to append after "c": the note stays with "c" and the new items go
  // on the lines after it (below), so a trailing run removed after "c" leaves "c"'s comma.
  const noteEnd = lastKept && append.length > 0 && layoutAfter(text, container, items, lastKept, style).multiline
    ? trailingCommentEnd(text, endOf(lastKept), true) : -1;

  for (let i = 0; i < items.length; i++) {
    if (!removed.has(i)) continue;
    let j = i;
    while (j + 1 < items.length && removed.has(j + 1)) j++;
    const first = items[i]!;
    const last = items[j]!;
    if (j + 1 < items.length) {
      // A run followed by a kept item: remove the run, its comma and the space up to the next token.
      const c = commaAfter(text, endOf(last));
      let start = first.offset;
      let end = c >= 0 ? skipWhitespace(text, c + 1) : items[j + 1]!.offset;
      if (startsLine(text, first.offset) && hasLineEnd(text.slice(start, end))) {
        start = lineStartOf(text, first.offset); // whole lines: the next item keeps its own indentation
        end = lineStartOf(text, end);
      }
      edits.push({ start, end, newText: '' });
    } else if (i > 0) {
      // A trailing run: remove the comma after the kept item before it, and the run.
      const prev = items[i - 1]!;
      const c = commaAfter(text, endOf(prev));
      const end = endOf(last);
      const ownLine = startsLine(text, first.offset);
      // `"b": 2 // note` on a line of its own: the note stays there, on its line (joined to the
      // line before it would read as that line's).
      const noteAfter = ownLine && trailingCommentEnd(text, end, false) >= 0;
      const run: TextEdit = noteAfter ? { start: first.offset, end: skipSpaces(text, end), newText: '' }
        : ownLine ? { start: lineStartOf(text, first.offset) - eolLengthBefore(text, lineStartOf(text, first.offset)), end, newText: '' }
          : { start: skipSpacesBack(text, first.offset), end, newText: '' };
      if (noteEnd >= 0) edits.push(run); // the comma stays: the appended items follow it
      else if (c < 0) edits.push({ start: endOf(prev), end, newText: '' });
      else if (/^\s*$/.test(text.slice(c + 1, first.offset)) && !noteAfter) edits.push({ start: c, end, newText: '' });
      else {
        // A comment sits between (or after the run): keep it, remove the comma and the run's own lines.
        edits.push({ start: c, end: c + 1, newText: '' }, run);
      }
    } else {
      // Everything goes.
      let start = first.offset;
      let end = endOf(last);
      const c = commaAfter(text, end);
      if (c >= 0) end = c + 1;
      if (allRemoved && append.length > 0) {
        const { multiline, sep, indent } = layoutAfter(text, container, items, first, style);
        edits.push({ start, end, newText: append.join(',' + (multiline ? style.eol + indent : sep)) });
        return edits;
      }
      const after = skipSpaces(text, end);
      if (startsLine(text, start) && eolLengthAt(text, after) > 0) {
        start = lineStartOf(text, start);
        end = after + eolLengthAt(text, after);
      }
      edits.push({ start, end, newText: '' });
    }
    i = j;
  }

  if (append.length === 0) return edits;
  if (kept.length === 0) {
    // An empty container: the new items go right after the opening bracket.
    const { multiline, indent } = layoutAfter(text, container, items, undefined, style);
    const at = container.offset + 1;
    const newText = multiline ? append.map((t, n) => (n ? ',' : '') + style.eol + indent + t).join('') : append.join(', ');
    return [...edits, { start: at, end: at, newText }];
  }
  const { multiline, sep, indent } = layoutAfter(text, container, items, lastKept!, style);
  const at = endOf(lastKept!);
  if (noteEnd >= 0) {
    // `"c": 3 // note`: the note stays with "c"; the new items go on the lines after it.
    const comma = text[skipSpaces(text, at)] === ',';
    const lines = append.map((t) => style.eol + indent + t).join(',');
    return [...edits, ...(comma ? [] : [{ start: at, end: at, newText: ',' }]), { start: noteEnd, end: noteEnd, newText: lines }];
  }
  const lead = multiline ? style.eol + indent : sep;
  return [...edits, { start: at, end: at, newText: append.map((t) => ',' + lead + t).join('') }];
}
