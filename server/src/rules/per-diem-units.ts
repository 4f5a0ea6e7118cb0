// per-diem-units: per diem units are days of therapy (001's table: "every 8 hours for 7 days"
// is 7 units). A whole number, no more than the days of the line, and equal to them when the
// dosing is hourly (q3h–q24h) or not given; equal to the infusion days when the dosing is an
// interval of whole days or weeks (001: "every 10 days for 30 days" is 3).
import { isTherapyPerDiem, perDiemIntervalHours } from '../codes/classes';
import { fix, setFieldEdits } from '../fixes/edit';
import type { Fix, Rule } from './types';
import { formatDay, lastWrittenDayOf } from './util/same-day';
import { describeInterval, dosedDaily, infusionDays, intervalDays } from './util/per-diem';

export const rule: Rule = {
  meta: {
    id: 'per-diem-units',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'warning',
    description: 'Per diem units must be the days of therapy in the line’s date span.',
    policy: {
      seed: '001_ccf6386e4c9aa503.txt',
      quote: 'The term “per diem” represents each day that a given patient is provided access to a prescribed therapy, beginning with the day the therapy is initiated and ending with the day the therapy is discontinued.',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      if (!isTherapyPerDiem(line.hcpcs) || line.units === undefined || line.dosFrom === undefined) continue;
      if (line.dosTo !== undefined && line.dosTo < line.dosFrom) continue; // invalid-value's finding
      // The days as written: the same-day index caps a span (MAX_SPAN_DAYS), a count need not.
      const days = lastWrittenDayOf(line.dosFrom, line.dosTo) - line.dosFrom + 1;
      const units = line.units;
      const interval = perDiemIntervalHours(line);
      // An unreadable frequency ("as needed") is given but not hourly: only the bounds apply.
      const daily = dosedDaily(line);
      // Every N days or weeks: the units are the infusion days, no more and no fewer.
      const everyDays = daily ? undefined : intervalDays(line);
      const doses = everyDays !== undefined ? infusionDays(days, everyDays) : undefined;
      // Most per diems are right: decide that before building any message text.
      if (daily ? units === days : doses !== undefined ? units === doses : Number.isInteger(units) && units <= days) continue;

      const span = days === 1 ? `on ${formatDay(line.dosFrom)}` : `from ${formatDay(line.dosFrom)} to ${formatDay(line.dosFrom + days - 1)}`;
      const billed = `${units} unit${units === 1 ? '' : 's'}`;
      const lineDays = `${days} day${days === 1 ? '' : 's'}`;
      const dosing = interval !== undefined ? ` (${dosingText(line.frequency, interval, everyDays)})` : '';
      let message: string | undefined;
      let target: number | undefined;
      if (daily) {
        if (units === days) continue;
        target = days;
        message = Number.isInteger(units)
          ? `${line.hcpcs}${dosing} is billed for ${billed} ${span} (${lineDays}): per diem units are days of therapy, set units to ${days}`
          : `${line.hcpcs} units ${units} is not a whole number of days ${span} (${lineDays}): per diem units are days of therapy, set units to ${days}`;
      } else if (doses !== undefined) {
        target = doses;
        const found = `${doses} infusion day${doses === 1 ? '' : 's'}`;
        message = Number.isInteger(units)
          ? `${line.hcpcs}${dosing} is billed for ${billed} ${span} (${lineDays}), which has ${found} at that interval: per diem units are days of therapy, set units to ${doses}`
          : `${line.hcpcs} units ${units} is not a whole number of days ${span} (${lineDays}): per diem units are days of therapy, set units to ${doses}`;
      } else {
        // Less often than daily: one unit per dose day, e.g. every 10 days for 30 days = 3.
        if (interval !== undefined) target = Math.min(days, Math.ceil((days * 24) / interval));
        const advice = target !== undefined ? `set units to ${target}` : 'bill one unit per day of therapy';
        message = Number.isInteger(units)
          ? `${line.hcpcs}${dosing} is billed for ${billed} but the line covers only ${lineDays} ${span}: per diem units are days of therapy, ${advice}`
          : `${line.hcpcs} units ${units} is not a whole number of days: per diem units are days of therapy, ${advice}`;
      }

      const to = target;
      const fixes = (): Fix[] => {
        if (to === undefined || to <= 0) return [];
        const edits = setFieldEdits(doc, line, 'units', String(to));
        return edits.length > 0 ? [fix(`Set units to ${to}`, false, edits)] : [];
      };
      ctx.report({ span: line.fields.units?.span ?? line.span, message, line, fixes });
    }
  },
};

/** The dosing as the analyst reads it: hourly as "every 8 hours"; whole days and weeks as
 *  "every 10 days", "every other day", "weekly", "every 2 weeks" (q240h is every 10 days, not
 *  "every 240 hours"); any other interval as the file wrote it ("twice a week", "monthly"). */
function dosingText(frequency: string, hours: number, days: number | undefined): string {
  if (hours <= 24) return describeInterval(hours);
  // `days`: intervalDays of the line, undefined for intervals of no whole days and for months.
  if (days === undefined) return frequency.trim() || describeInterval(hours);
  if (days % 7 === 0) return days === 7 ? 'weekly' : `every ${days / 7} weeks`;
  return days === 2 ? 'every other day' : `every ${days} days`;
}
