// Markdown entry of an NDC: its 11-digit billing form (000: "11 digits in a 5-4-2 format") and,
// from the CMS ASP NDC–HCPCS crosswalk, the product, its code(s) and billable units.
import { hyphenateNdc11, parseNdc, type NdcForm } from '../codes/ndc';
import type { CodeSet, CrosswalkEntry } from '../codes/types';
import type { ServiceLine } from '../model';
import { readableMessage } from '../rules/util/readable';

const FORM_NOTE: Partial<Record<NdcForm, string>> = {
  '4-4-2': 'written 4-4-2: the labeler segment lacks its leading zero',
  '5-3-2': 'written 5-3-2: the product segment lacks its leading zero',
  '5-4-1': 'written 5-4-1: the package segment lacks its leading zero',
};

const num = (n: number): string => String(Number(n.toFixed(4)));

function crosswalkTable(entries: readonly CrosswalkEntry[]): string {
  const rows = entries.map((e) =>
    `| ${e.hcpcs} | ${e.drug} | ${e.labeler} | ${num(e.pkgSize)} × ${num(e.pkgQty)} | ${e.dosage} | ${num(e.billUnits)} | ${num(e.billUnitsPkg)} |`);
  return [
    '| HCPCS | drug | labeler | package (size × items) | billing unit | units per item | units per package |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** What the line's units should be from the crosswalk (UN: ndc_qty items × units per item). */
function unitsCheck(entry: CrosswalkEntry, line: ServiceLine): string {
  if (line.ndcUnit !== 'UN' || line.ndcQty === undefined) return '';
  const expected = Number((line.ndcQty * entry.billUnits).toFixed(4));
  const verdict = line.units === undefined ? '' : line.units === expected ? ' (matches the line)' : `; the line bills ${num(line.units)}`;
  return `${num(line.ndcQty)} items × ${num(entry.billUnits)} units per item = **${num(expected)} units** of ${entry.hcpcs}${verdict}.`;
}

export function ndcMarkdown(codes: CodeSet, text: string, line?: ServiceLine): string {
  const ndc = parseNdc(text);
  const parts: string[] = [];
  let entries: readonly CrosswalkEntry[] = [];
  // CMS lists products without an NDC under an alternate ID (GG100, 888867413689, EsanoAC-0101),
  // which the code set finds in any case, hyphens or not.
  const alternate = ndc.ndc11 ? [] : codes.ndc(text);
  if (alternate.length) {
    parts.push(`**${text.trim()}** is a CMS alternate ID, not an NDC: the ASP crosswalk lists it for a product that has no NDC.`);
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
    parts.push(`**${readableMessage(text.trim()) || '(empty)'}** is not an NDC form: an NDC is billed as 11 digits in 5-4-2 form (e.g. \`00143-9431-10\`).`);
  }
  if (entries.length) {
    parts.push(crosswalkTable(entries));
    if (line?.hcpcs && !entries.some((e) => e.hcpcs === line.hcpcs)) {
      const listed = [...new Set(entries.map((e) => e.hcpcs))].join(', ');
      parts.push(`⚠️ The line bills ${line.hcpcs}, but the crosswalk lists this NDC under ${listed}.`);
    }
    const own = line && entries.find((e) => e.hcpcs === line.hcpcs);
    if (own && line) parts.push(unitsCheck(own, line));
  } else if (ndc.ndc11) {
    parts.push('Not in the CMS ASP NDC–HCPCS crosswalk: unknown, not wrong (the crosswalk lists only NDCs priced under Medicare Part B).');
  }
  parts.push(`CMS ASP NDC–HCPCS crosswalk ${codes.quarter}`);
  return parts.filter(Boolean).join('\n\n');
}
