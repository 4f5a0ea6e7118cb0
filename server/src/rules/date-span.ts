// date-span: "itemize each date of service on a separate claim line" (000). A line whose dos_to
// is after dos_from is itemized into one line per date: this line keeps the first date and
// copies for the later dates are inserted right after it (an initial-visit HIT G-code becomes
// the subsequent-visit code on them: 004, question 24).
import type { FieldName, ServiceLine } from '../model';
import { hitSubsequentFor, isCatheterCarePerDiem, isTherapyPerDiem } from '../codes/classes';
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
      const shares = sharesOf(line, days, perDiem);
      const fixes = (): Fix[] => {
        const edits = itemizeEdits(doc, line, days, shares);
        return edits ? [fix('Itemize dates of service', false, edits)] : [];
      };
      const what = line.hcpcs || 'This line';
      ctx.report({
        span: to.span,
        line,
        message: `${what} covers ${formatDay(line.dosFrom)} to ${formatDay(line.dosTo)} (${days} dates of service) on one line: ` +
          `itemize each date of service on its own line` +
          hitNote(line, days) +
          byHandNote(line, days, perDiem, shares),
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

/** The line's amounts divided over its dates, and what cannot be divided. */
interface Shares {
  /** Every amount divides: the itemize fix can be offered. */
  readonly divisible: boolean;
  /** Each date's units. */
  readonly units?: string;
  /** The charge to divide into whole cents (moneyShares), when the line has one. */
  readonly charge?: string;
  /** ndc_qty, wasted_units, duration_min: the same share on every date. */
  readonly shared: Partial<Record<FieldName, string>>;
  /** Readable amounts that do not divide, as written ("units 3", "ndc_qty 1"), in field order. */
  readonly uneven: readonly string[];
  /** A readable charge with more than cents ("96.001"): it cannot be shared out in cents. */
  readonly subCent?: string;
}

/** Per field: its value as read (undefined when unreadable) and how it divides. */
const AMOUNTS: readonly [FieldName, (line: ServiceLine) => number | undefined, (text: string, n: number) => string | undefined][] = [
  ['ndc_qty', (l) => l.ndcQty, exactShare],
  ['wasted_units', (l) => l.wastedUnits, wholeShare],
  ['duration_min', (l) => l.durationMin, wholeShare],
];

/**
 * Divide the line's amounts over its dates. Units are billing units, whole numbers: a per diem
 * gets 1 a day (only when its units are its days), other lines a whole equal share (3 over 2
 * dates would bill 1.5 a date; 1.5 over 3, 0.5 a date). wasted_units likewise (they become a JW
 * line's units), and duration_min in whole minutes (each date is a visit or infusion of its own:
 * the whole length on every copy would bill more HIT units and 99602 hours). charge: whole cents
 * that add up to the original. ndc_qty: an exact equal share (2.5 ML is a quantity). An amount
 * that cannot be read is not divided, and not named: invalid-value or missing-field says so.
 */
function sharesOf(line: ServiceLine, days: number, perDiem: boolean): Shares {
  const text = (name: FieldName): string | undefined => line.fields[name]?.text.trim() || undefined;
  const uneven: string[] = [];
  const shared: Partial<Record<FieldName, string>> = {};
  let divisible = true;

  let units: string | undefined;
  if (perDiem) units = perDiemOneADay(line, days) ? '1' : undefined;
  else {
    const written = text('units');
    units = written === undefined ? undefined : wholeShare(written, days);
    if (written !== undefined && units === undefined && line.units !== undefined) uneven.push(`units ${written}`);
  }
  if (units === undefined) divisible = false;

  // Cents divide over any number of dates; the shares are made by the fix (a span of years
  // is reported with no fix, and should not cost an array of its days here).
  const charge = text('charge');
  let subCent: string | undefined;
  if (charge !== undefined && moneyShares(charge, 1) === undefined) {
    divisible = false;
    if (line.charge !== undefined) subCent = charge;
  }

  for (const [name, value, share] of AMOUNTS) {
    const written = text(name);
    if (written === undefined) continue;
    const each = share(written, days);
    if (each !== undefined) {
      shared[name] = each;
      continue;
    }
    divisible = false;
    if (value(line) !== undefined) uneven.push(`${name} ${written}`);
  }
  return { divisible, units, charge, shared, uneven, subCent };
}

/** Why the fix cannot itemize the line's amounts, for the message; '' when it can. */
function byHandNote(line: ServiceLine, days: number, perDiem: boolean, shares: Shares): string {
  if (perDiem && !perDiemOneADay(line, days)) {
    const units = line.fields.units?.text.trim();
    const billed = units ? `per diem units ${units} are` : 'a per diem with no units is';
    return ` (${billed} not 1 a date over ${days} dates: itemize the days of therapy by hand)`;
  }
  const { uneven, subCent } = shares;
  if (uneven.length === 0 && subCent === undefined) return '';
  const parts: string[] = [];
  if (uneven.length > 0) {
    // "units" and "wasted_units" read as plurals; ndc_qty and duration_min as one amount.
    const plural = uneven.length > 1 || /^(units|wasted_units) /.test(uneven[0]);
    const named = uneven.length === 1 ? uneven[0] : `${uneven.slice(0, -1).join(', ')} and ${uneven[uneven.length - 1]}`;
    parts.push(`${named} ${plural ? 'do' : 'does'} not divide evenly over ${days} dates`);
  }
  if (subCent !== undefined) parts.push(`charge ${subCent} is not in whole cents`);
  return ` (${parts.join('; ')}: split ${uneven.length + (subCent === undefined ? 0 : 1) > 1 || /^(units|wasted_units) /.test(uneven[0] ?? '') ? 'them' : 'it'} by hand)`;
}

/**
 * An initial-visit HIT G-code is the initial visit on the first date only: on the later dates
 * the same code would be an initial visit 1, 2, … days after one, which Medicare rejects (004,
 * question 24: any HIT G-code in the 60 days before). Those dates bill the subsequent-visit code.
 */
function hitNote(line: ServiceLine, days: number): string {
  const subsequent = hitSubsequentFor(line.hcpcs);
  if (!subsequent || line.dosFrom === undefined) return '';
  const later = days === 2 ? formatDay(line.dosFrom + 1) : `${formatDay(line.dosFrom + 1)} to ${formatDay(line.dosFrom + days - 1)}`;
  return `, the initial visit ${line.hcpcs} on ${formatDay(line.dosFrom)} only and subsequent-visit code ${subsequent} on ${later}`;
}

/**
 * The itemize fix's edits, or undefined when the amounts cannot be divided (sharesOf). The
 * line keeps the first date; the copies for the later dates are inserted right after it, an
 * initial-visit HIT G-code becoming its subsequent-visit code on them (hitNote).
 */
function itemizeEdits(doc: Parameters<typeof changeLineEdits>[0], line: ServiceLine, days: number, shares: Shares) {
  if (days > MAX_ITEMIZED_DAYS || line.dosFrom === undefined || !shares.divisible) return undefined;
  // Dates inherited from the JSON claim object are shared with its other lines: leave them to a person.
  if (line.fields.dos_from?.fromClaim || line.fields.dos_to?.fromClaim) return undefined;
  const { units, charge, shared } = shares;
  const charges = charge === undefined ? undefined : moneyShares(charge, days);
  if (charge !== undefined && !charges) return undefined;
  const subsequent = hitSubsequentFor(line.hcpcs);

  const dateStyle = styleOf(line.fields.dos_from?.text ?? '', line.fields.dos_to?.text ?? '');
  const changeFor = (i: number): LineChange => {
    const date = dateStyle(line.dosFrom! + i);
    const set: Partial<Record<FieldName, string>> = { dos_to: date, units, ...shared };
    if (i > 0) set.dos_from = date;
    if (i > 0 && subsequent) set.hcpcs = subsequent;
    if (charges) set.charge = charges[i];
    return { set };
  };
  const copies = Array.from({ length: days - 1 }, (_, i) => changeFor(i + 1));
  // One plan for the line and its copies, so a column they all need is added once.
  const edits = changeLineAndInsertAfterEdits(doc, line, changeFor(0), copies);
  return edits.length > 0 ? edits : undefined;
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
