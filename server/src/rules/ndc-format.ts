// ndc-format (000): an NDC is billed as 11 digits in 5-4-2 form. Package displays that lack a
// leading zero (4-4-2, 5-3-2, 5-4-1) are padded by a safe fix; a bare 10-digit NDC is padded only
// when the crosswalk knows exactly one package it can be.
import type { Field, ServiceLine } from '../model';
import { hyphenateNdc11, parseNdc, writeNdc11, type ParsedNdc } from '../codes/ndc';
import { fix, reformatFieldsEdits } from '../fixes/edit';
import type { Fix, Rule, RuleContext } from './types';

const FIX_TITLE = 'Pad NDC to 11 digits';

/** The NDC as the fix writes it: hyphenated or digits as the setting ndcFormat says; with `keep`,
 *  hyphens only where the NDC as written had them. */
function fixedNdc(ctx: RuleContext, ndc11: string, parsed: ParsedNdc): string {
  return writeNdc11(ndc11, ctx.options.ndcFormat ?? 'keep', parsed.hyphenated);
}

function padFix(ctx: RuleContext, line: ServiceLine, written: string, value: string): Fix {
  return fix(`${FIX_TITLE}: ${written} → ${value}`, true, reformatFieldsEdits(ctx.doc, line, { ndc: value }));
}

/** "11 digits 5-4-2, 00409-4332-01", or "11 digits, 00143943110 (…)" when the fix writes no
 *  hyphens: the form the fix writes, so the message and the fix agree, and why it has none. */
function billingForm(ctx: RuleContext, value: string): string {
  if (value.includes('-')) return `11 digits 5-4-2, ${value}`;
  const why = ctx.options.ndcFormat === 'digits' ? 'setting ndcFormat is digits' : 'no hyphens, as it was written; setting ndcFormat is keep';
  return `11 digits, ${value} (${why})`;
}

/** 5-4-2, or 11 digits when the setting does not ask for hyphens: nothing to report. */
function alreadyBillingForm(parsed: ParsedNdc, ctx: RuleContext): boolean {
  return parsed.form === '5-4-2' || (parsed.form === '11-digit' && ctx.options.ndcFormat !== 'hyphenated');
}

/** The finding of an NDC not written in billing form. Its own function: the closures below
 *  would otherwise make the loop in check() allocate a scope for every line, NDC or not. */
function reportNdc(ctx: RuleContext, line: ServiceLine, written: string, parsed: ParsedNdc, field: Field): void {
  const report = (message: string, fixes: Fix[] | (() => Fix[]) = []): void =>
    ctx.report({ span: field.span, message, line, fixes });

  if (ctx.doc.format === 'json' && isJsonNumber(field) && (parsed.form === '10-digit' || parsed.form === 'invalid')) {
    // A JSON number has no leading zeros: an NDC written as one (00143943110 exported as
    // 143943110) lost them. Saying "digits and hyphens only" of a value that is all digits misled.
    const dropped = `NDC ${written} is a JSON number, which drops leading zeros`;
    const candidates = parsed.form === '10-digit' ? ctx.codes.resolveNdc10(parsed.digits) : [];
    if (candidates.length === 1) {
      const value = fixedNdc(ctx, candidates[0], parsed);
      report(`${dropped}: write the NDC in quotes; the NDC directory knows one package for these 10 digits, ${value}`,
        () => [padFix(ctx, line, written, value)]);
    } else {
      const left = /^\d+$/.test(written) ? ` (${written.length} ${written.length === 1 ? 'digit is' : 'digits are'} left)` : '';
      report(`${dropped}${left}: write the NDC in quotes, as text, with its 11 digits in 5-4-2 form from the package (e.g. "00143-9431-10")`);
    }
    return;
  }

  switch (parsed.form) {
    case '5-4-2':
      break;
    case '11-digit':
      // 11 digits is the billing form; only a file that asks for hyphens wants them written.
      if (ctx.options.ndcFormat === 'hyphenated') {
        const dashed = fixedNdc(ctx, parsed.digits, parsed);
        report(`NDC ${written} has no hyphens: write it in 5-4-2 form, ${dashed} (setting ndcFormat is hyphenated)`,
          () => [padFix(ctx, line, written, dashed)]);
      }
      break;
    case '4-4-2':
    case '5-3-2':
    case '5-4-1': {
      const value = fixedNdc(ctx, parsed.ndc11 as string, parsed);
      report(`NDC ${written} is in ${parsed.form} form: bill it as ${billingForm(ctx, value)}`,
        () => [padFix(ctx, line, written, value)]);
      break;
    }
    case '10-digit': {
      const candidates = ctx.codes.resolveNdc10(parsed.digits);
      if (candidates.length === 1) {
        const value = fixedNdc(ctx, candidates[0], parsed);
        report(`NDC ${written} has 10 digits: the NDC directory knows one package for it, bill it as ${billingForm(ctx, value)}`,
          () => [padFix(ctx, line, written, value)]);
      } else if (candidates.length > 1) {
        const list = candidates.map(hyphenateNdc11).join(', ');
        report(`NDC ${written} has 10 digits and no hyphens, so it is ambiguous which segment lacks its leading zero (it could be ${list}): enter the 11-digit NDC from the package`);
      } else {
        report(`NDC ${written} has 10 digits and no hyphens, so it is ambiguous which segment lacks its leading zero: enter the 11-digit NDC in 5-4-2 form from the package`);
      }
      break;
    }
    case 'invalid':
      report(`NDC ${written} is not a valid NDC: bill the 11-digit NDC in 5-4-2 form (e.g. 00143-9431-10), digits and hyphens only`);
      break;
  }
}

/** A JSON field's value was a number: not quoted, and not true, false, null (read as '') or a
 *  list or object (wrongType, ''). */
function isJsonNumber(field: Field): boolean {
  return !field.quoted && !field.wrongType && field.text !== '' && field.text !== 'true' && field.text !== 'false';
}

export const rule: Rule = {
  meta: {
    id: 'ndc-format',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'error',
    description: 'The NDC is not 11 digits in 5-4-2 form.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'Some packages will display NDC numbers with less than 11 digits but, **leading zeroes** can be assumed and **must be used when billing**.',
    },
    fixable: 'safe',
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      const written = line.ndc;
      if (written === '') continue;
      const parsed = parseNdc(written);
      // Most NDCs are already 5-4-2: decide that before making the Field.
      if (alreadyBillingForm(parsed, ctx)) continue;
      const field = line.fields.ndc;
      if (field) reportNdc(ctx, line, written, parsed, field);
    }
  },
};
