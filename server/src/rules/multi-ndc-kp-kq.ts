// multi-ndc-kp-kq: a drug code repeated on one day with different NDCs is a multiple-drug
// formulation: the first line takes KP, the others KQ (000, paper claims).
import type { ServiceLine } from '../model';
import { packageKey } from '../codes/ndc-key';
import { addModifierEdits, replaceModifierEdits } from '../fixes/edit';
import { noFreeSlotNote } from './util/free-slot';
import type { Rule } from './types';
import { modifierSpan, unsafeFix } from './util/fix-list';
import { LineIssues } from './util/line-issues';
import { formatDay, sameDayIndex, type DayLine } from './util/same-day';
import { codeSpan, relatedLine } from './util/field-span';

const has = (line: ServiceLine, code: string): boolean => line.modifiers.some((m) => m.code === code);

/** Whether two lines of the day bill one code with an NDC: the test every day passes before the
 *  map of its codes is made (no allocation for the days that fail it, nearly all of them). */
function repeatsDrugCode(lines: readonly DayLine[]): boolean {
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i].line;
    if (a.ndc === '' || a.hcpcs === '') continue;
    for (let j = 0; j < i; j++) {
      const b = lines[j].line;
      if (b.ndc !== '' && b.hcpcs === a.hcpcs) return true;
    }
  }
  return false;
}

export const rule: Rule = {
  meta: {
    id: 'multi-ndc-kp-kq',
    scope: 'member-day', // findings depend on the member's lines of the same days
    defaultSeverity: 'info',
    description: 'The same drug code on several lines of one day with different NDCs needs KP on the first and KQ on the others.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'Enter modifier **KQ** (second or subsequent drug of a multiple drug unit dose formulation) to represent the second or subsequent drug formulations.',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    // One finding per line: the first day that shows its problem.
    const issues = new LineIssues();

    for (const group of sameDayIndex(doc, ctx.options).groups()) {
      if (!repeatsDrugCode(group.lines)) continue; // most days: no second line of a drug code
      // Lines of one code with an NDC; JW lines are wastage of an ingredient, not another ingredient.
      // An NDC that names no one package (`0` half-typed, `00409-65`, an ambiguous 10 digits) is
      // ndc-format's finding: it cannot tell another drug from the same one, so it makes no
      // formulation (else typing an NDC told the day's other, correct lines to add KP or KQ).
      const byCode = new Map<string, Array<{ d: DayLine; key: string }>>();
      for (const d of group.lines) {
        if (d.line.ndc === '' || d.line.hcpcs === '' || has(d.line, 'JW')) continue;
        const key = packageKey(d.line.ndc);
        if (key === undefined) continue;
        const list = byCode.get(d.line.hcpcs) ?? [];
        list.push({ d, key });
        byCode.set(d.line.hcpcs, list);
      }
      const day = formatDay(group.day);
      for (const [code, keyed] of byCode) {
        const ndcs = new Set(keyed.map((k) => k.key));
        const lines = keyed.map((k) => k.d);
        if (ndcs.size < 2) continue;
        // KP stays where it is when a line has it; otherwise the first line in file order takes it.
        const first = lines.find((d) => has(d.line, 'KP')) ?? lines[0];
        const toFirst = relatedLine(first, `${code} NDC ${first.line.ndc} is the first drug of the formulation on ${day}`);
        for (const d of lines) {
          if (d.uri !== undefined) continue;
          const line = d.line;
          if (d === first) {
            if (has(line, 'KP')) continue;
            const replace = has(line, 'KQ');
            issues.keep({
              line,
              span: replace ? modifierSpan(line, 'KQ') : codeSpan(line),
              message: `${code} is billed on ${day} with ${ndcs.size} different NDCs (a multiple-drug formulation): ` +
                `the first drug, NDC ${line.ndc}, takes KP; ${replace ? 'replace KQ with KP' : `add modifier KP${noFreeSlotNote(line, 'KP')}`}`,
              fixes: () => unsafeFix(replace ? 'Add modifier KP in place of KQ' : 'Add modifier KP',
                replace ? replaceModifierEdits(doc, line, 'KQ', 'KP') : addModifierEdits(doc, line, 'KP')),
            });
          } else {
            if (has(line, 'KQ') && !has(line, 'KP')) continue;
            const replace = has(line, 'KP');
            issues.keep({
              line,
              span: replace ? modifierSpan(line, 'KP') : codeSpan(line),
              message: `${code} NDC ${line.ndc} is a second or later drug of a multiple-drug formulation on ${day} ` +
                `(the first is NDC ${first.line.ndc}): ${replace ? 'replace KP with KQ' : `add modifier KQ${noFreeSlotNote(line, 'KQ')}`}`,
              fixes: () => unsafeFix(replace ? 'Add modifier KQ in place of KP' : 'Add modifier KQ',
                replace ? replaceModifierEdits(doc, line, 'KP', 'KQ') : addModifierEdits(doc, line, 'KQ')),
              related: [toFirst],
            });
          }
        }
      }
    }

    issues.report(ctx);
  },
};

