// Discarded drug is billed on its own line with JW (000 "Drug Wastage"), not as a
// `wasted_units` note on the administered line.
import { changeLineAndInsertAfterEdits, fixIfAny, type LineChange } from '../fixes/edit';
import type { ClaimDocument, FieldName, ServiceLine } from '../model';
import type { Fix, Rule, RuleContext } from './types';
import { splitDecimal, subtractDecimal } from './util/decimal';
import { jwModifier, JW, reportsWastage } from './util/jw';

/**
 * "Split wastage onto a JW line": this line keeps units − wasted_units; a copy right after it
 * bills the wasted units with JW. Charge and NDC quantity move in the same proportion
 * (rounded to 2 decimals, the two parts adding up to the original), also when the line
 * inherits them from its JSON claim object (each part is then the line's own). None when the
 * amounts cannot be split exactly (unreadable numbers, nothing administered) or the file
 * cannot take the edit.
 */
function splitFix(doc: ClaimDocument, line: ServiceLine): Fix[] {
  const unitsText = line.fields.units?.text;
  const wastedText = line.fields.wasted_units?.text;
  if (unitsText === undefined || wastedText === undefined || line.units === undefined || line.wastedUnits === undefined) return [];
  const kept = subtractDecimal(unitsText, wastedText);
  if (kept === undefined || !(line.wastedUnits < line.units)) return [];

  const keep: Partial<Record<FieldName, string>> = { units: kept };
  const move: Partial<Record<FieldName, string>> = { units: wastedText.trim() };
  for (const [name, money] of [['charge', true], ['ndc_qty', false]] as const) {
    const field = line.fields[name];
    // Inherited from the JSON claim object: both parts are written on the two line objects (the
    // claim's value stays for its other lines), as date-span's itemize writes an inherited charge.
    if (!field || field.text.trim() === '') continue;
    const parts = splitDecimal(field.text, line.wastedUnits, line.units, money);
    if (!parts) return [];
    keep[name] = parts.kept;
    move[name] = parts.moved;
  }
  const thisLine: LineChange = { set: keep, clear: ['wasted_units'] };
  const jwLine: LineChange = { set: move, clear: ['wasted_units'], addModifiers: [JW] };
  return fixIfAny(`Split wastage onto a JW line (${wastedText.trim()} ${line.wastedUnits === 1 ? 'unit' : 'units'})`, false,
    changeLineAndInsertAfterEdits(doc, line, thisLine, [jwLine]));
}

/** The finding of wastage reported on the administered line. (A function: the fix closure, made
 *  in check()'s loop, would make the loop allocate a scope for every line.) */
function reportWastage(doc: ClaimDocument, ctx: RuleContext, line: ServiceLine): void {
  const code = line.hcpcs || 'this line';
  const wasted = line.wastedUnits!;
  ctx.report({
    span: line.fields.wasted_units?.span ?? line.span,
    line,
    message: `${wasted} wasted ${wasted === 1 ? 'unit' : 'units'} of ${code} ${wasted === 1 ? 'is' : 'are'} reported on the ` +
      `administered line: bill the discarded drug on a separate ${code} line with modifier JW`,
    fixes: () => splitFix(doc, line),
  });
}

export const rule: Rule = {
  meta: {
    id: 'jw-separate-line',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'error',
    description: 'wasted_units reported on a line without JW: wastage goes on its own JW line.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'Providers must bill for drug wastage on a separate claim line appended with modifier JW to identify ' +
        'the unused or discarded drug/biological (from single use vial/packages only).',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      // Multi-use vials bill no wastage at all: jw-multi-use-vial says so, splitting would be wrong.
      if (!reportsWastage(line) || jwModifier(line) || line.vial === 'multi') continue;
      reportWastage(doc, ctx, line);
    }
  },
};
