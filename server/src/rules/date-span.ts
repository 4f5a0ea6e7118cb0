// date-span: "itemize each date of service on a separate claim line" (000). A line whose dos_to
// is after dos_from is itemized into one line per date: this line keeps the first date and
// copies for the later dates are inserted right after it.
import type { FieldName, ServiceLine } from '../model';
import { isCatheterCarePerDiem, isTherapyPerDiem } from '../codes/classes';
import { changeLineAndInsertAfterEdits, changeLineEdits, fix, type LineChange } from '../fixes/edit';
import type { Fix, Rule } from './types';
import { formatDay } from './util/same-day';
import { US_DATE } from '../parse/values';
import { dosedDaily } from './util/per-diem';
import { exactShare, moneyShares, wholeShare } from './util/even-split';

/** Longer spans are offered no fix: dozens of inserted lines are better reviewed by hand. */
const MAX_ITEMIZED_DAYS = 62;

export const rule: Rule = {
  meta: {
    id: 'date-span',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'warning',
    description: 'A line covers several dates of service; each date must be its own line.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'When more than one date of service is submitted per claim form, itemize each date of service on a separate claim line in Form Locator 45.',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      if (line.dosFrom === undefined || line.dosTo === undefined || line.dosTo <= line.dosFrom) continue;
      const to = line.fields.dos_to;
      if (!to) continue;
      const days = line.dosTo - line.dosFrom + 1;
      const perDiem = isTherapyPerDiem(line.hcpcs) || isCatheterCarePerDiem(line.hcpcs);
      const fixes = (): Fix[] => {
        const edits = itemizeEdits(doc, line, days, perDiem);
        return edits ? [fix('Itemize dates of service', false, edits)] : [];
      };
      const what = line.hcpcs || 'This line';
      ctx.report({
        span: to.span,
        line,
        message: `${what} covers ${formatDay(line.dosFrom)} to ${formatDay(line.dosTo)} (${days} dates of service) on one line: ` +
          `itemize each date of service on its own line` +
          byHandNote(line, days, perDiem),
        fixes,
      });
    }
  },
};

/**
 * Whether a per diem itemizes to 1 unit a day: only when that bills what the line bills, its
 * units being its days. A weekly per diem of 1 unit over 7 days is one per diem, not seven
 * (001's units table: "Infusion once per week – 1 (per week)"). With no units at all
 * (missing-field's finding), when it is dosed daily: per-diem-units asks 1 a day then.
 */
function perDiemOneADay(line: ServiceLine, days: number): boolean {
  if (!line.fields.units?.text.trim()) return dosedDaily(line);
  return line.units === days;
}

/** Why the units or minutes cannot be itemized by the fix, for the message; '' when they can. */
function byHandNote(line: ServiceLine, days: number, perDiem: boolean): string {
  const units = line.fields.units?.text.trim();
  if (perDiem && !perDiemOneADay(line, days)) {
    const billed = units ? `per diem units ${units} are` : 'a per diem with no units is';
    return ` (${billed} not 1 a date over ${days} dates: itemize the days of therapy by hand)`;
  }
  const uneven: string[] = [];
  if (!perDiem && units && line.units !== undefined && exactShare(units, days) === undefined) uneven.push(`units ${units}`);
  const minutes = line.fields.duration_min?.text.trim();
  if (minutes && line.durationMin !== undefined && wholeShare(minutes, days) === undefined) uneven.push(`duration_min ${minutes}`);
  if (uneven.length === 0) return '';
  // "units" reads as a plural, "duration_min" as one amount.
  const plural = uneven.length > 1 || uneven[0].startsWith('units ');
  return ` (${uneven.join(' and ')} ${plural ? 'do' : 'does'} not divide evenly over ${days} dates: ` +
    `split ${plural ? 'them' : 'it'} by hand)`;
}

/**
 * The itemize fix's edits, or undefined when the amounts cannot be divided evenly.
 * Units: a per diem gets 1 a day (only when its units are its days), other lines an exact equal
 * share. Charge: whole cents that add up to the original. NDC quantity and wasted units: exact
 * equal shares. Minutes (duration_min): whole equal shares, as each date is a visit or infusion
 * of its own (a whole duration on every copy would bill more HIT units and 99602 hours).
 */
function itemizeEdits(doc: Parameters<typeof changeLineEdits>[0], line: ServiceLine, days: number, perDiem: boolean) {
  if (days > MAX_ITEMIZED_DAYS || line.dosFrom === undefined) return undefined;
  // Dates inherited from the JSON claim object are shared with its other lines: leave them to a person.
  if (line.fields.dos_from?.fromClaim || line.fields.dos_to?.fromClaim) return undefined;
  const text = (name: FieldName): string | undefined => line.fields[name]?.text.trim() || undefined;

  const unitShare = unitShareOf(line, days, perDiem);
  if (unitShare === undefined) return undefined;
  const charge = text('charge');
  const charges = charge === undefined ? undefined : moneyShares(charge, days);
  if (charge !== undefined && !charges) return undefined;
  const shared: Partial<Record<FieldName, string>> = {};
  for (const name of ['ndc_qty', 'wasted_units'] as const) {
    const value = text(name);
    if (value === undefined) continue;
    const share = exactShare(value, days);
    if (share === undefined) return undefined;
    shared[name] = share;
  }
  const minutes = text('duration_min');
  if (minutes !== undefined) {
    const share = wholeShare(minutes, days);
    if (share === undefined) return undefined;
    shared.duration_min = share;
  }

  const dateStyle = styleOf(line.fields.dos_from?.text ?? '', line.fields.dos_to?.text ?? '');
  const changeFor = (i: number): LineChange => {
    const date = dateStyle(line.dosFrom! + i);
    const set: Partial<Record<FieldName, string>> = { dos_to: date, units: unitShare, ...shared };
    if (i > 0) set.dos_from = date;
    if (charges) set.charge = charges[i];
    return { set };
  };
  const copies = Array.from({ length: days - 1 }, (_, i) => changeFor(i + 1));
  // One plan for the line and its copies, so a column they all need is added once.
  const edits = changeLineAndInsertAfterEdits(doc, line, changeFor(0), copies);
  return edits.length > 0 ? edits : undefined;
}

/** Each date's units: 1 for a per diem billed 1 a day, else an exact equal share; undefined when neither. */
function unitShareOf(line: ServiceLine, days: number, perDiem: boolean): string | undefined {
  if (perDiem) return perDiemOneADay(line, days) ? '1' : undefined;
  const units = line.fields.units?.text.trim();
  return units ? exactShare(units, days) : undefined;
}

/** Write a day the way the file wrote dos_from: `YYYY-MM-DD`, or `MM/DD/YYYY` zero-padded or not.
 *  Whether it pads is told by a month or day under 10 (`02/…` pads, `2/…` does not), in dos_from
 *  or dos_to; 10–31 tell nothing (`2/27/2028` does not pad). Padded when nothing tells. */
function styleOf(from: string, to: string): (day: number) => string {
  const us = US_DATE.exec(from.trim());
  if (!us) return formatDay;
  const parts = [us, US_DATE.exec(to.trim())].flatMap((m) => (m ? [m[1], m[2]] : []));
  const pad = parts.some((p) => p.length === 2 && p[0] === '0') || !parts.some((p) => p.length === 1);
  return (day) => {
    const [y, m, d] = formatDay(day).split('-');
    return pad ? `${m}/${d}/${y}` : `${Number(m)}/${Number(d)}/${y}`;
  };
}
