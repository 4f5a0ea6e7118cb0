// Where a finding about a field points: the field's value, or the line when the field is absent
// (rule conventions: JSON points at the line object when a key is missing).
import type { FieldName, ServiceLine, Span } from '../../model';
import type { Related } from '../types';

/** The field's value span when the line has the field, else the line's span. */
export function fieldOrLineSpan(line: ServiceLine, name: FieldName): Span {
  const reader = line as ServiceLine & Partial<CellReader>;
  if (reader.spanOf) return reader.spanOf(name) ?? line.span;
  return line.fields[name]?.span ?? line.span;
}

/** Where a finding about the line's code points: the hcpcs value, else the line. */
export function codeSpan(line: ServiceLine): Span {
  return fieldOrLineSpan(line, 'hcpcs');
}

/**
 * The most other lines one finding points at. A member billed hundreds of lines a day (a test
 * export, a pasted block) gave a per diem a related entry for every drug line of every other
 * claim that day: 220,000 entries for 1,900 findings on 26,000 lines, and the CLI out of memory
 * on 190,000. A few show where to look; the message tells the rest.
 */
export const MAX_RELATED = 5;

/** A related-information entry pointing at another line's field (its code unless told), with
 *  the line's file when it is another workspace file's. */
export function relatedLine(entry: { line: ServiceLine; uri?: string }, message: string, field: FieldName = 'hcpcs'): Related {
  const span = fieldOrLineSpan(entry.line, field);
  return entry.uri ? { span, message, uri: entry.uri } : { span, message };
}

/** Lines that can give a field's text without making the Field (CSV lines: parse/csv-line.ts). */
interface CellReader {
  textOf(name: FieldName): string | undefined;
  quotedOf(name: FieldName): boolean;
  spanOf(name: FieldName): Span | undefined;
}

/** The field's text, trimmed; '' when absent, empty or a bare JSON `null` (no value given). */
export function fieldText(line: ServiceLine, name: FieldName): string {
  const reader = line as ServiceLine & Partial<CellReader>;
  if (reader.textOf) {
    const text = reader.textOf(name);
    if (text === undefined) return '';
    const trimmed = text.trim();
    return trimmed === 'null' && !reader.quotedOf!(name) ? '' : trimmed;
  }
  const field = line.fields[name];
  if (!field || (!field.quoted && field.text.trim() === 'null')) return '';
  return field.text.trim();
}
