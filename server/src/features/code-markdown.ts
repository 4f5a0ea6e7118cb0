// Markdown entries for a code or a modifier: descriptors from the CMS code set (never typed by
// hand), the code's class (rules.md), Medicare coverage, dates, and the policy notes. Hover, the
// completion documentation and "Look Up Code…" all show these.
import {
  ANTIBIOTIC_INTERVAL_HOURS, frequencyHours, hitCategory, isBundledSupply, isCatheterCarePerDiem, isFormulaBCode,
  isFormulaIncludedPerDiem, isHitInitial, isHitSubsequent, isHydrationPerDiem, isJCode, isNocDrug, isSeparatelyBillableKit,
  isCptCode, isSterileSolution, isTherapyPerDiem, NURSING_ADDON, NURSING_PRIMARY, HIT_SUBSEQUENT, HIT_INITIAL,
} from '../codes/classes';
import { policyName } from '../codes/policies';
import type { CodeSet, HcpcsCode, ModifierInfo } from '../codes/types';
import { isoDay, validityOn, type Dated } from '../codes/validity';
import type { ServiceLine } from '../model';
import { readableMessage } from '../rules/util/readable';
import { datesOfService } from '../rules/util/same-day';
import { escapeMarkdown as md } from './markdown-escape';
import { notesForCode, notesForModifier, type PolicyNote } from './policy-notes';
import { asciiUpper } from '../parse/ascii';

/** CMS's Medicare coverage codes of the HCPCS file (the `cov` column). */
const COVERAGE: Readonly<Record<string, string>> = {
  C: 'carrier judgment',
  D: 'special coverage instructions apply',
  I: 'not payable by Medicare',
  M: 'non-covered by Medicare',
  S: 'non-covered by Medicare statute',
};

/** "Medicare coverage I: not payable by Medicare" (the meaning when CMS's letter has one). */
function coverageText(cov: string): string {
  return `Medicare coverage ${md(cov)}${COVERAGE[cov] ? `: ${COVERAGE[cov]}` : ''}`;
}

const hours = (h: number): string => (h % 24 === 0 && h > 24 ? `${h / 24} days` : `${h} hours`);

/** The code's classes (rules.md "Code classes"), one phrase each. */
export function codeClasses(code: string, line?: Pick<ServiceLine, 'frequency'>): string[] {
  const out: string[] = [];
  if (isTherapyPerDiem(code)) {
    const antibiotic = ANTIBIOTIC_INTERVAL_HOURS[code];
    const fromLine = line?.frequency ? frequencyHours(line.frequency) : undefined;
    let what = 'therapy per diem';
    if (antibiotic !== undefined) what += `, antibiotic dosing every ${hours(antibiotic)} (q${antibiotic}h)`;
    else if (fromLine !== undefined) what += `, dosing every ${hours(fromLine)} (this line's frequency ${md(line!.frequency)})`;
    if (isFormulaIncludedPerDiem(code)) what += ', TPN formula included';
    if (isHydrationPerDiem(code)) what += ', hydration';
    out.push(what);
  }
  if (isCatheterCarePerDiem(code)) out.push('catheter-care per diem');
  if (isJCode(code)) out.push(isNocDrug(code) ? 'drug, not otherwise classified (NOC): name the drug in `notes`' : 'drug (J-code)');
  if (isFormulaBCode(code)) out.push('enteral/parenteral formula (drug line)');
  if (isSterileSolution(code)) out.push('sterile solution: bundled unless a hydration per diem is billed that day');
  else if (isBundledSupply(code)) out.push('bundled supply/equipment: included in a home infusion per diem billed that day');
  if (isSeparatelyBillableKit(code)) out.push('insertion kit: billed separately from the per diem');
  if (code === NURSING_PRIMARY) out.push('nursing visit, per visit up to 2 hours');
  if (code === NURSING_ADDON) out.push(`nursing visit add-on, each additional hour (with ${NURSING_PRIMARY})`);
  const category = hitCategory(code);
  if (category) {
    const visit = isHitInitial(code)
      ? `initial visit (subsequent visits: ${HIT_SUBSEQUENT[category - 1]})`
      : isHitSubsequent(code) ? `subsequent visit (first visit: ${HIT_INITIAL[category - 1]})` : '';
    out.push(`Medicare home infusion therapy (HIT) professional services G-code, payment category ${category}, ${visit}`);
  }
  return out;
}

export function quoteMarkdown(n: PolicyNote): string {
  return `- ${n.note} _“${n.quote.replace(/\s+/g, ' ')}”_ — ${policyName(n.policy)}`;
}

function notesMarkdown(notes: readonly PolicyNote[]): string {
  return notes.length ? `**Policy notes**\n\n${notes.map(quoteMarkdown).join('\n')}` : '';
}

function datesMarkdown(d: Dated): string {
  const parts = [d.added !== undefined ? `added ${isoDay(d.added)}` : '', d.terminated !== undefined ? `terminated ${isoDay(d.terminated)}` : ''];
  return parts.filter(Boolean).join(' · ');
}

/** A warning when the lines' dates of service fall outside the code's life. */
function validityWarning(code: string, d: Dated, lines: readonly Pick<ServiceLine, 'dosFrom' | 'dosTo'>[]): string {
  const span = datesOfService(lines);
  if (!span) return '';
  const { from, to } = span;
  if (validityOn(d, from) === 'not-yet-added') {
    return `⚠️ ${code} is not valid on the date of service ${isoDay(from)}: it was added on ${isoDay(d.added!)}.`;
  }
  if (validityOn(d, to) === 'terminated') {
    return `⚠️ ${code} is not valid on the date of service ${isoDay(to)}: it was terminated on ${isoDay(d.terminated!)}.`;
  }
  return '';
}

