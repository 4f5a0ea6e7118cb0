// Where a finding about a field points: the field's value, or the line when the field is absent
// (rule conventions: JSON points at the line object when a key is missing).
import type { FieldName, ServiceLine, Span } from '../../model';

/** The field's value span when the line has the field, else the line's span. */
export function fieldOrLineSpan(line: ServiceLine, name: FieldName): Span {
  return line.fields[name]?.span ?? line.span;
}

/** Lines that can give a field's text without making the Field (CSV lines: parse/csv-line.ts). */
interface CellReader {
  textOf(name: FieldName): string | undefined;
  quotedOf(name: FieldName): boolean;
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
