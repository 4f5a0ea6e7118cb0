// What a fix wants done to one service line, independent of the file format.
import type { FieldName } from '../model';
import { fieldOf } from '../parse/fields';
import { asciiUpper } from '../parse/ascii';

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
/** A claim line has four modifier slots (CMS-1500 box 24D, 837P SV101-3..6). */
export const MAX_MODIFIERS = MODIFIER_COLUMNS.length;

/** Modifier slot values with the filled ones moved up, in order, and '' after them: billed
 *  modifiers are contiguous from the first slot, so a removal leaves no gap. */
export function contiguous(values: readonly string[]): string[] {
  const kept = values.filter((v) => v.trim() !== '');
  return values.map((_, k) => kept[k] ?? '');
}

/**
 * The name for a new modifierN column (CSV) or key (JSON) in the file's own spelling: the name
 * of a modifier column it has, with its number changed (`mod2` → `mod3`, `Modifier 1` →
 * `Modifier 3`), else the canonical name. `nameOf` gives the file's name of a field, if it has one.
 */
export function modifierColumnName(field: FieldName, nameOf: (f: FieldName) => string | undefined): string {
  const n = MODIFIER_COLUMNS.indexOf(field as (typeof MODIFIER_COLUMNS)[number]);
  if (n < 0) return field;
  for (let k = 0; k < MODIFIER_COLUMNS.length; k++) {
    const name = nameOf(MODIFIER_COLUMNS[k]);
    // Only a name whose one number is its slot's can be renumbered.
    if (name === undefined || name.match(/\d/g)?.join('') !== String(k + 1)) continue;
    const renamed = name.replace(/\d/, String(n + 1));
    if (fieldOf(renamed) === field) return renamed;
  }
  return field;
}

/**
 * The change as the line can take it, or undefined when it cannot (a fifth modifier). `current`:
 * the line's modifier codes, upper-cased. A replacement whose new code the line already has is
 * the removal of the old one: "SH SJ" with SJ replaced by SH is "SH", not "SH SH".
 */
export function fitModifiers(change: LineChange, current: readonly string[]): LineChange | undefined {
  const adds = change.addModifiers ?? [];
  const removes = change.removeModifiers ?? [];
  if (adds.length === 0 && removes.length === 0) return change;
  const key = (code: string): string => asciiUpper(code.trim());
  const codes = new Set(current.map(key));
  const pairs = Math.min(adds.length, removes.length);
  const keptAdds: string[] = [];
  const keptRemoves: string[] = [];
  const dropped: string[] = [];
  for (let i = 0; i < pairs; i++) {
    if (codes.has(key(adds[i])) && !removes.some((r) => key(r) === key(adds[i]))) dropped.push(removes[i]);
    else {
      keptAdds.push(adds[i]);
      keptRemoves.push(removes[i]);
    }
  }
  const fitted: LineChange = {
    ...change,
    addModifiers: [...keptAdds, ...adds.slice(pairs)],
    removeModifiers: [...keptRemoves, ...removes.slice(pairs), ...dropped],
  };
  // What the line holds afterwards, slot by slot: more than four cannot be billed
  // (invalid-value counts slots: "GY GY KX 59" has no free slot for SH, though three codes).
  const before = current.filter((c) => key(c) !== '').length;
  return slotsAfter(current, fitted, key) > MAX_MODIFIERS && slotsAfter(current, fitted, key) > before ? undefined : fitted;
}

/** The modifier slots the line fills after the change: its codes not removed (each time it
 *  holds them), and the added codes it does not hold then. */
function slotsAfter(current: readonly string[], change: LineChange, key: (code: string) => string): number {
  const removed = new Set((change.removeModifiers ?? []).map(key));
  const kept = current.map(key).filter((k) => k !== '' && !removed.has(k));
  const held = new Set(kept);
  return kept.length + new Set((change.addModifiers ?? []).map(key).filter((k) => !held.has(k))).size;
}

/** Fields written as JSON numbers when a new key gets a numeric value. */
export const NUMERIC_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>(['units', 'charge', 'ndc_qty', 'wasted_units', 'duration_min']);

export function isNumeric(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}
