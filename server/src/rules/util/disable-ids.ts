// Where the rule ids that turn rules off for a line are written, each with its place: the CSV
// comment row above the line, or the JSON `lint_disable` of its line object and of its claim
// object (whose ids its lines inherit). The model keeps only the ids (ServiceLine.disabled);
// invalid-value asks here for their places when it checks them against the registry.
import type { Node as JsonNode } from 'jsonc-parser';
import { fullDocument } from '../../doc-view';
import type { ClaimDocument, ServiceLine, Span } from '../../model';
import { idsOfString, readDisableComment } from '../../parse/disable-comment';
import { normalizeKey } from '../../parse/fields';

export interface WrittenId {
  /** The id as written; '' for a disable comment that names none. */
  readonly id: string;
  readonly span: Span;
}

function commentIds(doc: ClaimDocument, comment: Span, out: WrittenId[]): void {
  const text = doc.text.slice(comment.start, comment.end);
  const read = readDisableComment(text);
  if (!read) return;
  for (const { id, at } of read.ids) out.push({ id, span: { start: comment.start + at, end: comment.start + at + id.length } });
  if (read.ids.length === 0) out.push({ id: '', span: { start: comment.start, end: comment.start + text.trimEnd().length } });
}

/** The comment rows above the line's last disable comment whose ids it takes too (the parser
 *  gathers the ids of every disable comment before a row, and keeps the place of the last):
 *  comment and blank rows, read back to the row before them, at most MAX_STACKED of them. */
const MAX_STACKED = 50;

function stackedComments(doc: ClaimDocument, last: Span, out: WrittenId[]): void {
  const text = doc.text;
  let end = last.start; // where the row after the one looked at starts
  for (let n = 0; n < MAX_STACKED && end > 0; n++) {
    let rowEnd = end - 1; // the \n (or lone \r) ending the row above
    if (text.charCodeAt(rowEnd) === 0x0a && rowEnd > 0 && text.charCodeAt(rowEnd - 1) === 0x0d) rowEnd--;
    const start = Math.max(text.lastIndexOf('\n', rowEnd - 1), text.lastIndexOf('\r', rowEnd - 1)) + 1;
    const row = text.slice(start, rowEnd);
    if (row.trim() !== '' && !row.startsWith('#')) return;
    if (row.startsWith('#')) commentIds(doc, { start, end: rowEnd }, out);
    end = start;
  }
}

/** The ids of one string node: each at its place in the string when the string has no escapes
 *  (the text is the value), else all at the string. */
function stringIds(doc: ClaimDocument, node: JsonNode, ids: string[], out: WrittenId[]): void {
  const value = String(node.value);
  const inner = node.offset + 1;
  const exact = doc.text.slice(inner, inner + value.length) === value && node.length === value.length + 2;
  let from = 0;
  for (const id of ids) {
    const at = exact ? value.indexOf(id, from) : -1;
    if (at < 0) {
      out.push({ id, span: { start: node.offset, end: node.offset + node.length } });
      continue;
    }
    out.push({ id, span: { start: inner + at, end: inner + at + id.length } });
    from = at + id.length;
  }
}

function jsonIds(doc: ClaimDocument, obj: JsonNode, out: WrittenId[]): void {
  for (const prop of obj.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (!key || !value || normalizeKey(String(key.value)) !== 'lintdisable') continue;
    // As the parser reads them (parse/json.ts, readDisable): a list of strings, or one string of ids.
    if (value.type === 'string') stringIds(doc, value, idsOfString(String(value.value)), out);
    else if (value.type === 'array') {
      for (const el of value.children ?? []) {
        if (el.type === 'string' && String(el.value).trim() !== '') stringIds(doc, el, [String(el.value).trim()], out);
      }
    }
  }
}

/** The disable ids written for the line, in text order per place. A claim object's
 *  `lint_disable` is given with the first of its lines asked for (`claimsDone` remembers it), not
 *  again for each of them. */
export function writtenDisableIds(doc: ClaimDocument, line: ServiceLine, claimsDone: Set<JsonNode>): WrittenId[] {
  const out: WrittenId[] = [];
  if (line.disableComment) {
    const stacked: WrittenId[] = [];
    stackedComments(doc, line.disableComment, stacked);
    // Only ids the parser took for the line: a row read back that is inside a quoted value
    // (a note's line that begins with #) is no comment, and its words are no ids.
    for (const w of stacked.reverse()) if (line.disabled.has(w.id)) out.push(w);
    commentIds(doc, line.disableComment, out);
  }
  if (line.disabled.size === 0 || !line.node) return out;
  jsonIds(doc, line.node, out);
  // claimIndex indexes the whole document's claims; a view (doc-view.ts) lists only some of them.
  const claim = fullDocument(doc).claims[line.claimIndex]?.node;
  if (claim && claim !== line.node && !claimsDone.has(claim)) {
    claimsDone.add(claim);
    jsonIds(doc, claim, out);
  }
  return out;
}
