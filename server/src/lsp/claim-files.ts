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

/** A pattern as written, less a leading `./` ("from here"): patterns are matched at any folder
 *  depth already, and a path never holds a `.` folder, so `./exports/*.csv` matched nothing. The
 *  client's own document filters (client/src/file-patterns.ts) read it the same way. */
export function withoutDotSlash(glob: string): string {
  return glob.replace(/^(?:\.[/\\])+/, '');
}

/** The regular expression of a character class `[abc]`, `[a-z]`, `[!abc]` or `[^abc]` starting
 *  at `open`, and where it ends; undefined when no `]` closes it (the `[` is then a character). A
 *  class matches one character of a name, never the '/' between folders. */
function characterClass(glob: string, open: number): { re: string; end: number } | undefined {
  let i = open + 1;
  const negated = glob[i] === '!' || glob[i] === '^';
  if (negated) i++;
  const first = i;
  let body = '';
  // A ']' right after the '[' (or '[!') is one of the characters, as in shell globs.
  for (; i < glob.length && (glob[i] !== ']' || i === first); i++) {
    const c = glob[i];
    body += c === '-' && i !== first && glob[i + 1] !== ']' ? '-' : c.replace(/[\\\]^[-]/g, '\\$&');
  }
  if (i >= glob.length || body === '') return undefined;
  return { re: negated ? `[^/${body}]` : `(?!/)[${body}]`, end: i };
}

/** Matches no path: the expression of a pattern that cannot be read (a range `[z-a]`). */
const NO_PATH = /(?!)/;

/** A glob (`*`, `**`, `?`, `[abc]`, `[!abc]`, `{a,b}`, nested too) as a regular expression over
 *  '/'-separated paths, one that matches nothing when the pattern cannot be read (readGlob). */
export function globToRegExp(written: string): RegExp {
  return readGlob(written) ?? NO_PATH;
}

/** A glob as a regular expression, or undefined when it cannot be read (a range `[z-a]`). A
 *  pattern without a leading '/' matches at any folder depth, as VS Code's `files.associations`
 *  do; a leading `./` is dropped (withoutDotSlash). */
export function readGlob(written: string): RegExp | undefined {
  const glob = withoutDotSlash(written);
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[' && characterClass(glob, i)) {
      const cls = characterClass(glob, i)!;
      re += cls.re;
      i = cls.end;
    } else if (c === '{') { re += '(?:'; braces++; }
    else if (c === '}' && braces > 0) { re += ')'; braces--; }
    else if (c === ',' && braces > 0) re += '|';
    else if (c === '\\') re += '/';
    else re += c.replace(/[.+^$()|[\]{}]/g, '\\$&');
  }
  // An unclosed '{' leaves its group open: close it, as if the pattern ended it.
  re += ')'.repeat(braces);
  const anchor = glob.startsWith('/') ? '^' : '(?:^|/)';
  try {
    return new RegExp(anchor + re + '$', 'i');
  } catch {
    return undefined;
  }
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
