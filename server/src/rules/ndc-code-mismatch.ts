// ndc-code-mismatch: the CMS NDC–HCPCS crosswalk says which code a drug product is billed under.
// An NDC the crosswalk knows, billed under a code it does not list for it, is either the wrong
// code or the wrong NDC. An NDC missing from the crosswalk is unknown, not wrong: no finding.
// The crosswalk is one quarter's: a code it names that was not valid on the date of service
// (J3373 began 2025-07-01; vancomycin was J3370 before) is not the code to bill on that date.
import { hyphenateNdc11, toNdc11 } from '../codes/ndc';
import { validThrough } from '../codes/validity';
import { changeLineEdits, fix } from '../fixes/edit';
import type { ServiceLine } from '../model';
import type { CodeSet, CrosswalkEntry } from '../codes/types';
import { decimalText, expectedUnits } from './util/crosswalk-units';
import { orList } from './util/or-list';
import { lastWrittenDayOf } from './util/same-day';
import type { Rule } from './types';

/** The units the line takes under `code`, when the crosswalk counts them from the NDC quantity
 *  and they differ from the line's: 2 vials of vancomycin 500 mg (00409-4332-01) are 2 units of
 *  J3370 per 500 mg but 100 of J3373 per 10 mg. A code changed alone would leave the units of the
 *  old one (drug-units). */
function newUnits(codes: CodeSet, line: ServiceLine, code: string): { units: string; perItem: number } | undefined {
  const known = expectedUnits(codes, line, code);
  return known && line.fields.units && (line.units === undefined || Math.abs(known.expected - line.units) >= 1e-6)
    ? { units: decimalText(known.expected), perItem: known.perItem }
    : undefined;
}

/** "1 unit", "0.5 units", "30 units": the count as written, with its noun. */
function unitsText(units: string): string {
  return `${units} ${units === '1' ? 'unit' : 'units'}`;
}

/** "Use J3373": the code, and with it the units `newUnits` gives. */
function useCodeFix(codes: CodeSet, doc: Parameters<typeof changeLineEdits>[0], line: ServiceLine, code: string) {
  const units = newUnits(codes, line, code)?.units;
  const title = units === undefined ? `Use ${code}` : `Use ${code} with ${unitsText(units)}`;
  return fix(title, false, changeLineEdits(doc, line, { set: units === undefined ? { hcpcs: code } : { hcpcs: code, units } }));
}

/** What to do, with the units the code change brings: the analyst sees the units change before
 *  taking it (they come from ndc_qty, which may disagree with the units billed under the old code). */
function useCode(codes: CodeSet, line: ServiceLine, code: string): string {
  const change = newUnits(codes, line, code);
  if (!change) return `use ${code} or check the NDC`;
  const billed = line.units === undefined ? '' : `; the line bills ${unitsText(decimalText(line.units))} of ${line.hcpcs}`;
  return `use ${code} with ${unitsText(change.units)} (ndc_qty ${decimalText(line.ndcQty!)} × ${unitsText(decimalText(change.perItem))} of ${code} per item${billed}), or check the NDC and units`;
}

/** Whether the crosswalk rows name the code (asked for every drug line: a loop, no closure). */
function listsCode(entries: readonly CrosswalkEntry[], code: string): boolean {
  for (const e of entries) if (e.hcpcs === code) return true;
  return false;
}

export const rule: Rule = {
  meta: {
    id: 'ndc-code-mismatch',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'warning',
    description: 'The NDC is in the CMS NDC–HCPCS crosswalk under other codes than the one billed.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'For each drug submit the appropriate HCPCS code in addition to the:',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      if (line.ndc === '' || line.hcpcs === '') continue;
      const ndc11 = toNdc11(line.ndc);
      if (!ndc11) continue;
      const entries = ctx.codes.ndc(ndc11);
      if (entries.length === 0 || listsCode(entries, line.hcpcs)) continue;
      const codeField = line.fields.hcpcs;
      if (!codeField) continue;
      const to = line.dosFrom === undefined ? undefined : lastWrittenDayOf(line.dosFrom, line.dosTo);
      const codes = [...new Set(entries.map((e) => e.hcpcs))].filter((code) => {
        const info = ctx.codes.code(code);
        return !info || validThrough(info, line.dosFrom, to);
      });
      // None of the crosswalk's codes existed then: it cannot say what that date's code was.
      if (codes.length === 0) continue;
      const product = `${entries[0].drug}, ${entries[0].labeler}`;
      const message = `NDC ${hyphenateNdc11(ndc11)} (${product}) is billed under ${orList(codes)} in the CMS crosswalk, not ${line.hcpcs}: ` +
        (codes.length === 1 ? useCode(ctx.codes, line, codes[0]) : 'use the code that matches the dose given, or check the NDC');
      const fixes = codes.length === 1
        ? () => [useCodeFix(ctx.codes, doc, line, codes[0])]
        : [];
      ctx.report({ span: codeField.span, line, message, fixes });
    }
  },
};
