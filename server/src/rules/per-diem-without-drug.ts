// per-diem-without-drug: a therapy per diem is paid only on days a drug is infused, and must sit
// on the same claim as that drug (000, 001). TPN per diems include the standard formula.
import { isDrugLine, isFormulaIncludedPerDiem, isTherapyPerDiem } from '../codes/classes';
import type { ServiceLine } from '../model';
import type { Related, Rule } from './types';
import { formatDay, sameDayIndex, type SameDayIndex } from './util/same-day';
import { dayCount, daysOf, dosedDaily } from './util/per-diem';
import { codeSpan, MAX_RELATED, relatedLine } from './util/field-span';

/** Every day from..to is in the set (the usual per diem: its drug is on the claim). */
function coversAll(days: ReadonlySet<number>, from: number, to: number): boolean {
  for (let day = from; day <= to; day++) if (!days.has(day)) return false;
  return true;
}

/**
 * How many of the line's `days` need a drug: every one for a per diem dosed daily, or billed for
 * as many units as days; else (weekly, every 10 days) its units, one per day of therapy (001's
 * units table: "Infusion once per week – 1 (per week)").
 */
function drugDaysNeeded(line: ServiceLine, days: number): number {
  if (dosedDaily(line) || line.units === undefined || !(line.units < days)) return days;
  return Math.ceil(line.units);
}

/** A drug line of another workspace file under the line's claim number, for its member on `day`. */
function sameClaimElsewhere(index: SameDayIndex, line: ServiceLine, day: number): boolean {
  if (line.claimId === '') return false;
  for (const other of index.at(line.memberId, day)) {
    if (other.uri !== undefined && other.line.claimId === line.claimId && isDrugLine(other.line)) return true;
  }
  return false;
}

/** How many missing dates a message lists before "and N more". */
const LISTED_DAYS = 3;

export const rule: Rule = {
  meta: {
    id: 'per-diem-without-drug',
    scope: 'member-claim-or-day', // findings depend on its member's drug lines of its claim and of its days
    defaultSeverity: 'error',
    description: 'A therapy per diem on a day with no drug line on the same claim.',
    policy: {
      seed: '001_ccf6386e4c9aa503.txt',
      quote: 'The per diem HCPCS code must be billed on the same claim as the corresponding drug for the same dates of service.',
    },
  },
  check(doc, ctx) {
    const index = sameDayIndex(doc, ctx.options);
    // Days with a drug line, per claim and member: built once, so a claim of thousands of lines stays linear.
    // By claim (index), then member: a drug given to another member billed under the same claim
    // number (exports that reuse claim numbers per patient) is not this per diem's drug. No key
    // string made per line.
    const drugDays = new Map<number, Map<string, Set<number>>>();
    for (const l of doc.lines) {
      if (!isDrugLine(l)) continue;
      let byMember = drugDays.get(l.claimIndex);
      if (!byMember) drugDays.set(l.claimIndex, (byMember = new Map()));
      let days = byMember.get(l.memberId);
      if (!days) byMember.set(l.memberId, (days = new Set()));
      if (l.dosFrom === undefined) continue;
      // daysOf(l), without the array.
      const last = l.dosFrom + dayCount(l) - 1;
      for (let day = l.dosFrom; day <= last; day++) days.add(day);
    }
    for (const line of doc.lines) {
      if (!isTherapyPerDiem(line.hcpcs) || isFormulaIncludedPerDiem(line.hcpcs)) continue;
      // Whose per diem it is, or which claim it is on, is unknown (missing-field reports the empty
      // id), as for every rule about a member's lines: the drug beside it is not "no drug". A CSV
      // row with no claim id is a claim of its own in the model, so its drug could never be found
      // (a JSON claim object without one still holds its lines together).
      if (line.memberId === '' || (line.claimId === '' && doc.format === 'csv')) continue;
      const claimDrugDays = drugDays.get(line.claimIndex)?.get(line.memberId);
      if (claimDrugDays && line.dosFrom !== undefined && coversAll(claimDrugDays, line.dosFrom, line.dosFrom + dayCount(line) - 1)) continue;
      // A drug under the same claim number in another workspace file is this claim's: an export
      // split across files (the member's, as in this file).
      const missing = daysOf(line).filter((day) => !claimDrugDays?.has(day) && !sameClaimElsewhere(index, line, day));
      const days = dayCount(line);
      const needed = drugDaysNeeded(line, days);
      if (days - missing.length >= needed) continue;

      // A drug for those dates billed elsewhere (another claim or file) is the usual cause.
      // The first few (MAX_RELATED).
      const related: Related[] = [];
      for (const day of missing) {
        for (const other of index.at(line.memberId, day)) {
          if (related.length === MAX_RELATED) break;
          if (!isDrugLine(other.line) || (other.uri === undefined && other.line.claimIndex === line.claimIndex)) continue;
          if (related.some((r) => r.span.start === codeSpan(other.line).start && r.uri === other.uri)) continue;
          related.push(relatedLine(other, `${other.line.hcpcs} for ${formatDay(day)} is billed on claim ${other.line.claimId || '(no claim id)'}`));
        }
      }

      const claimName = line.claimId ? `claim ${line.claimId}` : 'this claim';
      const message = needed === days
        ? everyDayMessage(line, missing, claimName, related.length > 0)
        : unitDaysMessage(line, days, days - missing.length, claimName, related.length > 0);
      ctx.report({ span: codeSpan(line), message, line, related: related.length > 0 ? related : undefined });
    }
  },
};

const ELSEWHERE = 'the drug is billed on another claim: bill the per diem on the same claim as its drug';

/** A per diem billed for every day of its span, on the days with no drug. */
function everyDayMessage(line: ServiceLine, missing: readonly number[], claimName: string, elsewhere: boolean): string {
  const dates = missing.slice(0, LISTED_DAYS).map(formatDay).join(', ') +
    (missing.length > LISTED_DAYS ? ` and ${missing.length - LISTED_DAYS} more dates` : '');
  const those = missing.length === 1 ? 'that date' : 'those dates';
  return elsewhere
    ? `${line.hcpcs} per diem on ${dates} has no drug on ${claimName} for ${those}; ${ELSEWHERE}`
    : `${line.hcpcs} per diem on ${dates} has no drug billed on ${claimName} for ${those}: ` +
      `a per diem is paid only on days a drug is infused; add the drug line to this claim or remove the per diem`;
}

/** A per diem billed for fewer units than its days (weekly): fewer drug days than units. */
function unitDaysMessage(line: ServiceLine, days: number, drugDays: number, claimName: string, elsewhere: boolean): string {
  const units = `${line.units} unit${line.units === 1 ? '' : 's'}`;
  const span = `${line.hcpcs} per diem for ${units} from ${formatDay(line.dosFrom!)} to ${formatDay(line.dosFrom! + days - 1)}`;
  const found = drugDays === 0 ? `no drug on ${claimName} on any of those dates` : `a drug on ${claimName} on only ${drugDays} of those dates`;
  return elsewhere
    ? `${span} has ${found}; ${ELSEWHERE}`
    : `${span} has ${found}: a per diem is paid only on days a drug is infused, one unit per day of therapy; ` +
      `add the drug lines to this claim or lower the units`;
}
