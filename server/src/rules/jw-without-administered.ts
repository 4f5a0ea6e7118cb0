// Wastage is only billable next to the administered drug: a JW line needs a non-JW line of the
// same code (and NDC) on the same day for the member (000 "Provider Payment Guidelines").
import type { ServiceLine } from '../model';
import type { Rule } from './types';
import { firstDayWhere, formatDay, lastDayOf, sameDayIndex } from './util/same-day';
import { jwModifier, ndcKey } from './util/jw';
import { isDrugLine } from '../codes/classes';

/** `other` administers the drug that `jw` discards. An NDC is compared only when both lines give one. */
function administers(other: ServiceLine, jw: ServiceLine): boolean {
  if (other === jw || other.hcpcs !== jw.hcpcs || jwModifier(other)) return false;
  return jw.ndc === '' || other.ndc === '' || ndcKey(other.ndc) === ndcKey(jw.ndc);
}

export const rule: Rule = {
  meta: {
    id: 'jw-without-administered',
    scope: 'member', // findings depend on the member's lines (same day, history)
    defaultSeverity: 'error',
    description: 'A JW (discarded drug) line with no administered line of the same drug that day.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'Do not bill for discarded drugs if none of the drug was administered to the patient.',
    },
  },
  check(doc, ctx) {
    const index = sameDayIndex(doc, ctx.options.external);
    for (const line of doc.lines) {
      const jw = jwModifier(line);
      if (!jw || line.memberId === '' || line.dosFrom === undefined || line.hcpcs === '') continue;
      // JW on a non-drug line is jw-non-drug's finding; "no administered S9500" would only confuse.
      if (!isDrugLine(line)) continue;
      const administered = firstDayWhere(index, line, (sameDay) => sameDay.some((e) => administers(e.line, line)));
      if (administered !== undefined) continue;
      const last = lastDayOf(line.dosFrom, line.dosTo);
      const drug = line.ndc ? `${line.hcpcs} (NDC ${line.ndc})` : line.hcpcs;
      const when = last > line.dosFrom ? `${formatDay(line.dosFrom)} to ${formatDay(last)}` : formatDay(line.dosFrom);
      ctx.report({
        span: jw.span,
        line,
        message: `${line.hcpcs} with JW bills discarded drug on ${when}, but no administered ${drug} line is billed ` +
          'that day: do not bill discarded drug when none of it was administered',
      });
    }
  },
};
