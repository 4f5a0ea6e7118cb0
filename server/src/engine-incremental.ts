// Linting an edit incrementally: re-read only the changed rows (parse/csv-incremental.ts) and re-run
// each rule only for the lines the edit can affect, as the rule's `meta.scope` says (the changed
// lines and those sharing their claim or member); every other finding is the previous one, moved
// by the edit. The result is identical to a fresh lintText of the new text (findings, order, and
// the fixes they offer): test/engine/incremental.test.ts checks that over random edits.
// JSON documents, and edits that touch the CSV header, are linted in full.
import { subDocument } from './doc-view';
import { byPosition, lintText, runRule, severityOf, type LintResult } from './engine';
import type { ClaimDocument, ServiceLine, Span } from './model';
import { rereadCsv, textChange, type TextChange } from './parse/csv-incremental';
import { RULES } from './rules';
import type { Finding, Fix, LintOptions, Related, Rule, RuleScope } from './rules/types';
import type { CodeSet } from './codes/types';
import { loadCodeSet } from './codes/codeset';

/** When an edit changes more lines than this share of the file, a full lint is as quick. */
const MAX_CHANGED_SHARE = 0.25;

/** What an edit did to the lines. */
interface LineChanges {
  readonly prev: ClaimDocument;
  readonly doc: ClaimDocument;
  readonly change: TextChange;
  /** Per new line: the old line it was kept or copied from, -1 when read anew. */
  readonly origin: readonly number[];
  /** Per old line: the new line it became, -1 when it changed or was removed. */
  readonly kept: Int32Array;
  /** New lines read anew. */
  readonly added: readonly number[];
  /** Claim ids and member ids of the changed lines, before and after the edit ('' excluded). */
  readonly claims: ReadonlySet<string>;
  readonly members: ReadonlySet<string>;
}

const usesClaim = (s: RuleScope): boolean => s === 'claim' || s === 'claim-and-member';
const usesMember = (s: RuleScope): boolean => s === 'member' || s === 'claim-and-member';

/** Whether the edit can change a finding about this line (of either document) under the scope. */
function touched(c: LineChanges, line: ServiceLine, scope: RuleScope): boolean {
  return (usesClaim(scope) && line.claimId !== '' && c.claims.has(line.claimId))
    || (usesMember(scope) && line.memberId !== '' && c.members.has(line.memberId));
}

/** The lines a rule must be re-run for (targets), per scope, in one pass over the new lines. */
function targetsOf(c: LineChanges): Map<RuleScope, Uint8Array> {
  const lines = c.doc.lines;
  const n = lines.length;
  const line = new Uint8Array(n);
  for (const i of c.added) line[i] = 1;
  const claim = line.slice();
  const member = line.slice();
  const both = line.slice();
  for (let i = 0; i < n; i++) {
    const l = lines[i];
    const inClaim = l.claimId !== '' && c.claims.has(l.claimId);
    const inMember = l.memberId !== '' && c.members.has(l.memberId);
    if (inClaim) claim[i] = 1;
    if (inMember) member[i] = 1;
    if (inClaim || inMember) both[i] = 1;
  }
  return new Map<RuleScope, Uint8Array>([['line', line], ['claim', claim], ['member', member], ['claim-and-member', both]]);
}

/** The lines a rule must see to re-derive its targets' findings: the targets, and for
 *  'claim-and-member' also their claims' and members' lines. */
function contextOf(c: LineChanges, scope: RuleScope, targets: Uint8Array): ServiceLine[] {
  const lines = c.doc.lines;
  if (scope !== 'claim-and-member') return lines.filter((_, i) => targets[i] === 1);
  const claims = new Set<string>();
  const members = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    if (!targets[i]) continue;
    if (lines[i].claimId !== '') claims.add(lines[i].claimId);
    if (lines[i].memberId !== '') members.add(lines[i].memberId);
  }
  return lines.filter((l, i) => targets[i] === 1 || claims.has(l.claimId) || members.has(l.memberId));
}

function moveOffset(c: TextChange, offset: number): number {
  return offset < c.start ? offset : offset + (c.newEnd - c.oldEnd);
}

function moveSpan(c: TextChange, span: Span): Span {
  return c.newEnd === c.oldEnd || span.end < c.start ? span : { start: moveOffset(c, span.start), end: moveOffset(c, span.end) };
}