export interface CodeContext {
  /** The line the code sits on: its dates and frequency refine the entry. */
  readonly line?: ServiceLine;
  /** A JSON claim-level value: every line that reads it (`line` is the first). The code's dates
   *  are checked against all of theirs, not only the first line's. */
  readonly lines?: readonly ServiceLine[];
  /** The line's payer (or the default payer). */
  readonly payer?: string;
}

const linesOf = (ctx: CodeContext): readonly ServiceLine[] => ctx.lines ?? (ctx.line ? [ctx.line] : []);

/** The full markdown entry of a code (hover, lookup). */
export function codeMarkdown(codes: CodeSet, code: string, ctx: CodeContext = {}): string {
  const c = asciiUpper(code.trim());
  const entry = codes.code(c);
  const parts: string[] = [];
  if (entry) {
    // CMS's descriptors as text: M1007's long one starts `>=50%`, no blockquote.
    parts.push(`**${md(entry.code)}** · ${md(entry.short)}`, md(entry.long));
  } else {
    // What was typed, cut short as a diagnostic's message is (a cell can hold a megabyte).
    parts.push(`**${md(readableMessage(c))}**`, /^[A-Z]\d{4}$/.test(c)
      ? `Not in the CMS HCPCS Level II code set (${codes.quarter}): check the code.`
      : isCptCode(c)
        // CPT descriptors are the AMA's: only the policies' own words for 99601/99602 are shipped.
        ? 'CPT code (AMA): its descriptor is not shipped with this extension (only 99601 and 99602, from the policies). The code is not checked against the CPT list.'
        : 'No description: not a HCPCS Level II code of the CMS code set.');
  }
  const classes = codeClasses(c, ctx.line);
  if (classes.length) parts.push(`Class: ${classes.join('; ')}`);
  if (entry) parts.push(entryFacts(codes, entry));
  if (entry) parts.push(validityWarning(c, entry, linesOf(ctx)));
  if (ctx.payer === 'medicare' && (isTherapyPerDiem(c) || isCatheterCarePerDiem(c))) {
    parts.push('⚠️ The payer is Medicare, which does not pay S-code per diems. For a drug of its home infusion benefit (infused through a DME pump), bill the HIT professional services G-codes (G0068–G0070, initial visit G0088–G0090); for another drug (e.g. an antibiotic), 99601/99602 for the Medicare denial.');
  }
  parts.push(notesMarkdown(notesForCode(c)));
  return parts.filter(Boolean).join('\n\n');
}

function entryFacts(codes: CodeSet, entry: HcpcsCode): string {
  const facts: string[] = [];
  if (entry.policy) {
    const label = entry.labelPolicy && entry.labelPolicy !== entry.policy ? `, labelled in those of ${policyName(entry.labelPolicy)}` : '';
    facts.push(`CPT code, described in the words of ${policyName(entry.policy)}${label} (CPT descriptors are AMA copyright)`);
  } else {
    facts.push(coverageText(entry.cov));
    const dates = datesMarkdown(entry);
    if (dates) facts.push(dates);
  }
  const ndcs = codes.ndcsForCode(entry.code);
  if (ndcs.length) {
    const dosages = [...new Set(ndcs.map((n) => n.dosage))];
    facts.push(`billing unit ${md(dosages.join(' / '))}; ${ndcs.length} NDC${ndcs.length === 1 ? '' : 's'} in the ASP crosswalk`);
  }
  if (!entry.policy) facts.push(`CMS HCPCS ${codes.quarter}`);
  return facts.join(' · ');
}

/** The full markdown entry of a modifier. */
export function modifierMarkdown(codes: CodeSet, code: string, ctx: CodeContext = {}): string {
  const c = asciiUpper(code.trim());
  const m: ModifierInfo | undefined = codes.modifier(c);
  const parts: string[] = m
    ? [`**${md(m.code)}** (modifier) · ${md(m.short)}`, md(m.long)]
    : [`**${md(readableMessage(c))}** (modifier)`, /^\d{2}$/.test(c)
      // Two digits: a CPT modifier (25, 59, 76 …), whose descriptors are the AMA's.
      ? 'CPT modifier (AMA): its descriptor is not shipped with this extension; the CMS HCPCS Level II modifier list does not include it.'
      : `Not in the CMS HCPCS Level II modifier list (${codes.quarter}).`];
  if (m) {
    const facts = [m.cov ? coverageText(m.cov) : '', datesMarkdown(m), `CMS HCPCS ${codes.quarter}`];
    parts.push(facts.filter(Boolean).join(' · '));
    parts.push(validityWarning(c, m, linesOf(ctx)));
  }
  parts.push(notesMarkdown(notesForModifier(c)));
  return parts.filter(Boolean).join('\n\n');
}

/** The entry of a code or modifier the code set knows (hover, completion documentation, lookup);
 *  undefined for one it does not. */
export function knownEntryMarkdown(codes: CodeSet, kind: 'code' | 'modifier', label: string, ctx: CodeContext = {}): string | undefined {
  if (kind === 'modifier') return codes.modifier(label) ? modifierMarkdown(codes, label, ctx) : undefined;
  return codes.code(label) ? codeMarkdown(codes, label, ctx) : undefined;
}
