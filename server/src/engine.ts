// The engine: parse text into the claim model and run the registered rules over it.
// Pure: no LSP, no file system beyond the code set. The LSP adapter and the CLI both call this.
import type { ClaimDocument, ServiceLine } from './model';
import { parseDocument, type ClaimFormat } from './parse';
import { RULES } from './rules';
import type { Finding, Fix, LintOptions, Report, Rule, RuleContext, Severity } from './rules/types';
import type { CodeSet } from './codes/types';
import { loadCodeSet } from './codes/codeset';
import { disableRuleFix } from './fixes/edit';
import { releaseSameDayIndex } from './rules/util/same-day';

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

const NO_FIXES: readonly Fix[] = [];

/** A finding's fixes: the rule's (made now when it gave a function) and "Disable <id> for this line". */
function fixesOf(doc: ClaimDocument, line: ServiceLine | undefined, id: string, given: Report['fixes']): readonly Fix[] {
  let own: readonly Fix[];
  try {
    own = typeof given === 'function' ? given() : (given ?? NO_FIXES);
  } catch {
    // A fix builder bug must not take the finding (or a code action request) down: offer no fix.
    own = NO_FIXES;
  }
  const fixes: Fix[] = [...own];
  if (line) {
    const disable = disableRuleFix(doc, line, id);
    if (disable) fixes.push(disable);
  }
  return fixes;
}

/**
 * A finding whose fixes are made on first read, then kept. Most findings of a big file are
 * never fixed: building every edit (and the disable fix) up front was most of a lint's time.
 * `fixes` is an own, enumerable getter, so spreading or serialising a finding still sees them.
 */
export function makeFinding(doc: ClaimDocument, id: string, severity: Severity, r: Report): Finding {
  const line = r.line;
  const given = r.fixes;
  let fixes: readonly Fix[] | undefined;
  return {
    ruleId: id,
    severity,
    span: r.span,
    message: r.message,
    get fixes(): readonly Fix[] {
      return (fixes ??= fixesOf(doc, line, id, given));
    },
    related: r.related,
    lineIndex: line?.index,
  };
}

/** What a rule that threw reports instead of its findings (no cell values). */
export function ruleFailure(id: string, err: unknown): Finding {
  return {
    ruleId: id,
    severity: 'info',
    span: { start: 0, end: 0 },
    message: `infusion-claims: rule ${id} failed internally (${err instanceof Error ? err.name : 'error'}); other rules still ran`,
    fixes: [],
  };
}

/** Run one rule at the given severity; its findings in the order it reported them.
 *  `failed` is set when the rule threw (its findings are then the failure finding only). */
export function runRule(
  rule: Rule, doc: ClaimDocument, options: LintOptions, codes: CodeSet, severity: Severity,
): { findings: Finding[]; failed: boolean } {
  const id = rule.meta.id;
  const findings: Finding[] = [];
  const defaultPayer = options.payer || 'commercial';
  const ctx: RuleContext = {
    doc,
    options,
    codes,
    payerOf: (line: ServiceLine) => line.payer || defaultPayer,
    report(r: Report) {
      if (r.line && r.line.disabled.size > 0 && r.line.disabled.has(id)) return;
      findings.push(makeFinding(doc, id, severity, r));
    },
  };
  try {
    rule.check(doc, ctx);
  } catch (err) {
    // A rule bug must never take the server down; report it without any cell values.
    findings.push(ruleFailure(id, err));
    return { findings, failed: true };
  }
  return { findings, failed: false };
}

/** Document order: by start, then end; ties keep rule order, then report order (stable sort). */
export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

/** Run every enabled rule over a parsed document. Findings are sorted by offset. */
export function lintDocument(doc: ClaimDocument, options: LintOptions = {}, rules: readonly Rule[] = RULES): Finding[] {
  const codes = loadCodeSet();
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, options);
    if (!severity) continue;
    for (const f of runRule(rule, doc, options, codes, severity).findings) findings.push(f);
  }
  releaseSameDayIndex(doc);
  findings.sort(byPosition);
  return findings;
}

/** Parse and lint text in one call. */
export function lintText(text: string, format: ClaimFormat, options: LintOptions = {}): LintResult {
  const doc = parseDocument(text, format);
  return { doc, findings: lintDocument(doc, options) };
}
