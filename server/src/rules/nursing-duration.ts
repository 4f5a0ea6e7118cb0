// 99601 covers a nursing visit up to 2 hours; each further (started) hour is a unit of 99602
// on the same day (000: "with the applicable number of unit(s) for each additional hour").
import { NURSING_ADDON, NURSING_PRIMARY } from '../codes/classes';
import { fixIfAny, insertLinesAfterEdits, setFieldEdits } from '../fixes/edit';
import type { ServiceLine } from '../model';
import type { Related, Rule } from './types';
import { codeSpan, relatedLine } from './util/field-span';
import { formatDay, sameDayIndex, type DayLine } from './util/same-day';

const PRIMARY_MIN = 120;

/** 99602 units a visit of `minutes` needs: ceil((minutes − 120) / 60), 0 up to 2 hours. */
export function addonUnitsFor(minutes: number): number {
  return minutes > PRIMARY_MIN ? Math.ceil((minutes - PRIMARY_MIN) / 60) : 0;
}

const units = (n: number): string => `${n} ${n === 1 ? 'unit' : 'units'}`;
const minutesPast = (m: number): string => `${m - PRIMARY_MIN} ${m - PRIMARY_MIN === 1 ? 'minute' : 'minutes'} past the first 2 hours`;

function describeVisits(visits: readonly ServiceLine[], expected: number): string {
  if (visits.length === 1) {
    const m = visits[0].durationMin!;
    return m > PRIMARY_MIN
      ? `the 99601 visit of ${m} minutes runs ${minutesPast(m)}`
      : `the 99601 visit of ${m} minutes lasted 2 hours or less`;
  }
  return `the 99601 visits of ${visits.map((v) => v.durationMin).join(' + ')} minutes need ${units(expected)}`;
}

function durationRelated(visits: readonly DayLine[]): Related[] {
  return visits.map((v) => relatedLine(v, `99601 visit of ${v.line.durationMin} minutes`, 'duration_min'));
}

/** The 99602 units the day's visits need together (those of known length). */
function dayUnits(visits: readonly DayLine[]): number {
  let sum = 0;
  for (const v of visits) if (v.line.durationMin !== undefined) sum += addonUnitsFor(v.line.durationMin);
  return sum;
}

