// invalid-value: a value that cannot be read as its field. Empty optional cells are fine, empty
// required cells are missing-field's, and the NDC quantity of a line with an NDC is ndc-unit's. "Readable" is what the
// parsers read (parse/values.ts), so the rule and the model never disagree.
import { PAYERS, type FieldName, type Modifier, type ServiceLine, type Span } from '../model';
import { hasDateForm, parseDate, parseDecimal } from '../parse/values';
import { fieldText } from './util/field-span';
import { formatDay } from './util/same-day';
import { ordinal } from './util/per-diem';
import { writtenDisableIds } from './util/disable-ids';
import { nearestId } from './util/nearest-id';
import { orList } from './util/or-list';
import type { Rule, RuleContext } from './types';
import type { ClaimDocument } from '../model';
import type { Node as JsonNode } from 'jsonc-parser';
import { firstNonAscii, notAsciiLetter } from '../parse/ascii';

const ID = 'invalid-value';
const DATE_FORMS = 'YYYY-MM-DD or MM/DD/YYYY';

/** Reports once per value range: a JSON claim-level value is inherited by every line of the
 *  claim. A line that disables the rule leaves the value to the next line. */
type Reporter = (line: ServiceLine, span: Span, message: string) => void;

function reporter(ctx: RuleContext): Reporter {
  const seen = new Set<string>();
  return (line, span, message) => {
    if (line.disabled.size > 0 && line.disabled.has(ID)) return;
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    ctx.report({ span, line, message });
  };
}

/** What is wrong with an unread date: its form (`2026-3-2`, `03/02/26`), or the calendar (`2026-02-30`). */
function notADate(text: string): string {
  return hasDateForm(text) ? 'is not a real date' : 'is not in a date form';
}

function checkDates(line: ServiceLine, report: Reporter): void {
  const toText = fieldText(line, 'dos_to');
  // The usual line: dos_from was read (so its text is a date) and dos_to is empty.
  if (line.dosFrom !== undefined && toText === '') return;
  const fromText = fieldText(line, 'dos_from');
  const from = fromText === '' ? undefined : parseDate(fromText);
  const to = toText === '' ? undefined : parseDate(toText);
  if (fromText !== '' && from === undefined) {
    report(line, line.fields.dos_from!.span, `dos_from ${fromText} ${notADate(fromText)}: enter the first date of service as ${DATE_FORMS}`);
  }
  if (toText !== '' && to === undefined) {
    report(line, line.fields.dos_to!.span, `dos_to ${toText} ${notADate(toText)}: enter the last date of service as ${DATE_FORMS}, or leave it empty for a one-day line`);
  }
  if (from !== undefined && to !== undefined && to < from) {
    report(line, line.fields.dos_to!.span, `dos_to ${formatDay(to)} is before dos_from ${formatDay(from)}: correct the dates of service`);
  }
}

/** A numeric field: readable, and within its bounds. `parsed` is the line's value of it: the
 *  parsers read the same text the same way, so a value within bounds needs no second look. */
function checkNumber(line: ServiceLine, name: FieldName, parsed: number | undefined, report: Reporter, what: string,
  min: 'positive' | 'non-negative' | 'any'): number | undefined {
  if (parsed !== undefined && (min === 'any' || (min === 'positive' ? parsed > 0 : parsed >= 0))) return parsed;
  const text = fieldText(line, name);
  if (text === '') return undefined;
  const span = line.fields[name]!.span;
  const n = parseDecimal(text);
  if (n === undefined) {
    report(line, span, `${name} ${text} is not a number: enter ${what} as a plain decimal (e.g. ${name === 'charge' ? '96.00' : '1.5'}), no thousands separators or symbols`);
    return undefined;
  }
  if (min === 'positive' && n <= 0) {
    report(line, span, `${name} ${text} is not a positive number: enter ${what}, more than 0`);
    return undefined;
  }
  if (min === 'non-negative' && n < 0) {
    report(line, span, `${name} ${text} is negative: enter ${what}, 0 or more`);
    return undefined;
  }
  return n;
}

/** JSON values no field can be read from (a list or an object): the parser keeps them as empty
 *  values, marked, so the key is not reported missing and the rest of the line is still read.
 *  In a modifiers list, such an element is left out and the others are read. */
function checkTypes(line: ServiceLine, report: Reporter): void {
  const fields = line.fields;
  for (const name in fields) {
    const field = fields[name as FieldName]!;
    for (const el of field.wrongTypeElements ?? []) {
      report(line, el.span, `A modifier in ${name} must be text or a number (e.g. "JW"), not ${el.type === 'list'
        ? `a list: put each modifier in the ${name} list itself, e.g. ["JW", "SH"]` : 'an object'}`);
    }
    if (field.wrongType === undefined) continue;
    const expected = name === 'modifiers' ? 'text or a list of codes' : 'text or a number';
    report(line, field.span, `${name} must be ${expected}, not ${field.wrongType === 'list' ? 'a list' : 'an object'}`);
  }
}

/** A claim line has four modifier slots (CMS-1500 box 24D, 837P SV101-3..6). */
const MODIFIER_SLOTS = 4;

/** Regexes tested on every line: a regex literal is a new object each time it is evaluated. */
const MODIFIER_CODE = /^[A-Z0-9]{2}$/;
const VIAL_WORD = /^(single|multi)$/i;

