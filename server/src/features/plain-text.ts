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
    // A code span's text is literal (its backslashes too); marks are taken out around it.
    .map((line) => line.split(/(`[^`]*`)/).map((part, i) => (i % 2 === 1 ? part.slice(1, -1) : prose(part))).join(''))
    .join('\n');
}

function prose(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(EMPHASIS, '$1$2')
    .replace(EMPHASIS, '$1$2') // emphasis around emphasis: _“… *deny* …”_
    .replace(/\\([\\`*_|[\]()#>-])/g, '$1');
}
