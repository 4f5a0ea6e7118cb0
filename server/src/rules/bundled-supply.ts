// bundled-supply: supplies and equipment billed on a day with a therapy per diem are inside the
// per diem (001's supply and equipment table). IV solutions J7030–J7060 are billable when they
// are the hydration itself (a hydration per diem that day).
import { isBundledSupply, isSeparatelyBillableKit } from '../codes/classes';
import { fix, removeLineEdits } from '../fixes/edit';
import type { ClaimDocument, ServiceLine } from '../model';
import type { Fix, Rule, RuleContext } from './types';
import { formatDay, sameDayIndex, type SameDayIndex } from './util/same-day';
// bundlingPerDiem is shared with per-diem-without-drug: a supply this rule reports is no per diem's drug.
import { bundlingPerDiem, daysOf } from './util/per-diem';
import { codeSpan, relatedLine } from './util/field-span';

/** Every date of the line has a per diem that includes it. A function of its own, so that no
 *  closure in check() holds the same-day index (the findings' fixes must not keep it alive). */
function bundledOnEveryDay(line: ServiceLine, days: readonly number[], index: SameDayIndex): boolean {
  return days.every((d) => bundlingPerDiem(line, index.at(line.memberId, d)) !== undefined);
}

/** The supply line's finding, on the first of its days with a per diem that includes it. Its own
 *  function: the fix closure below, made inside check(), would make check() allocate a scope for
 *  every line of the file. */
function checkSupply(doc: ClaimDocument, ctx: RuleContext, index: SameDayIndex, line: ServiceLine): void {
  const days = daysOf(line);
  for (const day of days) {
    const perDiem = bundlingPerDiem(line, index.at(line.memberId, day));
    if (!perDiem) continue;
    const date = formatDay(day);
    // Its other dates with no per diem stay billable: removing the line would lose them.
    const whole = bundledOnEveryDay(line, days, index);
    const fixes = (): Fix[] => {
      if (!whole) return [];
      const edits = removeLineEdits(doc, line);
      return edits.length > 0 ? [fix('Remove bundled line', false, edits)] : [];
    };
    ctx.report({
      span: codeSpan(line),
      line,
      message: `${line.hcpcs} on ${date} is included in the ${perDiem.line.hcpcs} per diem: supplies and equipment ` +
        `are not separately reimbursable on a per diem day; ` +
        (whole ? 'remove the line' : 'bill the line only for its dates with no per diem'),
      fixes,
      related: [relatedLine(perDiem, `${perDiem.line.hcpcs} per diem on ${date}`)],
    });
    return; // one finding per line
  }
}

export const rule: Rule = {
  meta: {
    id: 'bundled-supply',
    scope: 'member-day', // findings depend on the member's lines of the same days
    defaultSeverity: 'warning',
    description: 'A supply or equipment code billed on a day with a therapy per diem, which already includes it.',
    policy: {
      seed: '001_ccf6386e4c9aa503.txt',
      quote: 'The following table is a list of commonly seen supply and/or equipment codes and are subject to inclusion as a supply when billed with the Home Infusion S code.',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    const index = sameDayIndex(doc, ctx.options);
    for (const line of doc.lines) {
      if (isBundledSupply(line.hcpcs) && !isSeparatelyBillableKit(line.hcpcs)) checkSupply(doc, ctx, index, line);
    }
  },
};
