// Where a finding about a field points: the field's value, or the line when the field is absent
// (rule conventions: JSON points at the line object when a key is missing).
import type { FieldName, ServiceLine, Span } from '../../model';

/** The field's value span when the line has the field, else the line's span. */
export function fieldOrLineSpan(line: ServiceLine, name: FieldName): Span {
  return line.fields[name]?.span ?? line.span;
}

/** The field's text, trimmed; '' when absent, empty or a bare JSON `null` (no value given). */
export function fieldText(line: ServiceLine, name: FieldName): string {
  const field = line.fields[name];
  if (!field || (!field.quoted && field.text.trim() === 'null')) return '';
  return field.text.trim();
}