/** Which rules' findings a line's scope can be re-derived from, per document (fixes of kept findings). */
interface Refixer {
  fixesOf(rule: Rule, owner: ServiceLine, finding: Finding): readonly Fix[];
}

/**
 * Fixes of a kept finding are made for the new document, not moved: the rule is run again (on
 * first request) over the owner line's scope, and the fixes of its identical finding are taken.
 */
function refixer(doc: ClaimDocument, options: LintOptions, codes: CodeSet): Refixer {
  const runs = new Map<string, Finding[]>();
  /** The lines the rule must see to re-derive the owner's findings (its claim's and/or member's). */
  const contextOf = (scope: RuleScope, owner: ServiceLine): readonly ServiceLine[] => {
    if (scope === 'file') return doc.lines;
    const byOwnClaim = usesClaim(scope) && owner.claimId !== '';
    const byOwnMember = usesMember(scope) && owner.memberId !== '';
    if (!byOwnClaim && !byOwnMember) return [owner];
    if (!byOwnMember) return doc.lines.filter((l) => l.claimId === owner.claimId);
    if (!byOwnClaim) return doc.lines.filter((l) => l.memberId === owner.memberId);
    return doc.lines.filter((l) => l === owner || l.claimId === owner.claimId || l.memberId === owner.memberId);
  };
  /** Lines with the same context share one run. */
  const runKey = (rule: Rule, scope: RuleScope, owner: ServiceLine): string => {
    const claim = usesClaim(scope) && owner.claimId !== '' ? owner.claimId : '';
    const member = usesMember(scope) && owner.memberId !== '' ? owner.memberId : '';
    const alone = scope !== 'file' && claim === '' && member === '' ? String(owner.index) : '';
    return `${rule.meta.id}\u0000${scope}\u0000${claim}\u0000${member}\u0000${alone}`;
  };
  return {
    fixesOf(rule, owner, finding) {
      const scope = rule.meta.scope ?? 'file';
      const key = runKey(rule, scope, owner);
      let found = runs.get(key);
      if (!found) {
        const lines = contextOf(scope, owner);
        const view = lines === doc.lines ? doc : subDocument(doc, lines);
        found = runRule(rule, view, options, codes, finding.severity).findings;
        runs.set(key, found);
      }
      const same = found.find((f) => f.lineIndex === owner.index && f.span.start === finding.span.start
        && f.span.end === finding.span.end && f.message === finding.message);
      return same ? same.fixes : [];
    },
  };
}

/** A kept finding, moved by the edit; its fixes are made for the new document when asked for.
 *  (Nothing here may hold on to the previous document: kept findings would keep every earlier
 *  version of the file alive.) */
function movedFinding(change: TextChange, f: Finding, rule: Rule, owner: ServiceLine, fixer: Refixer): Finding {
  const related = change.newEnd === change.oldEnd || !f.related ? f.related
    : f.related.map((r): Related => (r.uri ? r : { ...r, span: moveSpan(change, r.span) }));
  return lazyFixes({ ruleId: f.ruleId, severity: f.severity, span: moveSpan(change, f.span), message: f.message, related, lineIndex: owner.index },
    fixer, rule, owner);
}

function lazyFixes(parts: Omit<Finding, 'fixes'>, fixer: Refixer, rule: Rule, owner: ServiceLine): Finding {
  let fixes: readonly Fix[] | undefined;
  const finding: Finding = {
    ruleId: parts.ruleId,
    severity: parts.severity,
    span: parts.span,
    message: parts.message,
    get fixes(): readonly Fix[] {
      return (fixes ??= fixer.fixesOf(rule, owner, finding));
    },
    related: parts.related,
    lineIndex: parts.lineIndex,
  };
  return finding;
}

