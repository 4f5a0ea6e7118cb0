// Editing a list of modifiers written in one text (a CSV `modifiers` cell or a JSON string):
// `SH`, `SH JW`, `SH:JW`, `SH, JW`, `SH-JW`. Keeps the separators the text already uses.
import { asciiUpper } from '../parse/ascii';

const SEPARATOR = /[\s:,-]+/;

export class ModifierList {
  private constructor(
    private readonly lead: string,
    private readonly codes: string[],
    /** seps[i] sits between codes[i] and codes[i + 1]. */
    private readonly seps: string[],
    private readonly trail: string,
  ) {}

  static parse(text: string): ModifierList {
    const lead = /^[\s:,-]*/.exec(text)?.[0] ?? '';
    const rest = text.slice(lead.length);
    const trail = /[\s:,-]*$/.exec(rest)?.[0] ?? '';
    const body = rest.slice(0, rest.length - trail.length);
    if (body === '') return new ModifierList(lead, [], [], trail);
    const parts = body.split(new RegExp(`(${SEPARATOR.source})`));
    const codes: string[] = [];
    const seps: string[] = [];
    parts.forEach((p, i) => (i % 2 === 0 ? codes : seps).push(p));
    return new ModifierList(lead, codes, seps, trail);
  }

  /** The separator this text uses between codes, if it has two or more. */
  get separator(): string | undefined {
    return this.seps[0];
  }

  get size(): number {
    return this.codes.length;
  }

  get all(): readonly string[] {
    return this.codes;
  }

  has(code: string): boolean {
    return this.indexOf(code) >= 0;
  }

  /** Replace `from` by `to` in place; false when `from` is absent. */
  replace(from: string, to: string): boolean {
    const i = this.indexOf(from);
    if (i < 0) return false;
    this.codes[i] = to;
    return true;
  }

  /** Remove `code` and one separator next to it; false when absent. */
  remove(code: string): boolean {
    const i = this.indexOf(code);
    if (i < 0) return false;
    this.codes.splice(i, 1);
    if (i < this.seps.length) this.seps.splice(i, 1);
    else if (i > 0) this.seps.splice(i - 1, 1);
    return true;
  }

  /** Append `code` after the last one, with the list's own separator, or `defaultSep()`'s when it
   *  has one code and so no separator of its own (the file's separator is found by scanning the
   *  file, which most modifier fixes never need). */
  add(code: string, defaultSep: () => string): void {
    if (this.codes.length > 0) this.seps.push(this.separator ?? defaultSep());
    this.codes.push(code);
  }

  toString(): string {
    if (this.codes.length === 0) return '';
    let out = this.lead;
    this.codes.forEach((c, i) => {
      out += c + (i < this.seps.length ? this.seps[i] : '');
    });
    return out + this.trail;
  }

  private indexOf(code: string): number {
    const want = asciiUpper(code.trim());
    return this.codes.findIndex((c) => asciiUpper(c) === want);
  }
}

type LinesWithModifiers = readonly { readonly fields: { readonly modifiers?: { readonly text: string; readonly quoted: boolean } } }[];

/** Per line list (the parsed documents' lines are never changed): the separator, per format.
 *  Every modifier fix asks; scanning the file each time made fixes quadratic on big files. */
const separators = new WeakMap<LinesWithModifiers, { csv?: string; json?: string }>();

/** The separator the document's other modifier lists use ("SH:JW" → ":"), default a space. */
export function documentModifierSeparator(lines: LinesWithModifiers, format: 'csv' | 'json'): string {
  let known = separators.get(lines);
  if (!known) separators.set(lines, (known = {}));
  return (known[format] ??= scanSeparator(lines, format));
}

/** Lines that give a cell's text without making its Field (CSV lines, parse/csv-line.ts). */
interface CellText {
  textOf(name: 'modifiers'): string | undefined;
}

/** Only a text with a separator character can have two codes. */
const HAS_SEPARATOR = /[\s:,-]/;

function scanSeparator(lines: LinesWithModifiers, format: 'csv' | 'json'): string {
  for (const line of lines) {
    // Most lines have one modifier or none: skip them without making a Field.
    const cell = (line as Partial<CellText>).textOf;
    if (cell) {
      const text = cell.call(line, 'modifiers');
      if (text === undefined || !HAS_SEPARATOR.test(text)) continue;
    }
    const f = line.fields.modifiers;
    if (!f || (format === 'json' && !f.quoted)) continue;
    if (!HAS_SEPARATOR.test(f.text)) continue;
    const sep = ModifierList.parse(f.text).separator;
    if (sep !== undefined) return sep;
  }
  return ' ';
}
