// What a fix wants done to one service line, independent of the file format.
import type { FieldName } from '../model';

/** Several changes to one service line. Values are text (numbers as decimal strings). */
export interface LineChange {
  /** New text values. */
  readonly set?: Partial<Record<FieldName, string>>;
  /** Empty the CSV cell / remove the JSON key. */
  readonly clear?: readonly FieldName[];
  /** Modifiers to add (ignored when already present). Paired with `removeModifiers` index by
   *  index, an added code takes the removed one's place (a replacement in place). */
  readonly addModifiers?: readonly string[];
  /** Modifiers to remove (ignored when absent). */
  readonly removeModifiers?: readonly string[];
}

export const MODIFIER_COLUMNS = ['modifier1', 'modifier2', 'modifier3', 'modifier4'] as const;

/** Fields written as JSON numbers when a new key gets a numeric value. */
export const NUMERIC_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>(['units', 'charge', 'ndc_qty', 'wasted_units', 'duration_min']);

export function isNumeric(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}
