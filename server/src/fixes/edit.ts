// Format-aware edit primitives for fixes (CSV and JSON). Pure data: offset edits on the text.
// Each changes only what it must and keeps the file's quoting, separators, field order, line
// ends and indentation; a new row or object follows the file's own style. A primitive that
// cannot express the change in this file returns no edits (offer no fix then).
import type { ClaimDocument, FieldName, ServiceLine, Span } from '../model';
import type { Fix, TextEdit } from '../rules/types';
import { fitModifiers, type LineChange } from './change';
import { csvDisableEdits, csvLineEdits, csvRemoveLineEdits } from './csv-edits';
import { claimValueEdits, inheritedFrom, jsonDisableEdits, jsonInsertAfterEdits, jsonLineEdits, jsonRemoveLineEdits } from './json-edits';
import { mergeTouching } from './merge';

export type { LineChange } from './change';

/** A fix from its title, safety and edits. */
export function fix(title: string, safe: boolean, edits: readonly TextEdit[]): Fix {
  return { title, safe, edits };
}

/** `[fix]` when there are edits, `[]` otherwise: for `ctx.report({ fixes: fixIfAny(...) })`. */
export function fixIfAny(title: string, safe: boolean, edits: readonly TextEdit[]): Fix[] {
  return edits.length > 0 ? [fix(title, safe, edits)] : [];
}

/** Set one field of the line to `value` (the text to write; numbers as decimal strings). */
export function setFieldEdits(doc: ClaimDocument, line: ServiceLine, name: FieldName, value: string): TextEdit[] {
  return changeLineEdits(doc, line, { set: { [name]: value } });
}

/** Write the line's values in another form only (the same NDC padded, the same amount in grams):
 *  as setting them, except that values a JSON line inherits from its claim object are rewritten
 *  there (claimValueEdits), since the new form is as right for every line that inherits them. */
export function reformatFieldsEdits(doc: ClaimDocument, line: ServiceLine, set: Partial<Record<FieldName, string>>): TextEdit[] {
  return (doc.format === 'json' ? claimValueEdits(line, set) : undefined) ?? changeLineEdits(doc, line, { set });
}

/** The change fitted to the line's modifiers (fitModifiers), or undefined when it cannot be written. */
function fitted(line: ServiceLine, change: LineChange): LineChange | undefined {
  return fitModifiers(change, line.modifiers.map((m) => m.code));
}

/** Several changes to one line, as non-overlapping edits. */
export function changeLineEdits(doc: ClaimDocument, line: ServiceLine, change: LineChange): TextEdit[] {
  const fit = fitted(line, change);
  if (!fit) return [];
  return mergeTouching((doc.format === 'csv' ? csvLineEdits(doc, line, fit, []) : jsonLineEdits(doc, line, fit)) ?? []);
}

export function addModifierEdits(doc: ClaimDocument, line: ServiceLine, code: string): TextEdit[] {
  return changeLineEdits(doc, line, { addModifiers: [code] });
}

export function removeModifierEdits(doc: ClaimDocument, line: ServiceLine, code: string): TextEdit[] {
  return changeLineEdits(doc, line, { removeModifiers: [code] });
}

/** `to` takes `from`'s place (same cell position / array element / modifierN column). */
export function replaceModifierEdits(doc: ClaimDocument, line: ServiceLine, from: string, to: string): TextEdit[] {
  return changeLineEdits(doc, line, { removeModifiers: [from], addModifiers: [to] });
}

/** New lines right after `line`, each a copy of `line` with its change applied.
 *  When the fix also changes `line` itself, use changeLineAndInsertAfterEdits (one plan, so a
 *  column both need is added once). */
export function insertLinesAfterEdits(doc: ClaimDocument, line: ServiceLine, copies: readonly LineChange[]): TextEdit[] {
  return changeLineAndInsertAfterEdits(doc, line, {}, copies);
}

/** Change `line` and insert copies of it (each with its own change) right after it: the split
 *  fixes (JW wastage, itemized dates). */
export function changeLineAndInsertAfterEdits(doc: ClaimDocument, line: ServiceLine, change: LineChange, copies: readonly LineChange[]): TextEdit[] {
  const fit = fitted(line, change);
  const fitCopies = copies.map((c) => fitted(line, c));
  if (!fit || fitCopies.some((c) => c === undefined)) return [];
  const ok = fitCopies as LineChange[];
  if (doc.format === 'csv') return mergeTouching(csvLineEdits(doc, line, fit, ok) ?? []);
  const own = jsonLineEdits(doc, line, fit);
  const inserted = jsonInsertAfterEdits(doc, line, ok);
  return own && inserted ? mergeTouching([...own, ...inserted]) : [];
}

/** Remove the line: the CSV row with its line end (and its disable comment), or the JSON object with one comma. */
export function removeLineEdits(doc: ClaimDocument, line: ServiceLine): TextEdit[] {
  return mergeTouching((doc.format === 'csv' ? csvRemoveLineEdits(doc, line) : jsonRemoveLineEdits(doc, line)) ?? []);
}

/** "Disable <rule-id> for this line": a CSV comment row above, or JSON `lint_disable`; "… for this
 *  claim" on the claim object for a finding at a value the JSON line inherits from it (`span`). */
export function disableRuleFix(doc: ClaimDocument, line: ServiceLine, ruleId: string, span?: Span): Fix | undefined {
  const claim = doc.format === 'json' ? inheritedFrom(line, span) : undefined;
  const edits = doc.format === 'csv' ? csvDisableEdits(doc, line, ruleId) : jsonDisableEdits(doc, line, ruleId, claim ?? line.node);
  return edits && edits.length > 0 ? fix(`Disable ${ruleId} for this ${claim ? 'claim' : 'line'}`, false, mergeTouching(edits)) : undefined;
}
