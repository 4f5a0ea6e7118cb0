// parse-error: the text cannot be read at that place (unbalanced quote, broken JSON, wrong cell
// count). The parsers find these problems; this rule reports them, so their severity and
// suppression work like any rule's.
import type { ClaimDocument, ParseProblem } from '../model';
import type { Rule, RuleContext } from './types';

/** Report the document's parse problems of one rule id (shared with missing-field). */
export function reportProblems(doc: ClaimDocument, ctx: RuleContext, ruleId: ParseProblem['ruleId']): void {
  for (const p of doc.problems) {
    if (p.ruleId !== ruleId) continue;
    const line = p.lineIndex === undefined ? undefined : doc.lines[p.lineIndex];
    ctx.report({ span: p.span, message: p.message, line });
  }
}

export const rule: Rule = {
  meta: {
    id: 'parse-error',
    scope: 'file', // findings depend on the parser's problems, header included
    defaultSeverity: 'error',
    description: 'The claim file cannot be read at this place (unbalanced quote, broken JSON, wrong cell count).',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'Submit all bills for home infusion on a CMS 1500 form, or its electronic equivalent.',
    },
  },
  check(doc, ctx) {
    reportProblems(doc, ctx, 'parse-error');
  },
};
