// Copies of strings cut from a document's text, for anything that outlives the document.

/**
 * A copy of `s` that does not share memory with the text it was cut from. V8 keeps a substring of
 * 13 or more characters as a view into its parent (a sliced string), so a value read from a file
 * and kept in a module-level cache (or a line kept across re-reads) would keep the file's whole
 * text alive. Concatenating then slicing forces a flat copy; shorter strings are copies already.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
