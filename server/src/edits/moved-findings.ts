// The previous findings an edit cannot have changed, kept: each moved to its place in the new
// text, its fixes made for the new document (by running its rule again over the line's scope)
// only when asked for.
import { subDocument } from '../doc-view';
import { LazyFixesFinding, runRule } from '../engine';
import { scopeOf, usesClaim, usesMember } from '../engine-parts';
import type { ClaimDocument, ServiceLine, Span } from '../model';
import type { TextChange } from '../parse/reread';
import type { CodeSet } from '../codes/types';
import type { Finding, Fix, LintOptions, Related, Rule, RuleScope } from '../rules/types';

function moveOffset(c: TextChange, offset: number): number {
  return offset < c.start ? offset : offset + (c.newEnd - c.oldEnd);
}

function moveSpan(c: TextChange, span: Span): Span {
  return c.newEnd === c.oldEnd || span.end < c.start ? span : { start: moveOffset(c, span.start), end: moveOffset(c, span.end) };
}

/** Fixes of the findings about one document, made by running a rule again over a line's scope. */
export interface Refixer {
  fixesOf(rule: Rule, owner: ServiceLine, finding: Finding): readonly Fix[];
}

/**
 * Fixes of a kept finding are made for the new document, not moved: the rule is run again (on
 * first request) over the owner line's scope, and the fixes of its identical finding are taken.
 */
export function refixer(doc: ClaimDocument, options: LintOptions, codes: CodeSet): Refixer {
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
      // A same-day rule re-derives a finding over the owner's member (a superset of its days): one
      // run serves every finding of the member, where a run per owner made fix-all quadratic.
      // (contextOf and runKey read a scope as the claim and/or member it uses.)
      const scope = scopeOf(rule);
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
 *  version of the file alive.) A finding kept before whose places the edit did not move (it is
 *  before the edit) is the same object, bound to the new document: a file with 50,000 findings
 *  made about half of them again on every edit. The previous result is not used after an edit is
 *  linted from it (the server answers each request from the analysis of its document's version,
 *  without waiting in between). */
export function movedFinding(f: Finding, places: MovedPlaces, i: number, rule: Rule, owner: ServiceLine, fixer: Refixer): Finding {
  const span = places.spans[i];
  const related = places.related[i];
  if (f instanceof MovedFinding && span === f.span && related === f.related && owner.index === f.lineIndex) {
    f.rebind(owner, fixer);
    return f;
  }
  return new MovedFinding(f, span, related, rule, owner, fixer);
}

/** Where the findings' spans and related spans are in the new text, by finding. (Two lists, not
 *  an object a finding: a file with 50,000 findings made them on every edit.) */
export interface MovedPlaces {
  readonly spans: readonly Span[];
  readonly related: ReadonlyArray<readonly Related[] | undefined>;
}

/** The previous findings' places moved by the edit, taken before the document is re-read: a JSON
 *  re-read moves the spans of the lines after the edit in place (json-incremental.ts), and a
 *  finding may hold one of them. */
export function movedPlaces(change: TextChange, findings: readonly Finding[]): MovedPlaces {
  const spans: Span[] = new Array(findings.length);
  const related: Array<readonly Related[] | undefined> = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    spans[i] = moveSpan(change, findings[i].span);
    related[i] = movedRelated(change, findings[i].related);
  }
  return { spans, related };
}

/** Related places moved by the edit: the same list when none moves (those before the edit, or
 *  in other files), not a copy of every one for each finding and edit. */
function movedRelated(change: TextChange, related: readonly Related[] | undefined): readonly Related[] | undefined {
  if (!related || change.newEnd === change.oldEnd) return related;
  let moved: Related[] | undefined;
  for (let k = 0; k < related.length; k++) {
    const r = related[k];
    const span = r.uri ? r.span : moveSpan(change, r.span);
    if (span === r.span) continue;
    moved ??= related.slice();
    moved[k] = { ...r, span };
  }
  return moved ?? related;
}

/** A kept finding moved by an edit: its fixes are made for the new document, from the rule's
 *  finding there, when asked for. */
class MovedFinding extends LazyFixesFinding {
  #fixer: Refixer;
  readonly #rule: Rule;
  #owner: ServiceLine;

  constructor(f: Finding, span: Span, related: readonly Related[] | undefined, rule: Rule, owner: ServiceLine, fixer: Refixer) {
    super(f.ruleId, f.severity, span, f.message, related, owner.index);
    this.#fixer = fixer;
    this.#rule = rule;
    this.#owner = owner;
  }

  protected makeFixes(): readonly Fix[] {
    return this.#fixer.fixesOf(this.#rule, this.#owner, this);
  }

  /** The same finding in the next version of the document: its fixes are made for that one. */
  rebind(owner: ServiceLine, fixer: Refixer): void {
    this.#owner = owner;
    this.#fixer = fixer;
    this.forgetFixes();
  }
}
