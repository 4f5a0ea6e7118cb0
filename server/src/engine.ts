// The engine: parse text into the claim model and run the registered rules over it.
// Pure: no LSP, no file system beyond the code set. The LSP adapter and the CLI both call this.
import type { ClaimDocument, ServiceLine } from './model';
import { parseDocument, type ClaimFormat } from './parse';
import { RULES } from './rules';
import type { Finding, Fix, LintOptions, Report, Rule, RuleContext, Severity } from './rules/types';
import { loadCodeSet } from './codes/codeset';
import { disableRuleFix } from './fixes/edit';

export interface LintResult {
  readonly doc: ClaimDocument;
  readonly findings: readonly Finding[];
}

/** The effective severity of a rule under the options, or undefined when it is off. */
export function severityOf(rule: Rule, options: LintOptions): Severity | undefined {
  const setting = options.rules?.[rule.meta.id];
  if (setting === 'off') return undefined;
  return setting ?? rule.meta.defaultSeverity;
}

/** Run every enabled rule over a parsed document. Findings are sorted by offset. */
export function lintDocument(doc: ClaimDocument, options: LintOptions = {}, rules: readonly Rule[] = RULES): Finding[] {
  const codes = loadCodeSet();
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, options);
    if (!severity) continue;
    const id = rule.meta.id;
    const ctx: RuleContext = {
      doc,
      options,
      codes,
      payerOf: (line: ServiceLine) => line.payer || options.payer || 'commercial',
      report(r: Report) {
        if (r.line?.disabled.has(id)) return;
        const fixes: Fix[] = [...(r.fixes ?? [])];
        if (r.line) {
          const disable = disableRuleFix(doc, r.line, id);
          if (disable) fixes.push(disable);
        }
        findings.push({
          ruleId: id,
          severity,
          span: r.span,
          message: r.message,
          fixes,
          related: r.related,
          lineIndex: r.line?.index,
        });
      },
    };
    try {
      rule.check(doc, ctx);
    } catch (err) {
      // A rule bug must never take the server down; report it without any cell values.
      findings.push({
        ruleId: id,
        severity: 'info',
        span: { start: 0, end: 0 },
        message: `infusion-claims: rule ${id} failed internally (${err instanceof Error ? err.name : 'error'}); other rules still ran`,
        fixes: [],
      });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return findings;
}

/** Parse and lint text in one call. */
export function lintText(text: string, format: ClaimFormat, options: LintOptions = {}): LintResult {
  const doc = parseDocument(text, format);
  return { doc, findings: lintDocument(doc, options) };
}
