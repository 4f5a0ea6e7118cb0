// Medicare rejects an initial-visit G-code when any HIT G-code is in the member's
// history within the 60 days before it (004, question 24).
import { hitSubsequentFor, isHitCode, isHitInitial } from '../codes/classes';
import { fixIfAny, setFieldEdits } from '../fixes/edit';
import type { Rule } from './types';
import { codeSpan, relatedLine } from './util/field-span';
import { formatDay, sameDayIndex, type DayLine } from './util/same-day';

const LOOKBACK_DAYS = 60;

export const rule: Rule = {
  meta: {
    id: 'hit-initial-visit',
    scope: 'member', // findings depend on the member's lines (same day, history)
    defaultSeverity: 'error',
    description: 'An initial-visit HIT G-code (G0088/G0089/G0090) within 60 days after another HIT visit of the member.',
    policy: {
      seed: '004_a1c54660d9639f72.txt',
      quote: 'If any one of the home infusion therapy G-codes is found in the beneficiary\u2019s claims history ' +
        'within 60-days prior to the date of service for an initial visit, then the initial visit claim will be rejected.',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    const index = sameDayIndex(doc, ctx.options.external);
    // Each member's HIT visits (in the index's order), listed once: scanning all of a member's
    // lines for each initial visit was quadratic in the member's lines.
    const hitVisits = new Map<string, readonly DayLine[]>();
    for (const line of doc.lines) {
      const day = line.dosFrom;
      if (!isHitInitial(line.hcpcs) || line.memberId === '' || day === undefined) continue;
      let visits = hitVisits.get(line.memberId);
      if (!visits) hitVisits.set(line.memberId, (visits = index.member(line.memberId).filter((e) => isHitCode(e.line.hcpcs))));
      // The most recent HIT visit 1–60 days before; a visit the same day is not "before".
      let prior: { entry: DayLine; day: number } | undefined;
      for (const entry of visits) {
        const other = entry.line;
        if (other === line || other.dosFrom === undefined || other.dosFrom >= day) continue;
        const lastBefore = Math.min(other.dosTo ?? other.dosFrom, day - 1);
        if (day - lastBefore > LOOKBACK_DAYS) continue;
        if (!prior || lastBefore > prior.day) prior = { entry, day: lastBefore };
      }
      if (!prior) continue;
      const subsequent = hitSubsequentFor(line.hcpcs)!;
      const gap = day - prior.day;
      const earlier = prior.entry.line;
      ctx.report({
        span: codeSpan(line),
        line,
        message: `${line.hcpcs} is an initial visit on ${formatDay(day)}, but the member had ${earlier.hcpcs} on ` +
          `${formatDay(prior.day)}, ${gap} ${gap === 1 ? 'day' : 'days'} before: Medicare rejects an initial visit ` +
          `within 60 days of any HIT visit; use subsequent-visit code ${subsequent}`,
        related: [relatedLine(prior.entry, `Earlier HIT visit: ${earlier.hcpcs} on ${formatDay(prior.day)}`)],
        fixes: () => fixIfAny(`Use subsequent-visit code ${subsequent}`, false, setFieldEdits(doc, line, 'hcpcs', subsequent)),
      });
    }
  },
};
