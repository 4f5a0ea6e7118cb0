// parse-error and missing-field: the parsers find these problems while reading the text; the
// rules only report them, so their severity and suppression work like any rule's.
import type { ParseProblem } from '../../model';
import { isNotUtf8Message } from '../../parse/not-utf8';
import type { LintOptions, Rule, RuleMeta } from '../types';

/** Whether a parse problem stands: not a U+FFFD read as bytes that were not UTF-8 in a text whose
 *  bytes were (options.validUtf8). */
export function problemStands(p: ParseProblem, options: LintOptions | undefined): boolean {
  return !(options?.validUtf8 === true && isNotUtf8Message(p.message));
}

/** A rule that reports the document's parse problems carrying its id. */
export function parseProblemRule(meta: RuleMeta & { readonly id: ParseProblem['ruleId'] }): Rule {
  return {
    meta,
    check(doc, ctx) {
      for (const p of doc.problems) {
        if (p.ruleId !== meta.id || !problemStands(p, ctx.options)) continue;
        const line = p.lineIndex === undefined ? undefined : doc.lines[p.lineIndex];
        ctx.report({ span: p.span, message: p.message, line });
      }
    },
  };
}