export const rule: Rule = {
  meta: {
    id: 'nursing-duration',
    scope: 'member-day', // findings depend on the member's lines of the same days
    defaultSeverity: 'warning',
    description: 'A 99601 visit over 2 hours without 99602 units = ceil((minutes − 120) / 60) that day.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'bill using CPT 99601 for each nursing visit lasting up to two hours, in addition to CPT 99602 for ' +
        'nursing visits lasting more than two hours, with the applicable number of unit(s) for each additional hour.',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    // A visit belongs to its first date of service, so a line is counted on one day only.
    for (const group of sameDayIndex(doc, ctx.options).groups()) {
      if (!group.lines.some((e) => e.line.hcpcs === NURSING_PRIMARY)) continue; // no visit: nothing to add up
      const onDay = (code: string): DayLine[] =>
        group.lines.filter((e) => e.line.hcpcs === code && e.line.dosFrom === group.day);
      const visits = onDay(NURSING_PRIMARY);
      const addons = onDay(NURSING_ADDON);
      if (visits.length === 0) continue; // nursing-addon-without-primary
      const date = formatDay(group.day);

      if (addons.length === 0) {
        // A 99602 over several dates that reaches this day from an earlier one counts on its first
        // date: another 99602 added here would bill the hour twice. Itemizing it is the way.
        const spanning = group.lines.find((e) => e.line.hcpcs === NURSING_ADDON && e.line.dosFrom !== group.day);
        for (const v of visits) {
          const minutes = v.line.durationMin;
          if (v.uri || minutes === undefined || minutes <= PRIMARY_MIN) continue;
          const n = addonUnitsFor(minutes);
          if (spanning) {
            const s = spanning.line;
            ctx.report({
              span: v.line.fields.duration_min?.span ?? v.line.span,
              line: v.line,
              message: `99601 visit of ${minutes} minutes on ${date} runs ${minutesPast(minutes)}, and needs 99602 with ${units(n)} that day; ` +
                `the 99602 line from ${formatDay(s.dosFrom!)}${s.dosTo !== undefined ? ` to ${formatDay(s.dosTo)}` : ''} counts on its first date only: ` +
                'itemize its dates of service (date-span), so that this day has a 99602 line of its own',
              related: [relatedLine(spanning, `99602 from ${formatDay(s.dosFrom!)} covers ${date}`)],
            });
            continue;
          }
          // A visit line over several dates: a copy would be one 99602 over them all, with one
          // date's units. Itemized first (date-span), each date's visit gets its own.
          const v0 = v.line;
          if (v0.dosFrom !== undefined && v0.dosTo !== undefined && v0.dosTo > v0.dosFrom) {
            ctx.report({
              span: v0.fields.duration_min?.span ?? v0.span,
              line: v0,
              message: `99601 visit of ${minutes} minutes on ${date} runs ${minutesPast(minutes)}, but the visit line covers ${date} to ${formatDay(v0.dosTo)}: ` +
                'itemize its dates of service (date-span), each date with its visit\'s length, then add a 99602 line for each visit over 2 hours',
            });
            continue;
          }
          // Several long visits that day: one 99602 line carries the day's hours (the rule then
          // checks the day's total), so each visit's fix adds them all, and either one settles it.
          const day = dayUnits(visits);
          const total = day > n ? day : n;
          ctx.report({
            span: v.line.fields.duration_min?.span ?? v.line.span,
            line: v.line,
            message: `99601 visit of ${minutes} minutes on ${date} runs ${minutesPast(minutes)}: ` +
              (total === n
                ? `add a 99602 line with ${units(n)} (each additional hour)`
                : `it needs 99602 with ${units(n)}, and the day's visits ${units(total)} in all: add a 99602 line with ${units(total)} (each additional hour)`),
            // The copy keeps member, dates, place and modifiers; its charge is left for the analyst
            // to price (the 99601 charge is not the add-on's), and the duration stays on the visit.
            fixes: () => fixIfAny(`Add 99602 line with ${units(total)}`, false, insertLinesAfterEdits(doc, v.line, [{
              set: { hcpcs: NURSING_ADDON, units: String(total) },
              clear: ['charge', 'duration_min'],
            }])),
          });
        }
        continue;
      }

      // With add-ons billed, the whole day must add up; unknown durations or units leave it undecided.
      if (visits.some((v) => v.line.durationMin === undefined) || addons.some((a) => a.line.units === undefined)) continue;
      const expected = dayUnits(visits);
      const actual = addons.reduce((sum, a) => sum + a.line.units!, 0);
      if (actual === expected) continue;
      const own = addons.find((a) => !a.uri);
      if (!own) continue; // the add-ons are in another file: reported there
      const visitLines = visits.map((v) => v.line);
      const billed = addons.length === 1 ? `99602 on ${date} has ${units(actual)}` : `99602 lines on ${date} add up to ${units(actual)}`;
      const related = durationRelated(visits);
      if (expected === 0) {
        ctx.report({
          span: codeSpan(own.line),
          line: own.line,
          message: `${billed} but ${describeVisits(visitLines, expected)}: no additional hour is due; ` +
            'remove the 99602 line or correct the visit\'s duration',
          related,
        });
        continue;
      }
      const single = addons.length === 1;
      ctx.report({
        span: own.line.fields.units?.span ?? own.line.span,
        line: own.line,
        message: `${billed} but ${describeVisits(visitLines, expected)}: ` +
          (single ? `set units to ${expected}` : `99602 units should total ${expected}`),
        related,
        fixes: single ? () => fixIfAny(`Set units to ${expected}`, false, setFieldEdits(doc, own.line, 'units', String(expected))) : [],
      });
    }
  },
};