/** Why a modifier's text is not one modifier. Several written where one goes (an element of a
 *  JSON list, a modifierN column) are told where the others go, not to separate them with a space. */
function notAModifier(mod: Modifier): string {
  const parts = mod.code.split(/[\s:,-]+/).filter((p) => p !== '');
  if (parts.length > 1 && parts.every((p) => MODIFIER_CODE.test(p))) {
    return mod.field === 'modifiers'
      ? `Modifiers ${parts.join(' and ')} are in one element of the list: put each in its own element, [${parts.map((p) => `"${p}"`).join(', ')}]`
      : `${mod.field} holds ${parts.join(' and ')}: one modifier per ${mod.field} column or key; put the others in the next modifier columns`;
  }
  const other = firstNonAscii(mod.code);
  if (other !== undefined) return `Modifier ${mod.code} is not a modifier: ${notAsciiLetter(other)}; a modifier is 2 letters A-Z or digits (e.g. SH, JW)`;
  return `Modifier ${mod.code} is not a modifier: a modifier is 2 letters or digits (e.g. SH, JW); separate several with a space`;
}

function checkCodes(line: ServiceLine, report: Reporter): void {
  let count = 0;
  for (const mod of line.modifiers) {
    if (mod.code === '') continue;
    if (!MODIFIER_CODE.test(mod.code)) report(line, mod.span, notAModifier(mod));
    if (++count === MODIFIER_SLOTS + 1) {
      report(line, mod.span, `Modifier ${mod.code} is the ${ordinal(count)} on this line, but a claim line has only ${MODIFIER_SLOTS} modifier slots: keep the ${MODIFIER_SLOTS} that affect payment (pricing modifiers such as SH, SJ, JW first)`);
    } else if (count > MODIFIER_SLOTS + 1) {
      report(line, mod.span, `Modifier ${mod.code} is the ${ordinal(count)} on this line: a claim line has only ${MODIFIER_SLOTS} modifier slots`);
    }
  }
  // The parsed payer is the text trimmed and lower-cased: a known (or no) payer needs no second look.
  const payer = line.payer === '' || (PAYERS as readonly string[]).includes(line.payer) ? '' : fieldText(line, 'payer');
  if (payer !== '' && !(PAYERS as readonly string[]).includes(payer.toLowerCase())) {
    report(line, line.fields.payer!.span, `payer ${payer} is not a known line of business: use ${orList(PAYERS)}`);
  }
  const vial = line.vial !== undefined ? '' : fieldText(line, 'vial');
  if (vial !== '' && !VIAL_WORD.test(vial)) {
    report(line, line.fields.vial!.span, `vial ${vial} is not single or multi: enter single (single-use package) or multi (multi-use vial)`);
  }
}

/** A disable comment or `lint_disable` id that names no rule turns nothing off: the analyst takes
 *  a finding for accepted that is still reported, or a misspelt id for one that works. */
function checkDisabled(doc: ClaimDocument, line: ServiceLine, ruleIds: readonly string[], report: Reporter, claimsDone: Set<JsonNode>): void {
  // A line that turns this rule off leaves its claim's ids to the next line.
  if (line.disabled.has(ID)) return;
  for (const { id, span } of writtenDisableIds(doc, line, claimsDone)) {
    if (id === '') {
      report(line, span, 'This disable comment names no rule, so it turns nothing off: write the rule ids after it, e.g. # infusion-claims-disable-next-line auth-missing');
      continue;
    }
    if (ruleIds.includes(id)) continue;
    const near = nearestId(id, ruleIds);
    const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
    report(line, span, near
      ? `${shown} is not a rule id, so it turns nothing off: did you mean ${near}?`
      : `${shown} is not a rule id, so it turns nothing off: write the id a finding shows with its message, e.g. auth-missing`);
  }
}

export const rule: Rule = {
  meta: {
    id: ID,
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'error',
    description: 'A value cannot be read as its field.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'Claims are subject to payment edits that are updated at regular intervals.',
    },
  },
  check(doc, ctx) {
    const report = reporter(ctx);
    // Only JSON has lists and objects (and a CSV line's fields are made only when read).
    const json = doc.format === 'json';
    const claimsDone = new Set<JsonNode>();
    for (const line of doc.lines) {
      if (json) checkTypes(line, report);
      checkDates(line, report);
      const units = checkNumber(line, 'units', line.units, report, 'the service units billed', 'positive');
      checkNumber(line, 'charge', line.charge, report, 'the line charge in dollars', 'any');
      const wasted = checkNumber(line, 'wasted_units', line.wastedUnits, report, 'the service units discarded', 'non-negative');
      checkNumber(line, 'duration_min', line.durationMin, report, 'the visit or infusion length in minutes', 'non-negative');
      // With an NDC the quantity is ndc-unit's; without one nobody else reads it.
      if (line.ndc === '') checkNumber(line, 'ndc_qty', line.ndcQty, report, 'the NDC quantity', 'positive');
      if (units !== undefined && wasted !== undefined && wasted > units) {
        report(line, line.fields.wasted_units!.span,
          `wasted_units ${fieldText(line, 'wasted_units')} is more than the line's units ${fieldText(line, 'units')}: the discarded amount is part of the units billed; correct one of them`);
      }
      checkCodes(line, report);
      if (line.disableComment !== undefined || line.disabled.size > 0) checkDisabled(doc, line, ctx.ruleIds, report, claimsDone);
    }
  },
};
