// Which open documents are claim files, and in which format.
// The two language ids always are; a `csv`/`json` (or untyped) document is when its name ends in
// .claims.csv / .claims.json / .claim.json or matches one of the `filePatterns` globs.
import type { ClaimFormat } from '../parse';

const SUFFIXES: ReadonlyArray<[string, ClaimFormat]> = [
  ['.claims.csv', 'csv'],
  ['.claims.json', 'json'],
  ['.claim.json', 'json'],
];

/** The path of a document URI (decoded), or the URI itself when it has no usable path. */
export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over '/'-separated paths.
 *  A pattern without a leading '/' matches at any folder depth, as VS Code's `files.associations` do. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') { re += '(?:'; inBraces = true; }
    else if (c === '}' && inBraces) { re += ')'; inBraces = false; }
    else if (c === ',' && inBraces) re += '|';
    else if (c === '\\') re += '/';
    else re += c.replace(/[.+^$()|[\]]/g, '\\$&');
  }
  const anchor = glob.startsWith('/') ? '^' : '(?:^|/)';
  return new RegExp(anchor + re + '$', 'i');
}

function formatFromName(lower: string): ClaimFormat | undefined {
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json') || lower.endsWith('.jsonc')) return 'json';
  return undefined;
}

/** The format to lint a document in, or undefined when it is not a claim file. */
export function claimFormatOf(languageId: string, uri: string, filePatterns: readonly string[]): ClaimFormat | undefined {
  if (languageId === 'claims-csv') return 'csv';
  if (languageId === 'claims-json') return 'json';
  const path = uriPath(uri);
  const lower = path.toLowerCase();
  for (const [suffix, format] of SUFFIXES) if (lower.endsWith(suffix)) return format;
  if (filePatterns.some((p) => globToRegExp(p).test(path))) {
    if (languageId === 'csv') return 'csv';
    if (languageId === 'json' || languageId === 'jsonc') return 'json';
    return formatFromName(lower);
  }
  return undefined;
}
