// Code and modifier completion items: prefix-filtered, home-infusion codes ranked first, capped
// (the client asks again as the user types). Typing words instead of a code ("vanco") searches
// the descriptors.
import {
  isBundledSupply, isCatheterCarePerDiem, isHitCode, isJCode, isNursingVisit, isSeparatelyBillableKit, isTherapyPerDiem,
} from '../codes/classes';
import { loadCodeSet } from '../codes/codeset';
import type { HcpcsCode, ModifierInfo } from '../codes/types';
import { validityNote, validThrough, type Dated } from '../codes/validity';
import { codeMarkdown, modifierMarkdown, type CodeContext } from './code-markdown';
import { MODIFIER_NOTES } from './policy-notes';
import type { CompletionEntry } from './types';

/** At most this many items per answer; more matches set isIncomplete. */
export const MAX_ITEMS = 200;

/**
 * Rank of a code among the suggestions: 0 home-infusion services (therapy and catheter-care per
 * diems, HIT G-codes, nursing visits), 1 drugs of the ASP crosswalk, 2 bundled supplies, kits and
 * other home S-codes, 3 everything else.
 */
export function codeTier(code: string, hasNdcs: boolean): number {
  if (isTherapyPerDiem(code) || isCatheterCarePerDiem(code) || isHitCode(code) || isNursingVisit(code)) return 0;
  if (isJCode(code) && hasNdcs) return 1;
  if (isBundledSupply(code) || isSeparatelyBillableKit(code) || /^S(5[45]|9[3-5])/.test(code)) return 2;
  return 3;
}

interface Ranked<T> {
  readonly entry: T;
  readonly tier: number;
  /** Lower-cased "code short long", for word search. */
  readonly words: string;
}

let rankedCodes: Ranked<HcpcsCode>[] | undefined;
let rankedModifiers: Ranked<ModifierInfo>[] | undefined;

function codesRanked(): Ranked<HcpcsCode>[] {
  if (!rankedCodes) {
    const codes = loadCodeSet();
    rankedCodes = codes.allCodes().map((entry) => ({
      entry,
      tier: codeTier(entry.code, codes.ndcsForCode(entry.code).length > 0),
      words: `${entry.code} ${entry.short} ${entry.long}`.toLowerCase(),
    }));
  }
  return rankedCodes;
}

function modifiersRanked(): Ranked<ModifierInfo>[] {
  rankedModifiers ??= loadCodeSet().allModifiers().map((entry) => ({
    entry,
    tier: entry.code in MODIFIER_NOTES ? 0 : 1,
    words: `${entry.code} ${entry.short} ${entry.long}`.toLowerCase(),
  }));
  return rankedModifiers;
}

/** A code-like prefix ("", "J", "S95", "9960") filters by code; anything else searches words. */
function matcher<T extends { code: string }>(typed: string): { test: (r: Ranked<T>) => boolean; byWords: boolean } {
  const t = typed.trim();
  if (/^[A-Za-z]?\d{0,4}$/.test(t) || /^[A-Za-z0-9]{0,2}$/.test(t)) {
    const upper = t.toUpperCase();
    return { test: (r) => r.entry.code.startsWith(upper), byWords: false };
  }
  const words = t.toLowerCase().split(/\s+/).filter(Boolean);
  return { test: (r) => words.every((w) => r.words.includes(w)), byWords: true };
}

function pick<T extends { code: string }>(all: readonly Ranked<T>[], typed: string, tierOf: (r: Ranked<T>) => number) {
  const m = matcher<T>(typed);
  const hits = all.filter(m.test).map((r) => ({ r, tier: tierOf(r) }));
  hits.sort((a, b) => a.tier - b.tier || (a.r.entry.code < b.r.entry.code ? -1 : a.r.entry.code > b.r.entry.code ? 1 : 0));
  return { hits: hits.slice(0, MAX_ITEMS), isIncomplete: hits.length > MAX_ITEMS || m.byWords, byWords: m.byWords };
}

/** The dates of service an entry is judged on: the line's, or (a JSON claim-level value) the
 *  first through the last of the lines that read it; none with no line, or no dated line. */
function datesOf(ctx: CodeContext): { from?: number; to?: number } {
  let from: number | undefined;
  let to: number | undefined;
  for (const line of ctx.lines ?? (ctx.line ? [ctx.line] : [])) {
    if (line.dosFrom === undefined) continue;
    from = Math.min(from ?? line.dosFrom, line.dosFrom);
    to = Math.max(to ?? line.dosFrom, line.dosFrom);
  }
  return { from, to };
}

/**
 * The rank of a dated entry on the dates of service (9, the bottom, when it is not valid on one of
 * them) and what its detail adds: why it is not valid then, or, with no date of service to judge
 * by, the day it was terminated (ranked as usual).
 */
function dated(e: Dated, tier: number, { from, to }: { from?: number; to?: number }): { tier: number; note: string } {
  return { tier: validThrough(e, from, to) ? tier : 9, note: validityNote(e, from, to) };
}

/** `documentation: false` leaves out the markdown entries (~1.5 KB each): see completionDocumentation. */
export function codeItems(typed: string, ctx: CodeContext = {}, documentation = true): { items: CompletionEntry[]; isIncomplete: boolean } {
  const codes = loadCodeSet();
  const days = datesOf(ctx);
  // A code not valid on the line's date of service sinks to the bottom.
  const { hits, isIncomplete, byWords } = pick(codesRanked(), typed, (r) => dated(r.entry, r.tier, days).tier);
  const items = hits.map(({ r, tier }): CompletionEntry => {
    const e = r.entry;
    return {
      label: e.code,
      kind: 'code',
      detail: `${e.short}${dated(e, tier, days).note}`,
      documentation: documentation ? codeMarkdown(codes, e.code, ctx) : undefined,
      sortText: `${tier}${e.code}`,
      filterText: byWords ? `${typed.trim()} ${e.code}` : undefined,
    };
  });
  return { items, isIncomplete };
}

/** Modifiers, dated as codes are: one not valid on the line's date of service sinks, saying why. */
export function modifierItems(typed: string, ctx: CodeContext = {}, documentation = true): { items: CompletionEntry[]; isIncomplete: boolean } {
  const codes = loadCodeSet();
  const days = datesOf(ctx);
  const { hits, isIncomplete, byWords } = pick(modifiersRanked(), typed, (r) => dated(r.entry, r.tier, days).tier);
  const items = hits.map(({ r, tier }): CompletionEntry => ({
    label: r.entry.code,
    kind: 'modifier',
    detail: `${r.entry.short}${dated(r.entry, tier, days).note}`,
    documentation: documentation ? modifierMarkdown(codes, r.entry.code, ctx) : undefined,
    sortText: `${tier}${r.entry.code}`,
    filterText: byWords ? `${typed.trim()} ${r.entry.code}` : undefined,
  }));
  return { items, isIncomplete };
}
