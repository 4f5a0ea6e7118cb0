// Hover and completion documentation for a client that shows no Markdown (its hover
// contentFormat or completion documentationFormat lists only plaintext): the same text with the
// Markdown marks taken out, so it reads as written, not as `**J2185** · …` with its asterisks.

/** `_x_` or `*x*` between spaces or punctuation (not the underscores inside claim_id). */
const EMPHASIS = /(^|[\s(“"])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_](?=$|[\s).,;:!?”"])/g;

/** The text of the Markdown the features write: emphasis, code spans, links, tables, escapes. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line) || /^-{3,}$/.test(line.trim()))
    .map(plainLine)
    .join('\n');
}

/** A code span's text is literal (its backslashes too); marks are taken out around it. An escaped
 *  backtick (markdown-escape.ts) opens no code span. */
function plainLine(line: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '`') {
      const end = line.indexOf('`', i + 1);
      if (end < 0) break;
      out += prose(line.slice(from, i)) + line.slice(i + 1, end);
      from = (i = end) + 1;
    }
  }
  return out + prose(line.slice(from));
}

function prose(text: string): string {
  return text
    // Not an escaped bracket: `\[x\](y)` is text (markdown-escape.ts), no link.
    .replace(/(?<!\\)\[((?:\\.|[^\\\]])*)\]\(([^)\s]+)\)/g, '$1 ($2)')
    // Bold text may hold escaped marks: `**\_\_tmp\_\_**`.
    .replace(/\*\*((?:\\.|[^*\\])+)\*\*/g, '$1')
    .replace(EMPHASIS, '$1$2')
    .replace(EMPHASIS, '$1$2') // emphasis around emphasis: _“… *deny* …”_
    // The escapes markdown-escape.ts writes, and those written by hand.
    .replace(/\\([\\`*_|[\]()#<>~&+=.!-])/g, '$1');
}
