// Wastage is only billable next to the administered drug: a JW line needs a non-JW line of the
// same code (and NDC) on the same day for the member (000 "Provider Payment Guidelines").
import type { ServiceLine } from '../model';
import type { Rule } from './types';
import { firstDayWhere, formatDay, lastDayOf, sameDayIndex, type DayLine, type SameDayIndex } from './util/same-day';
import { jwModifier, ndcKey } from './util/jw';
import { isDrugLine } from '../codes/classes';

/** The drugs a day's lines administer (its lines without JW): the codes of those with no NDC,
 *  and the NDCs (as keys) each code is given with. */
interface Administered {
  readonly withoutNdc: Set<string>;
  readonly ndcsByCode: Map<string, Set<string>>;
}

function administeredOf(sameDay: readonly DayLine[]): Administered {
  const a: Administered = { withoutNdc: new Set(), ndcsByCode: new Map() };
  for (const { line } of sameDay) {
    if (jwModifier(line)) continue;
    if (line.ndc === '') {
      a.withoutNdc.add(line.hcpcs);
      continue;
    }
    let ndcs = a.ndcsByCode.get(line.hcpcs);
    if (!ndcs) a.ndcsByCode.set(line.hcpcs, (ndcs = new Set()));
    ndcs.add(ndcKey(line.ndc));
  }
  return a;
}

/**
 * Whether a line without JW administers the drug the JW line discards on one of its days: the
 * same code, and the same NDC when both lines give one. Each day's drugs are gathered once
 * (`days`), not compared line by line for each JW line: a member with hundreds of lines a day
 * made that quadratic.
 */
function administeredSomeDay(index: SameDayIndex, jw: ServiceLine, days: Map<readonly DayLine[], Administered>): boolean {
  const ndc = jw.ndc === '' ? undefined : ndcKey(jw.ndc);
  return firstDayWhere(index, jw, (sameDay) => {
    let a = days.get(sameDay);
    if (!a) days.set(sameDay, (a = administeredOf(sameDay)));
    if (a.withoutNdc.has(jw.hcpcs)) return true;
    const given = a.ndcsByCode.get(jw.hcpcs);
    return given !== undefined && (ndc === undefined || given.has(ndc));
  }) !== undefined;
}

export const rule: Rule = {
  meta: {
    id: 'jw-without-administered',
    scope: 'member-day', // findings depend on the member's lines of the same days
    defaultSeverity: 'error',
    description: 'A JW (discarded drug) line with no administered line of the same drug that day.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'Do not bill for discarded drugs if none of the drug was administered to the patient.',
    },
  },
  check(doc, ctx) {
    const index = sameDayIndex(doc, ctx.options);
    const days = new Map<readonly DayLine[], Administered>();
    for (const line of doc.lines) {
      const jw = jwModifier(line);
      if (!jw || line.memberId === '' || line.dosFrom === undefined || line.hcpcs === '') continue;
      // JW on a non-drug line is jw-non-drug's finding; "no administered S9500" would only confuse.
      if (!isDrugLine(line)) continue;
      if (administeredSomeDay(index, line, days)) continue;
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
