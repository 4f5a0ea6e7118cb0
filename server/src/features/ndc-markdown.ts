// Markdown entry of an NDC: its 11-digit billing form (000: "11 digits in a 5-4-2 format") and,
// from the CMS ASP NDC–HCPCS crosswalk, the product, its code(s) and billable units.
import { hyphenateNdc11, parseNdc, type NdcForm } from '../codes/ndc';
import type { CodeSet, CrosswalkEntry } from '../codes/types';
import type { ServiceLine } from '../model';
import type { ReadingLine } from './locate';
import { readableMessage } from '../rules/util/readable';
import { escapeMarkdown as md } from './markdown-escape';

const FORM_NOTE: Partial<Record<NdcForm, string>> = {
  '4-4-2': 'written 4-4-2: the labeler segment lacks its leading zero',
  '5-3-2': 'written 5-3-2: the product segment lacks its leading zero',
  '5-4-1': 'written 5-4-1: the package segment lacks its leading zero',
};

const num = (n: number): string => String(Number(n.toFixed(4)));

/** A value of the file as text: cut short as a diagnostic's message is (a cell can hold a
 *  megabyte), its Markdown escaped. */
const typed = (text: string): string => md(readableMessage(text));

function crosswalkTable(entries: readonly CrosswalkEntry[]): string {
  const rows = entries.map((e) =>
    `| ${md(e.hcpcs)} | ${md(e.drug)} | ${md(e.labeler)} | ${num(e.pkgSize)} × ${num(e.pkgQty)} | ${md(e.dosage)} | ${num(e.billUnits)} | ${num(e.billUnitsPkg)} |`);
  return [
    '| HCPCS | drug | labeler | package (size × items) | billing unit | units per item | units per package |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The units the crosswalk gives a line (UN: ndc_qty items × units per item), or undefined. */
function expectedUnits(entry: CrosswalkEntry, line: ServiceLine): number | undefined {
  if (line.ndcUnit !== 'UN' || line.ndcQty === undefined) return undefined;
  return Number((line.ndcQty * entry.billUnits).toFixed(4));
}

function formula(entry: CrosswalkEntry, qty: number, expected: number): string {
  return `${num(qty)} items × ${num(entry.billUnits)} units per item = **${num(expected)} units** of ${md(entry.hcpcs)}`;
}

/** What the line's units should be from the crosswalk, and whether they are. */
function unitsCheck(entry: CrosswalkEntry, line: ServiceLine): string {
  const expected = expectedUnits(entry, line);
  if (expected === undefined) return '';
  const verdict = line.units === undefined ? '' : line.units === expected ? ' (matches the line)' : `; the line bills ${num(line.units)}`;
  return `${formula(entry, line.ndcQty!, expected)}${verdict}.`;
}

/** "line 2", "lines 1 and 3", "lines 1–4, 6 and 9": runs of consecutive numbers as ranges. */
export function linesText(numbers: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    runs.push(j > i ? `${numbers[i]}–${numbers[j]}` : String(numbers[i]));
    i = j;
  }
  const list = runs.length <= 1 ? runs.join('') : `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
  return `${numbers.length === 1 ? 'line' : 'lines'} ${list}`;
}

/** Items grouped by a key, groups in the order of their first item. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** A claim-level NDC's checks, over every line that reads it: which lines bill a code the
 *  crosswalk does not list it under, and, per code and quantity, which lines' units match. */
function claimChecks(entries: readonly CrosswalkEntry[], lines: readonly ReadingLine[]): string[] {
  const out: string[] = [];
  const listed = md([...new Set(entries.map((e) => e.hcpcs))].join(', '));
  const others = lines.filter(({ line }) => line.hcpcs !== '' && !entries.some((e) => e.hcpcs === line.hcpcs));
  for (const group of groupBy(others, ({ line }) => line.hcpcs)) {
    const which = linesText(group.map((l) => l.number));
    out.push(`⚠️ ${which[0].toUpperCase()}${which.slice(1)} ${group.length === 1 ? 'bills' : 'bill'} ${typed(group[0].line.hcpcs)}, but the crosswalk lists this NDC under ${listed}.`);
  }
  const checked = lines.flatMap((l) => {
    const entry = entries.find((e) => e.hcpcs === l.line.hcpcs);
    const expected = entry && expectedUnits(entry, l.line);
    return entry && expected !== undefined ? [{ ...l, entry, expected }] : [];
  });
  for (const group of groupBy(checked, (c) => `${c.entry.hcpcs} ${c.line.ndcQty} ${c.entry.billUnits}`)) {
    const { entry, line, expected } = group[0];
    const match = group.filter((c) => c.line.units === expected).map((c) => c.number);
    const verdicts = match.length ? [`${linesText(match)} ${match.length === 1 ? 'matches' : 'match'}`] : [];
    for (const c of group) if (c.line.units !== undefined && c.line.units !== expected) verdicts.push(`${linesText([c.number])} bills ${num(c.line.units)} units`);
    out.push(`${formula(entry, line.ndcQty!, expected)}${verdicts.length ? `: ${verdicts.join('; ')}` : ''}.`);
  }
  return out;
}

/** `line`: the NDC's line. `claimLines`: a JSON claim-level NDC's, every line that reads it
 *  (each is checked, not only the first). */
export function ndcMarkdown(codes: CodeSet, text: string, line?: ServiceLine, claimLines?: readonly ReadingLine[]): string {
  const ndc = parseNdc(text);
  const parts: string[] = [];
  let entries: readonly CrosswalkEntry[] = [];
  // CMS lists products without an NDC under an alternate ID (GG100, 888867413689, EsanoAC-0101),
  // which the code set finds in any case, hyphens or not.
  const alternate = ndc.ndc11 ? [] : codes.ndc(text);
  if (alternate.length) {
    parts.push(`**${typed(text.trim())}** is a CMS alternate ID, not an NDC: the ASP crosswalk lists it for a product that has no NDC.`);
    entries = alternate;
  } else if (ndc.ndc11) {
    const note = FORM_NOTE[ndc.form];
    parts.push(`**NDC ${hyphenateNdc11(ndc.ndc11)}** (11-digit billing form${note ? `; ${note}` : ''}; digits ${ndc.ndc11})`);
    entries = codes.ndc(ndc.ndc11);
  } else if (ndc.form === '10-digit') {
    const known = codes.resolveNdc10(ndc.digits);
    parts.push(`**NDC ${ndc.digits}**: 10 digits without hyphens, so which segment lacks its leading zero is unknown.`);
    parts.push(known.length
      ? `The crosswalk knows: ${known.map((d) => `\`${hyphenateNdc11(d)}\``).join(', ')}.`
      : 'None of its three 11-digit forms is in the crosswalk: write it as printed on the package, with hyphens.');
    entries = known.flatMap((d) => codes.ndc(d));
  } else {
    parts.push(`**${typed(text.trim()) || '(empty)'}** is not an NDC form: an NDC is billed as 11 digits in 5-4-2 form (e.g. \`00143-9431-10\`).`);
  }
  if (entries.length) {
    parts.push(crosswalkTable(entries));
    if (claimLines) parts.push(...claimChecks(entries, claimLines));
    else if (line?.hcpcs && !entries.some((e) => e.hcpcs === line.hcpcs)) {
      const listed = md([...new Set(entries.map((e) => e.hcpcs))].join(', '));
      parts.push(`⚠️ The line bills ${typed(line.hcpcs)}, but the crosswalk lists this NDC under ${listed}.`);
    }
    const own = !claimLines && line && entries.find((e) => e.hcpcs === line.hcpcs);
    if (own && line) parts.push(unitsCheck(own, line));
  } else if (ndc.ndc11) {
    parts.push('Not in the CMS ASP NDC–HCPCS crosswalk: unknown, not wrong (the crosswalk lists only NDCs priced under Medicare Part B).');
  }
  parts.push(`CMS ASP NDC–HCPCS crosswalk ${codes.quarter}`);
  return parts.filter(Boolean).join('\n\n');
}
