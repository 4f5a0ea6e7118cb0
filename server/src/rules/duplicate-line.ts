// duplicate-line: the same member, dates, code, modifiers (in any order) and NDC (in any written
// form) billed twice anywhere in the file. The later copies are reported, pointing at the first.
// With workspace analysis, a line billed again in another claim file is reported too, in both
// files (files have no order), pointing at the other file's line.
import type { ServiceLine } from '../model';
import { ndcKey } from '../codes/ndc-key';
import { formatDay, sameDayIndex, type DayLine } from './util/same-day';
import type { ExternalLine, Rule, RuleContext } from './types';
import { codeSpan, relatedLine } from './util/field-span';

/** The modifiers in any order, each once. */
function modifierKey(line: ServiceLine): string {
  const m = line.modifiers;
  return m.length === 0 ? '' : m.length === 1 ? m[0].code : [...new Set(m.map((x) => x.code))].sort().join(' ');
}

/** The same member, dates, code, modifiers (in any order) and NDC (in any written form).
 *  Only asked of lines of one member and first date. */
function sameService(a: ServiceLine, b: ServiceLine): boolean {
  return (a.dosTo ?? a.dosFrom) === (b.dosTo ?? b.dosFrom) && a.hcpcs === b.hcpcs
    && (a.ndc === '' ? '' : ndcKey(a.ndc)) === (b.ndc === '' ? '' : ndcKey(b.ndc))
    && modifierKey(a) === modifierKey(b);
}

/** The first line of the bucket billing the same service as `line` (a loop: a closure made for
 *  each line would make check() allocate a scope for every line of the file). */
function sameServiceIn(bucket: readonly ServiceLine[], line: ServiceLine): ServiceLine | undefined {
  for (const o of bucket) if (sameService(o, line)) return o;
  return undefined;
}

function describe(line: ServiceLine): string {
  const from = line.dosFrom as number;
  const to = line.dosTo ?? from;
  const dates = to === from ? formatDay(from) : `${formatDay(from)} to ${formatDay(to)}`;
  const mods = line.modifiers.length ? `-${line.modifiers.map((m) => m.code).join('-')}` : '';
  const ndc = line.ndc === '' ? '' : ` NDC ${line.ndc}`;
  return `${line.hcpcs}${mods}${ndc} on ${dates} for member ${line.memberId}`;
}

/** The file name of a workspace file's URI, for messages. */
function fileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The same service of the member, first billed the same day, in another workspace file. */
function elsewhere(line: ServiceLine, entries: readonly DayLine[]): DayLine | undefined {
  return entries.find((e) => e.uri !== undefined && e.line.dosFrom === line.dosFrom && e.line.hcpcs !== '' && sameService(e.line, line));
}

export const rule: Rule = {
  meta: {
    id: 'duplicate-line',
    scope: 'member-day', // findings depend on the member's lines of the same days
    defaultSeverity: 'warning',
    description: 'The same member, dates, code, modifiers and NDC are billed twice.',
    policy: {
      seed: '003_2f3cc3c5f2518c84.txt',
      quote: 'To validate billing and coding accuracy, payment integrity pre- or post-claim reviews may be performed to prevent fraud, waste and abuse.',
    },
  },
  check(doc, ctx) {
    // Member → first date → the first line of each distinct service billed then. Buckets, not
    // one string key per line: this runs over every line of the file on each lint.
    const first = new Map<string, Map<number, ServiceLine[]>>();
    const reportedHere = new Set<ServiceLine>();
    for (const line of doc.lines) {
      if (line.memberId === '' || line.hcpcs === '' || line.dosFrom === undefined) continue;
      let byDay = first.get(line.memberId);
      if (!byDay) first.set(line.memberId, (byDay = new Map()));
      const bucket = byDay.get(line.dosFrom);
      if (!bucket) {
        byDay.set(line.dosFrom, [line]);
        continue;
      }
      const original = sameServiceIn(bucket, line);
      if (!original) {
        bucket.push(line);
        continue;
      }
      reportedHere.add(line);
      const where = original.claimId === line.claimId ? 'on this claim' : `on claim ${original.claimId}`;
      ctx.report({
        span: codeSpan(line),
        line,
        message: `${describe(line)} is billed twice (first ${where}): remove the duplicate line or correct its date, code, modifiers or NDC`,
        related: [{ span: codeSpan(original), message: `first billed here: ${describe(original)}` }],
      });
    }
    const external = ctx.options.external;
    if (external && external.length > 0) reportElsewhere(doc.lines, external, reportedHere, ctx);
  },
};

/** Lines billed again in another workspace file (a line already reported as a copy in its own
 *  file is not reported twice). */
function reportElsewhere(lines: readonly ServiceLine[], external: readonly ExternalLine[], reportedHere: ReadonlySet<ServiceLine>,
  ctx: RuleContext): void {
  const index = sameDayIndex(ctx.doc, ctx.options);
  for (const line of lines) {
    if (line.memberId === '' || line.hcpcs === '' || line.dosFrom === undefined || reportedHere.has(line)) continue;
    const other = elsewhere(line, index.at(line.memberId, line.dosFrom));
    if (!other) continue;
    const file = fileName(other.uri!);
    ctx.report({
      span: codeSpan(line),
      line,
      message: `${describe(line)} is billed twice (also on claim ${other.line.claimId} in ${file}): remove the duplicate line from one of the files or correct its date, code, modifiers or NDC`,
      related: [relatedLine(other, `also billed in ${file}: ${describe(other.line)}`)],
    });
  }
}
