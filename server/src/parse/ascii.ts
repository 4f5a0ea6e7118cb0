// How values are read wherever a code, modifier, id or NDC is compared: surrounding white space
// is what String.prototype.trim removes (ASCII white space and line breaks, and the Unicode
// spaces: a no-break space pasted from a web page or a spreadsheet is invisible to an analyst),
// and letter case is folded for ASCII letters only. toUpperCase folds other letters to ASCII ones
// ('ſ' is 'S', 'ı' is 'I'): 'ſ9502' is not the code S9502, and must be reported as written.

/** Whether trim() removes char code c: ASCII white space, line breaks and the Unicode spaces. */
export function isTrimSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether char code c is skipped around a number or a modifier column's code: an ASCII control
 *  character or space, or a Unicode space. */
export function isBlank(c: number): boolean {
  return c <= 0x20 || (c >= 0xa0 && isTrimSpace(c));
}

/** Whether a value's trimmed text differs from it: checks its first and last char (a value
 *  starting and ending with a visible ASCII char, nearly every one, is two compares). */
function needsTrim(s: string): boolean {
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  return ((a <= 0x20 || a >= 0xa0) && isTrimSpace(a)) || ((z <= 0x20 || z >= 0xa0) && isTrimSpace(z));
}

/** s without surrounding white space (trim()), '' for undefined; s itself when it has none. */
export function trimmed(s: string | undefined): string {
  if (s === undefined || s.length === 0) return '';
  return needsTrim(s) ? s.trim() : s;
}

/** s with ASCII letters upper-cased, every other character as written. s itself when it has no
 *  lower-case ASCII letter and no non-ASCII character (a code as billed). */
export function asciiUpper(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || c >= 0x80) return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
  }
  return s;
}

/** Why a character is not read as a letter of a code: `ſ (U+017F) is not an ASCII letter`. */
export function notAsciiLetter(ch: string): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `${ch} (U+${hex}) is not an ASCII letter or digit`;
}

/** The first character of s that is not ASCII (a whole code point), or undefined. */
export function firstNonAscii(s: string): string | undefined {
  for (const ch of s) if (ch.charCodeAt(0) >= 0x80) return ch;
  return undefined;
}
