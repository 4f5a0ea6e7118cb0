// duplicate-line: the same member, dates, code, modifiers (in any order) and NDC (in any written
// form) billed twice anywhere in the file. The later copies are reported, pointing at the first.
import type { ServiceLine } from '../model';
import { ndcKey } from '../codes/ndc';
import { formatDay } from './util/same-day';
import type { Rule } from './types';

function key(line: ServiceLine): string | undefined {
  if (line.memberId === '' || line.hcpcs === '' || line.dosFrom === undefined) return undefined;
  const mods = [...new Set(line.modifiers.map((m) => m.code))].sort().join(' ');
  const ndc = line.ndc === '' ? '' : ndcKey(line.ndc);
  return [line.memberId, line.dosFrom, line.dosTo ?? line.dosFrom, line.hcpcs, mods, ndc].join('\u0000');
}

function describe(line: ServiceLine): string {
  const from = line.dosFrom as number;
  const to = line.dosTo ?? from;
  const dates = to === from ? formatDay(from) : `${formatDay(from)} to ${formatDay(to)}`;
  const mods = line.modifiers.length ? `-${line.modifiers.map((m) => m.code).join('-')}` : '';
  const ndc = line.ndc === '' ? '' : ` NDC ${line.ndc}`;
  return `${line.hcpcs}${mods}${ndc} on ${dates} for member ${line.memberId}`;
}

export const rule: Rule = {
  meta: {
    id: 'duplicate-line',
    defaultSeverity: 'warning',
    description: 'The same member, dates, code, modifiers and NDC are billed twice.',
    policy: {
      seed: '003_2f3cc3c5f2518c84.txt',
      quote: 'To validate billing and coding accuracy, payment integrity pre- or post-claim reviews may be performed to prevent fraud, waste and abuse.',
    },
  },
  check(doc, ctx) {
    const first = new Map<string, ServiceLine>();
    for (const line of doc.lines) {
      const k = key(line);
      if (k === undefined) continue;
      const original = first.get(k);
      if (!original) {
        first.set(k, line);
        continue;
      }
      const where = original.claimId === line.claimId ? 'on this claim' : `on claim ${original.claimId}`;
      ctx.report({
        span: line.fields.hcpcs?.span ?? line.span,
        line,
        message: `${describe(line)} is billed twice (first ${where}): remove the duplicate line or correct its date, code, modifiers or NDC`,
        related: [{ span: original.fields.hcpcs?.span ?? original.span, message: `first billed here: ${describe(original)}` }],
      });
    }
  },
};
