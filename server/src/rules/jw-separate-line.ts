// Discarded drug is billed on its own line with JW (000 "Drug Wastage"), not as a
// `wasted_units` note on the administered line.
import { changeLineAndInsertAfterEdits, fixIfAny, type LineChange } from '../fixes/edit';
import { noFreeSlotNote } from './util/free-slot';
import type { ClaimDocument, FieldName, ServiceLine } from '../model';
import type { Fix, Rule, RuleContext } from './types';
import { splitDecimal, subtractDecimal } from './util/decimal';
import { jwModifier, JW, reportsWastage } from './util/jw';

/** What the split writes on this line and on the JW line, or why it cannot be written exactly. */
interface SplitPlan {
  readonly keep?: Partial<Record<FieldName, string>>;
  readonly move?: Partial<Record<FieldName, string>>;
  /** Amounts whose part rounds to zero ("the JW line's part of charge 0.01, for 1 of 3 units, rounds to 0.00"). */
  readonly tooSmall: readonly string[];
}

const plural = (n: number | string, word: string): string => `${n} ${Number(n) === 1 ? word : `${word}s`}`;

/**
 * "Split wastage onto a JW line": this line keeps units − wasted_units; a copy right after it
 * bills the wasted units with JW. Charge and NDC quantity move in the same proportion
 * (rounded to 2 decimals, the two parts adding up to the original), also when the line
 * inherits them from its JSON claim object (each part is then the line's own). No plan when
 * the amounts cannot be split (unreadable numbers, nothing administered); a plan with
 * tooSmall when a part of an amount above zero rounds to zero (a $0.00 charge or an NDC
 * quantity of 0 is no billable line: ndc-unit asks a positive quantity).
 */
function splitPlan(line: ServiceLine): SplitPlan | undefined {
  const unitsText = line.fields.units?.text;
  const wastedText = line.fields.wasted_units?.text;
  if (unitsText === undefined || wastedText === undefined || line.units === undefined || line.wastedUnits === undefined) return undefined;
  const kept = subtractDecimal(unitsText, wastedText);
  if (kept === undefined || !(line.wastedUnits < line.units)) return undefined;

  const keep: Partial<Record<FieldName, string>> = { units: kept };
  const move: Partial<Record<FieldName, string>> = { units: wastedText.trim() };
  const tooSmall: string[] = [];
  for (const [name, money] of [['charge', true], ['ndc_qty', false]] as const) {
    const field = line.fields[name];
    // Inherited from the JSON claim object: both parts are written on the two line objects (the
    // claim's value stays for its other lines), as date-span's itemize writes an inherited charge.
    if (!field || field.text.trim() === '') continue;
    const parts = splitDecimal(field.text, line.wastedUnits, line.units, money);
    if (!parts) return undefined;
    if (Number(field.text) > 0) {
      const [side, part, units] = Number(parts.moved) === 0 ? ['the JW line\'s', parts.moved, wastedText.trim()]
        : Number(parts.kept) === 0 ? ['this line\'s', parts.kept, kept] : [];
      if (side) tooSmall.push(`${side} part of ${name} ${field.text.trim()}, for ${units} of ${plural(unitsText.trim(), 'unit')}, rounds to ${part}`);
    }
    keep[name] = parts.kept;
    move[name] = parts.moved;
  }
  return tooSmall.length > 0 ? { tooSmall } : { keep, move, tooSmall };
}

function splitFix(doc: ClaimDocument, line: ServiceLine, plan: SplitPlan | undefined): Fix[] {
  if (!plan?.keep || !plan.move) return [];
  const wastedText = line.fields.wasted_units!.text.trim();
  const thisLine: LineChange = { set: plan.keep, clear: ['wasted_units'] };
  const jwLine: LineChange = { set: plan.move, clear: ['wasted_units'], addModifiers: [JW] };
  return fixIfAny(`Split wastage onto a JW line (${wastedText} ${line.wastedUnits === 1 ? 'unit' : 'units'})`, false,
    changeLineAndInsertAfterEdits(doc, line, thisLine, [jwLine]));
}

/** The finding of wastage reported on the administered line. (A function: the fix closure, made
 *  in check()'s loop, would make the loop allocate a scope for every line.) */
function reportWastage(doc: ClaimDocument, ctx: RuleContext, line: ServiceLine): void {
  const code = line.hcpcs || 'this line';
  const wasted = line.wastedUnits!;
  const what = `${plural(wasted, 'wasted unit')} of ${code} ${wasted === 1 ? 'is' : 'are'}`;
  // Every unit wasted: "Do not bill for discarded drugs if none of the drug was administered to
  // the patient" (000). A JW line would be billed with no administered line (jw-without-administered).
  if (line.units !== undefined && wasted === line.units) {
    ctx.report({
      span: line.fields.wasted_units?.span ?? line.span,
      line,
      message: `${what} all of the line's units: none of the drug was administered, and discarded drug is not billed when ` +
        `none of it was administered to the patient; do not bill this line (no JW line), or correct units or wasted_units ` +
        `(if ${code} was administered on another line that day, bill this line's units with modifier JW instead)`,
    });
    return;
  }
  const plan = splitPlan(line);
  const tooSmall = plan?.tooSmall ?? [];
  ctx.report({
    span: line.fields.wasted_units?.span ?? line.span,
    line,
    message: `${what} reported on the administered line: bill the discarded drug on a separate ${code} line with modifier JW` +
      (tooSmall.length > 0 ? ` (${tooSmall.join('; ')}: split ${tooSmall.length > 1 ? 'them' : 'it'} by hand)` : noFreeSlotNote(line, JW)),
    fixes: () => splitFix(doc, line, plan),
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
