// Medicare rejects an initial-visit G-code when any HIT G-code is in the member's
// history within the 60 days before it (004, question 24).
import { hitSubsequentFor, isHitCode, isHitInitial } from '../codes/classes';
import { fixIfAny, setFieldEdits } from '../fixes/edit';
import type { ServiceLine } from '../model';
import type { Rule } from './types';
import { codeSpan, relatedLine } from './util/field-span';
import { latestBefore } from './util/latest-before';
import { formatDay, lastWrittenDayOf, sameDayIndex, type DayLine } from './util/same-day';

const LOOKBACK_DAYS = 60;

export const rule: Rule = {
  meta: {
    id: 'hit-initial-visit',
    scope: 'member-history', // findings depend on the member's visits of the 60 days before
    lookbackDays: LOOKBACK_DAYS,
    // Only an initial visit looks back, and only at HIT visits (what priorVisits reads).
    lookbackFrom: (line) => isHitInitial(line.hcpcs),
    lookbackReads: (line) => isHitCode(line.hcpcs),
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
    const index = sameDayIndex(doc, ctx.options);
    /** Per member: the latest HIT visit before each of the member's initial visits in this document. */
    const priors = new Map<string, Map<ServiceLine, { entry: DayLine; day: number }>>();
    for (const line of doc.lines) {
      const day = line.dosFrom;
      if (!isHitInitial(line.hcpcs) || line.memberId === '' || day === undefined) continue;
      let ofMember = priors.get(line.memberId);
      if (!ofMember) priors.set(line.memberId, (ofMember = priorVisits(index.member(line.memberId))));
      // The most recent HIT visit before; a visit the same day is not "before".
      const prior = ofMember.get(line);
      if (!prior || day - prior.day > LOOKBACK_DAYS) continue;
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

/** Each initial visit of this document (of one member) → the member's latest HIT visit before it. */
function priorVisits(member: readonly DayLine[]): Map<ServiceLine, { entry: DayLine; day: number }> {
  const visits = member.filter((e) => isHitCode(e.line.hcpcs));
  const initials = visits.filter((e) => e.uri === undefined && isHitInitial(e.line.hcpcs));
  const found = latestBefore(
    visits.map(({ line }) => ({ start: line.dosFrom!, end: lastWrittenDayOf(line.dosFrom!, line.dosTo) })),
    initials.map(({ line }) => line.dosFrom!),
  );
  const priors = new Map<ServiceLine, { entry: DayLine; day: number }>();
  found.forEach((prior, i) => {
    if (prior) priors.set(initials[i].line, { entry: visits[prior.at], day: prior.day });
  });
  return priors;
}
