// per-diem-without-drug: a therapy per diem is paid only on days a drug is infused, and must sit
// on the same claim as that drug (000, 001). TPN per diems include the standard formula. A supply
// the per diem includes (bundled-supply's finding: J1642, an IV solution on a day with no
// hydration per diem) and discarded drug (JW) are no drug administered.
import { isBundledSupply, isDrugLine, isFormulaIncludedPerDiem, isTherapyPerDiem } from '../codes/classes';
import type { ServiceLine } from '../model';
import type { Related, Rule } from './types';
import { formatDay, sameDayIndex, type SameDayIndex } from './util/same-day';
import { administersDrug, dayCount, daysOf, dosedDaily, notAdministered } from './util/per-diem';
import { jwModifier } from './util/jw';
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
  const sameDay = index.at(line.memberId, day);
  for (const other of sameDay) {
    if (other.uri !== undefined && other.line.claimId === line.claimId && administersDrug(other.line, sameDay)) return true;
  }
  return false;
}

/** Drug lines that administer no drug on a day (a supply the per diem includes, discarded drug),
 *  by claim (index), member and day: what the message says was billed instead. */
type NotDrugs = Map<number, Map<string, Map<number, NotDrug[]>>>;
interface NotDrug {
  readonly line: ServiceLine;
  readonly why: 'supply' | 'discarded';
}
/** Lines kept per day for the message: a day of hundreds of JW lines names a few. */
const KEPT_NOT_DRUGS = 4;

function addNotDrug(notDrugs: NotDrugs, line: ServiceLine, day: number, why: NotDrug['why']): void {
  let byMember = notDrugs.get(line.claimIndex);
  if (!byMember) notDrugs.set(line.claimIndex, (byMember = new Map()));
  let byDay = byMember.get(line.memberId);
  if (!byDay) byMember.set(line.memberId, (byDay = new Map()));
  const kept = byDay.get(day);
  if (!kept) byDay.set(day, [{ line, why }]);
  else if (kept.length < KEPT_NOT_DRUGS) kept.push({ line, why });
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
    const notDrugs: NotDrugs = new Map();
    for (const l of doc.lines) {
      if (!isDrugLine(l)) continue;
      let byMember = drugDays.get(l.claimIndex);
      if (!byMember) drugDays.set(l.claimIndex, (byMember = new Map()));
      let days = byMember.get(l.memberId);
      if (!days) byMember.set(l.memberId, (days = new Set()));
      if (l.dosFrom === undefined) continue;
      // daysOf(l), without the array.
      const last = l.dosFrom + dayCount(l) - 1;
      // Most drug lines are neither a supply nor JW: only those look at their days' lines.
      if (!isBundledSupply(l.hcpcs) && jwModifier(l) === undefined) {
        for (let day = l.dosFrom; day <= last; day++) days.add(day);
        continue;
      }
      for (let day = l.dosFrom; day <= last; day++) {
        const why = notAdministered(l, index.at(l.memberId, day));
        if (why === undefined) days.add(day);
        else addNotDrug(notDrugs, l, day, why);
      }
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
          if (other.uri === undefined && other.line.claimIndex === line.claimIndex) continue;
          if (!administersDrug(other.line, index.at(line.memberId, day))) continue;
          if (related.some((r) => r.span.start === codeSpan(other.line).start && r.uri === other.uri)) continue;
          related.push(relatedLine(other, `${other.line.hcpcs} for ${formatDay(day)} is billed on claim ${other.line.claimId || '(no claim id)'}`));
        }
      }

      const claimName = line.claimId ? `claim ${line.claimId}` : 'this claim';
      const instead = notDrugs.get(line.claimIndex)?.get(line.memberId);
      const billed = instead ? insteadOf(missing.flatMap((day) => instead.get(day) ?? [])) : '';
      const message = needed === days
        ? everyDayMessage(line, missing, claimName, related.length > 0, billed)
        : unitDaysMessage(line, days, days - missing.length, claimName, related.length > 0, billed);
      ctx.report({ span: codeSpan(line), message, line, related: related.length > 0 ? related : undefined });
    }
  },
};

const ELSEWHERE = 'the drug is billed on another claim: bill the per diem on the same claim as its drug';

/** How many codes the "only … is billed" part names. */
const LISTED_CODES = 3;

/** "J1642, a supply included in the per diem" and "J0696-JW, discarded drug not administered",
 *  for the lines of the claim's missing days that look like a drug but are none; '' when none. */
function insteadOf(found: readonly NotDrug[]): string {
  const supplies = new Set<string>();
  const discarded = new Set<string>();
  for (const f of found) {
    if (f.why === 'supply') supplies.add(f.line.hcpcs);
    else discarded.add(`${f.line.hcpcs}-JW`);
  }
  const parts: string[] = [];
  if (supplies.size > 0) parts.push(`${listCodes([...supplies])}, ${supplies.size === 1 ? 'a supply' : 'supplies'} included in the per diem`);
  if (discarded.size > 0) parts.push(`${listCodes([...discarded])}, discarded drug not administered`);
  if (parts.length === 0) return '';
  const verb = supplies.size + discarded.size === 1 ? 'is' : 'are';
  return `only ${parts.join(', and ')}, ${verb} billed`;
}

/** "J1642", "J1642 and J7050", "J1642, J7050, A4221 and 2 more". */
function listCodes(codes: readonly string[]): string {
  if (codes.length === 1) return codes[0];
  if (codes.length <= LISTED_CODES) return `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`;
  return `${codes.slice(0, LISTED_CODES).join(', ')} and ${codes.length - LISTED_CODES} more`;
}

/** A per diem billed for every day of its span, on the days with no drug. `billed`: what the
 *  claim bills on those days instead (insteadOf). */
function everyDayMessage(line: ServiceLine, missing: readonly number[], claimName: string, elsewhere: boolean, billed: string): string {
  const dates = missing.slice(0, LISTED_DAYS).map(formatDay).join(', ') +
    (missing.length > LISTED_DAYS ? ` and ${missing.length - LISTED_DAYS} more dates` : '');
  const those = missing.length === 1 ? 'that date' : 'those dates';
  const instead = billed === '' ? '' : ` (${billed} ${missing.length === 1 ? 'that day' : 'on those dates'})`;
  return elsewhere
    ? `${line.hcpcs} per diem on ${dates} has no drug on ${claimName} for ${those}${instead}; ${ELSEWHERE}`
    : `${line.hcpcs} per diem on ${dates} has no drug billed on ${claimName} for ${those}${instead}: ` +
      `a per diem is paid only on days a drug is infused; add the drug line to this claim or remove the per diem`;
}

/** A per diem billed for fewer units than its days (weekly): fewer drug days than units. */
function unitDaysMessage(line: ServiceLine, days: number, drugDays: number, claimName: string, elsewhere: boolean, billed: string): string {
  const units = `${line.units} unit${line.units === 1 ? '' : 's'}`;
  const span = `${line.hcpcs} per diem for ${units} from ${formatDay(line.dosFrom!)} to ${formatDay(line.dosFrom! + days - 1)}`;
  const instead = billed === '' ? '' : ` (${billed} ${drugDays === 0 ? 'on those dates' : 'on the others'})`;
  const found = (drugDays === 0 ? `no drug on ${claimName} on any of those dates` : `a drug on ${claimName} on only ${drugDays} of those dates`) + instead;
  return elsewhere
    ? `${span} has ${found}; ${ELSEWHERE}`
    : `${span} has ${found}: a per diem is paid only on days a drug is infused, one unit per day of therapy; ` +
      `add the drug lines to this claim or lower the units`;
}
