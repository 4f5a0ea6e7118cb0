// Text from a claim file or the CMS data goes into the Markdown of hover and completion as text,
// never as Markdown: M1007's CMS descriptor `>=50% …` is no blockquote, a header `__tmp__` is no
// bold, a drug named with `|` does not split a table cell. plain-text.ts takes the escapes out
// again for a client that shows no Markdown.

/** Marks wherever they stand: escapes, code spans, emphasis, links, HTML and autolinks, table
 *  cells, strikethrough, entities; `_` unless inside a word, where it emphasises nothing
 *  (CommonMark), so `auth_number` in a message stays as written. */
const INLINE = /[\\`*[\]<>|~&]|_(?![A-Za-z0-9])|(?<![A-Za-z0-9])_/g;
/** Marks at the start of a line: a heading, a list item, a setext underline or rule. */
const LINE_START = /^(\s*)([#+=-])/gm;
/** An ordered list item at the start of a line: `1.` or `1)`. */
const ORDERED = /^(\s*\d+)([.)])/gm;

/** `text` as Markdown that renders as the text itself. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, '\\$&').replace(LINE_START, '$1\\$2').replace(ORDERED, '$1\\$2');
}
