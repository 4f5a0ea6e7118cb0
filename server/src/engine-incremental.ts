// Linting an edit incrementally: re-read only the changed rows (parse/csv-incremental.ts) or claim
// objects (parse/json-incremental.ts), and re-run each rule only for the lines the edit can
// affect, as the rule's `meta.scope` says: the changed lines and those sharing their claim,
// member, days or look-back (edits/line-changes.ts says which lines, edits/reruns.ts gathers
// them). Every other finding is the previous one, moved by the edit (edits/moved-findings.ts).
// The result is identical to a fresh lintText of the new text (findings, order, and the fixes
// they offer): test/engine/incremental.test.ts checks that over random edits. Edits that touch
// the CSV header, or that leave a JSON claims list not well-formed, are linted in full.
import { byPosition, lintText, runRule, severityOf, type LintResult } from './engine';
import { scopeOf } from './engine-parts';
import { lineChanges } from './edits/line-changes';
import { movedFinding, movedPlaces, refixer, type MovedPlaces } from './edits/moved-findings';
import { Reruns } from './edits/reruns';
import type { TextChange } from './parse/reread';
import { RULES } from './rules';
import type { Finding, LintOptions, Rule } from './rules/types';
import { loadCodeSet } from './codes/codeset';

/** The result of linting an edit: what lintText gives, and which previous finding each finding is
 *  (moved), so the LSP adapter can reuse what it made of it. */
export interface EditResult extends LintResult {
  /** Per finding: the index of the previous finding it is, moved by the edit; -1 for a finding
   *  made anew. Absent when the edit was linted in full. */
  readonly movedFrom?: Int32Array;
  /** The edit, when the result was made incrementally. */
  readonly change?: TextChange;
}

/**
 * Lint `text`, an edit of `prev`'s text, reusing `prev` where the edit changes nothing. `options`
 * must be the options `prev` was linted with (the same settings and workspace lines).
 */
export function lintEdit(prev: LintResult, text: string, options: LintOptions = {}, rules: readonly Rule[] = RULES): EditResult {
  return lintEditIncrementally(prev, text, options, rules) ?? lintText(text, prev.doc.format, options, rules);
}

/**
 * lintEdit when the edit can be linted incrementally; undefined when it must be linted in full (a
 * change to the CSV header, a JSON edit outside one claim object or leaving it not well-formed, a
 * big share of the lines changed), which the server
 * does a step at a time for a big text (lsp/analysis.ts).
 */
export function lintEditIncrementally(prev: LintResult, text: string, options: LintOptions = {}, rules: readonly Rule[] = RULES): EditResult | undefined {
  let places: MovedPlaces = { spans: [], related: [] };
  const changes = lineChanges(prev.doc, text, (change) => { places = movedPlaces(change, prev.findings); });
  if (changes === 'same') return { doc: prev.doc, findings: prev.findings, movedFrom: Int32Array.from(prev.findings, (_, i) => i), change: { start: 0, oldEnd: 0, newEnd: 0 } };
  if (!changes) return undefined;
  const { doc } = changes;
  const codes = loadCodeSet();
  const order = new Map<string, number>(rules.map((r, i) => [r.meta.id, i]));

  // Rules whose old findings cannot be attributed to a line (a rule that failed) run in full.
  const inFull = new Set<string>();
  for (const f of prev.findings) if (f.lineIndex === undefined) inFull.add(f.ruleId);

  const fresh: Finding[] = [];
  let scopes: Reruns | undefined;
  for (const rule of rules) {
    const severity = severityOf(rule, options);
    if (!severity) continue;
    const scope = scopeOf(rule);
    if (scope === 'file' || inFull.has(rule.meta.id)) {
      inFull.add(rule.meta.id);
      for (const f of runRule(rule, doc, options, codes, severity).findings) fresh.push(f);
      continue;
    }
    const run = (scopes ??= new Reruns(changes)).get(rule);
    if (run.view.lines.length === 0) continue;
    const { findings, failed } = runRule(rule, run.view, options, codes, severity);
    if (failed || findings.some((f) => f.lineIndex === undefined)) {
      // Cannot tell whose findings these are: this rule runs in full.
      inFull.add(rule.meta.id);
      for (const f of runRule(rule, doc, options, codes, severity).findings) fresh.push(f);
      continue;
    }
    for (const f of findings) if (run.targets.has(f.lineIndex!)) fresh.push(f);
  }

  // The previous findings the edit cannot have changed, moved.
  const fixer = refixer(doc, options, codes);
  const kept: Finding[] = [];
  const keptFrom: number[] = [];
  prev.findings.forEach((f, i) => {
    if (inFull.has(f.ruleId)) return;
    const rule = rules[order.get(f.ruleId) ?? -1];
    if (!rule || !severityOf(rule, options)) return;
    const now = changes.newIndexOf(f.lineIndex!);
    if (now < 0) return;
    const scope = scopeOf(rule);
    if (scope !== 'line' && changes.touched(prev.doc.lines[f.lineIndex!], rule)) return;
    // A JSON line re-run with its claim object's new lines (Reruns, withClaimObjects).
    if (scope === 'line' && doc.format === 'json' && scopes?.get(rule).targets.has(now)) return;
    kept.push(movedFinding(f, places, i, rule, doc.lines[now], fixer));
    keptFrom.push(i);
  });

  // Document order as lintDocument gives it: by position, then rule order, then report order.
  const rank = (f: Finding): number => order.get(f.ruleId) ?? rules.length;
  fresh.sort((a, b) => byPosition(a, b) || rank(a) - rank(b));
  const n = kept.length + fresh.length;
  const findings: Finding[] = new Array(n);
  const movedFrom = new Int32Array(n);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    if (j >= fresh.length || (i < kept.length && (byPosition(kept[i], fresh[j]) || rank(kept[i]) - rank(fresh[j])) <= 0)) {
      movedFrom[k] = keptFrom[i];
      findings[k] = kept[i++];
    } else {
      movedFrom[k] = -1;
      findings[k] = fresh[j++];
    }
  }
  return { doc, findings, movedFrom, change: changes.change };
}
