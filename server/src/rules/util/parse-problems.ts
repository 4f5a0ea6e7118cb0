// parse-error and missing-field: the parsers find these problems while reading the text; the
// rules only report them, so their severity and suppression work like any rule's.
import type { ParseProblem } from '../../model';
import type { Rule, RuleMeta } from '../types';

/** A rule that reports the document's parse problems carrying its id. */
export function parseProblemRule(meta: RuleMeta & { readonly id: ParseProblem['ruleId'] }): Rule {
  return {
    meta,
    check(doc, ctx) {
      for (const p of doc.problems) {
        if (p.ruleId !== meta.id) continue;
        const line = p.lineIndex === undefined ? undefined : doc.lines[p.lineIndex];
        ctx.report({ span: p.span, message: p.message, line });
      }
    },
  };
}
