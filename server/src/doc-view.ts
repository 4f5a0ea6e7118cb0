// Part of a document, for re-running rules on the lines an edit can affect (edits/reruns.ts, and
// edits/moved-findings.ts for a kept finding's fixes).
// A view shares the document's text, layout and problems and lists only some of its lines (in
// file order, with their own indexes); the fix primitives ask fullDocument() for facts about the
// whole file (e.g. the modifier separator the file uses), so a fix made from a view is the fix
// the whole document gives.
import type { Claim, ClaimDocument, ServiceLine } from './model';

const roots = new WeakMap<ClaimDocument, ClaimDocument>();

/** The whole document a view was made from (the document itself when it is not a view). */
export function fullDocument(doc: ClaimDocument): ClaimDocument {
  return roots.get(doc) ?? doc;
}

/** A view of `doc` with only `lines` (in file order) and the claims they belong to. */
export function subDocument(doc: ClaimDocument, lines: readonly ServiceLine[]): ClaimDocument {
  const root = fullDocument(doc);
  const claims: Claim[] = [];
  const seen = new Set<number>();
  for (const line of lines) {
    if (seen.has(line.claimIndex)) continue;
    seen.add(line.claimIndex);
    const claim = root.claims[line.claimIndex];
    if (claim) claims.push(claim);
  }
  claims.sort((a, b) => a.index - b.index);
  const view: ClaimDocument = {
    format: root.format,
    text: root.text,
    lines,
    claims,
    problems: root.problems,
    csv: root.csv,
    json: root.json,
  };
  roots.set(view, root);
  return view;
}
