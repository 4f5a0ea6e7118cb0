// Code actions from the findings behind the diagnostics (never from message text):
// one `quickfix` per fix of the finding, and `source.fixAll.infusionClaims` with every SAFE fix.
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { nonOverlappingEdits } from '../fixes/apply';
import type { Finding, TextEdit } from '../rules/types';
import type { Analysis } from './analysis';
import { isDiagnosticData, notAfter, sameRange, toLspEdit, type Positions } from './convert';
import { FIX_ALL_KIND, SOURCE } from './protocol';

export interface EditSupport {
  /** The client takes versioned `documentChanges` (edits are dropped if the text moved on). */
  readonly documentChanges: boolean;
}

/** Whether a requested `only` list asks for actions of this kind (kinds are dot-separated scopes). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => o === '' || kind === o || kind.startsWith(`${o}.`));
}

function workspaceEdit(a: Analysis, pos: Positions, edits: readonly TextEdit[], support: EditSupport): WorkspaceEdit {
  const lspEdits = edits.map((e) => toLspEdit(pos, e));
  return support.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: a.uri, version: a.version }, lspEdits)] }
    : { changes: { [a.uri]: lspEdits } };
}

/** The finding a diagnostic was published for: the one at its `data.index` when that finding has
 *  the diagnostic's rule and range. A diagnostic of an older version (or one whose `data` the
 *  client dropped) is matched to the current finding of the same rule at the same range. */
export function findingOf(a: Analysis, d: Diagnostic): Finding | undefined {
  if (isDiagnosticData(d.data)) {
    const i = d.data.index;
    const f = a.findings[i];
    const published = a.diagnostics[i];
    if (f && published && f.ruleId === d.code && sameRange(published.range, d.range)) return f;
  }
  const i = a.diagnostics.findIndex((pd) => pd !== undefined && pd.code === d.code && sameRange(pd.range, d.range));
  return i >= 0 ? a.findings[i] : undefined;
}

function overlaps(r: Range, s: Range): boolean {
  return notAfter(r.start, s.end) && notAfter(s.start, r.end);
}

function isDisableFix(title: string): boolean {
  return title.startsWith('Disable ');
}

/**
 * Quick fixes answered for one request at most. A selection over a whole broken file (Select All,
 * then Ctrl+.) held 25,000 and took about a second to answer, past what an editor waits for; no
 * menu shows that many. The first ones in the file are given; the fix-all action still has all.
 */
export const MAX_QUICK_FIXES = 1000;

function quickFixes(a: Analysis, pos: Positions, params: CodeActionParams, support: EditSupport): CodeAction[] {
  let pairs: Array<[Diagnostic, Finding]> = [];
  for (const d of params.context.diagnostics) {
    if (d.source !== undefined && d.source !== SOURCE) continue;
    const f = findingOf(a, d);
    if (f) pairs.push([d, f]);
  }
  // Clients that send no diagnostics with the request: the findings under the cursor/selection.
  if (params.context.diagnostics.length === 0) {
    pairs = a.diagnostics.flatMap((d, i) => (d && overlaps(d.range, params.range) ? [[d, a.findings[i]] as [Diagnostic, Finding]] : []));
  }
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const [diagnostic, finding] of pairs) {
    if (actions.length >= MAX_QUICK_FIXES) break;
    let preferredGiven = false;
    for (const fix of finding.fixes) {
      if (actions.length >= MAX_QUICK_FIXES) break;
      const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
      if (seen.has(key) || fix.edits.length === 0) continue;
      seen.add(key);
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(a, pos, fix.edits, support),
      };
      // The first real fix is the preferred one; silencing the rule never is.
      if (!preferredGiven && !isDisableFix(fix.title)) {
        action.isPreferred = true;
        preferredGiven = true;
      }
      actions.push(action);
    }
  }
  return actions;
}

/** Every safe fix of the document that does not overlap an earlier one, as one action. */
export function fixAllAction(a: Analysis, pos: Positions, support: EditSupport): CodeAction | undefined {
  const safe = a.findings.flatMap((f) => f.fixes.filter((x) => x.safe));
  const edits = nonOverlappingEdits(safe);
  if (edits.length === 0) return undefined;
  // Every safe fix, also of findings not shown (maxNumberOfProblems); the diagnostics it resolves
  // are those the client has.
  const fixed = a.diagnostics.filter((d, i): d is Diagnostic => d !== undefined && a.findings[i].fixes.some((x) => x.safe));
  return {
    title: 'Fix all safe infusion-claims problems',
    kind: FIX_ALL_KIND,
    diagnostics: fixed,
    edit: workspaceEdit(a, pos, edits, support),
  };
}

export function codeActions(a: Analysis, pos: Positions, params: CodeActionParams, support: EditSupport): CodeAction[] {
  const only = params.context.only;
  const actions = wants(only, CodeActionKind.QuickFix) ? quickFixes(a, pos, params, support) : [];
  if (wants(only, FIX_ALL_KIND)) {
    const all = fixAllAction(a, pos, support);
    if (all) actions.push(all);
  }
  return actions;
}
