// code-inactive: a code is valid from its add date through its termination date (CMS code set).
// J3370 ended 2025-06-30 and J3373 began 2025-07-01: a date of service outside the code's life
// is billed with the code valid on that date. The action-effective date is not the start of
// validity (a terminated code's is the day after it ends), so only add/termination dates count.
import type { ServiceLine } from '../model';
import type { CodeSet } from '../codes/types';
import { toNdc11 } from '../codes/ndc';
import { validThrough, validityOn } from '../codes/validity';
import { formatDay, lastWrittenDayOf } from './util/same-day';
import type { Rule } from './types';

function activeOn(codes: CodeSet, code: string, from: number, to: number): boolean {
  const info = codes.code(code);
  return !!info && validThrough(info, from, to);
}

/** The code to use instead, when the line's NDC names exactly one code that is valid on those dates. */
function replacement(codes: CodeSet, line: ServiceLine, from: number, to: number): string | undefined {
  const ndc11 = toNdc11(line.ndc);
  if (!ndc11) return undefined;
  const others = [...new Set(codes.ndc(ndc11).map((e) => e.hcpcs))].filter((c) => c !== line.hcpcs);
  return others.length === 1 && activeOn(codes, others[0], from, to) ? others[0] : undefined;
}

export const rule: Rule = {
  meta: {
    id: 'code-inactive',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'warning',
    description: 'The code is not valid on the date of service (added after it or terminated before it).',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'CMS and the AMA revise HIPAA medical codes on a pre-determined basis, including changes to CPT, HCPCS, and ICD-10 codes and definitions.',
    },
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      const from = line.dosFrom;
      if (from === undefined || line.hcpcs === '') continue;
      const to = lastWrittenDayOf(from, line.dosTo);
      const info = ctx.codes.code(line.hcpcs);
      if (!info) continue;
      let problem: string | undefined;
      if (validityOn(info, from) === 'not-yet-added') {
        problem = `${line.hcpcs} was added on ${formatDay(info.added!)}, after the date of service ${formatDay(from)}`;
      } else if (validityOn(info, to) === 'terminated') {
        problem = `${line.hcpcs} was terminated on ${formatDay(info.terminated!)}, before the date of service ${formatDay(to)}`;
      }
      if (!problem) continue;
      const field = line.fields.hcpcs;
      if (!field) continue;
      const use = replacement(ctx.codes, line, from, to);
      const action = use
        ? `bill ${use}, the code of NDC ${line.ndc} on that date`
        : 'bill the code valid on that date';
      ctx.report({ span: field.span, line, message: `${problem}: ${action}` });
    }
  },
};