/** The change a re-read made to the lines, or undefined when the edit must be linted in full. */
function lineChanges(prev: ClaimDocument, text: string): LineChanges | 'same' | undefined {
  if (prev.format !== 'csv') return undefined;
  const change = textChange(prev.text, text);
  if (!change) return 'same';
  const reread = rereadCsv(prev, text, change);
  if (!reread) return undefined;
  const { doc, origin } = reread;
  const kept = new Int32Array(prev.lines.length).fill(-1);
  const added: number[] = [];
  origin.forEach((o, i) => (o >= 0 ? (kept[o] = i) : added.push(i)));
  const claims = new Set<string>();
  const members = new Set<string>();
  const note = (line: ServiceLine): void => {
    if (line.claimId !== '') claims.add(line.claimId);
    if (line.memberId !== '') members.add(line.memberId);
  };
  for (const i of added) note(doc.lines[i]);
  let removed = 0;
  for (let i = 0; i < kept.length; i++) {
    if (kept[i] >= 0) continue;
    removed++;
    note(prev.lines[i]);
  }
  if (added.length + removed > MAX_CHANGED_SHARE * Math.max(doc.lines.length, prev.lines.length, 1)) return undefined;
  return { prev, doc, change, origin, kept, added, claims, members };
}

/**
 * Lint `text`, an edit of `prev`'s text, reusing `prev` where the edit changes nothing. `options`
 * must be the options `prev` was linted with (the same settings and workspace lines).
 */
export function lintEdit(prev: LintResult, text: string, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult {
  const changes = lineChanges(prev.doc, text);
  if (changes === 'same') return prev;
  if (!changes) return lintText(text, prev.doc.format, options);
  const { doc } = changes;
  const codes = loadCodeSet();
  const order = new Map<string, number>(rules.map((r, i) => [r.meta.id, i]));

  // Rules whose old findings cannot be attributed to a line (a rule that failed) run in full.
  const inFull = new Set<string>();
  for (const f of prev.findings) if (f.lineIndex === undefined) inFull.add(f.ruleId);

  const fresh: Finding[] = [];
  let targets: Map<RuleScope, Uint8Array> | undefined;
  const scopes = new Map<RuleScope, { targets: Uint8Array; view: ClaimDocument }>();
  for (const rule of rules) {
    const severity = severityOf(rule, options);
    if (!severity) continue;
    const scope = rule.meta.scope ?? 'file';
    if (scope === 'file' || inFull.has(rule.meta.id)) {
      inFull.add(rule.meta.id);
      for (const f of runRule(rule, doc, options, codes, severity).findings) fresh.push(f);
      continue;
    }
    let run = scopes.get(scope);
    if (!run) {
      targets ??= targetsOf(changes);
      const of = targets.get(scope)!;
      scopes.set(scope, (run = { targets: of, view: subDocument(doc, contextOf(changes, scope, of)) }));
    }
    if (run.view.lines.length === 0) continue;
    const { findings, failed } = runRule(rule, run.view, options, codes, severity);
    if (failed || findings.some((f) => f.lineIndex === undefined)) {
      // Cannot tell whose findings these are: this rule runs in full.
      inFull.add(rule.meta.id);
      for (const f of runRule(rule, doc, options, codes, severity).findings) fresh.push(f);
      continue;
    }
    for (const f of findings) if (run.targets[f.lineIndex!] === 1) fresh.push(f);
  }

  // The previous findings the edit cannot have changed, moved.
  const fixer = refixer(doc, options, codes);
  const kept: Finding[] = [];
  for (const f of prev.findings) {
    if (inFull.has(f.ruleId)) continue;
    const rule = rules[order.get(f.ruleId) ?? -1];
    if (!rule || !severityOf(rule, options)) continue;
    const now = changes.kept[f.lineIndex!];
    if (now < 0) continue;
    const scope = rule.meta.scope ?? 'file';
    if (scope !== 'line' && touched(changes, prev.doc.lines[f.lineIndex!], scope)) continue;
    kept.push(movedFinding(changes.change, f, rule, doc.lines[now], fixer));
  }

  // Document order as lintDocument gives it: by position, then rule order, then report order.
  const rank = (f: Finding): number => order.get(f.ruleId) ?? rules.length;
  fresh.sort((a, b) => byPosition(a, b) || rank(a) - rank(b));
  const findings: Finding[] = new Array(kept.length + fresh.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length && j < fresh.length) {
    const a = kept[i];
    const b = fresh[j];
    findings[k++] = (byPosition(a, b) || rank(a) - rank(b)) <= 0 ? (i++, a) : (j++, b);
  }
  while (i < kept.length) findings[k++] = kept[i++];
  while (j < fresh.length) findings[k++] = fresh[j++];
  return { doc, findings };
}
