// The CSV comment that turns rules off for the row below it:
//   # infusion-claims-disable-next-line ndc-missing, auth-missing -- approved by the payer 2026-03-04
// Ids are separated by commas or spaces. As in eslint, ` -- ` starts a reason, which is not read
// as ids: an analyst writes why the finding is accepted next to the ids it accepts.

const DIRECTIVE = /^#\s*infusion-claims-disable-next-line\b/;
const ID = /[^\s,]+/g;
const REASON = /(?:^|\s)--/;

export interface DisableComment {
  /** Each id as written, with its offset in the comment. */
  readonly ids: ReadonlyArray<{ readonly id: string; readonly at: number }>;
  /** Where the list of ids ends: before the reason (and the spaces before it), or the comment's end. */
  readonly idsEnd: number;
}

/** The ids of a disable comment (the row's text), or undefined when the row is another comment. */
export function readDisableComment(comment: string): DisableComment | undefined {
  const m = DIRECTIVE.exec(comment);
  if (!m) return undefined;
  const from = m[0].length;
  const reason = REASON.exec(comment.slice(from));
  let end = reason ? from + reason.index : comment.length;
  while (end > from && comment.charCodeAt(end - 1) <= 0x20) end--;
  const ids: Array<{ id: string; at: number }> = [];
  const list = comment.slice(from, end);
  for (const t of list.matchAll(ID)) ids.push({ id: t[0], at: from + t.index! });
  return { ids, idsEnd: end };
}

/** Rule ids of a disable comment, or undefined when the row is another comment. */
export function disabledIdsOf(comment: string): string[] | undefined {
  return readDisableComment(comment)?.ids.map((t) => t.id);
}

/** The ids of one text of them, separated by commas or spaces: a JSON `"lint_disable":
 *  "ndc-missing, auth-missing"` (as the parser, invalid-value and the Disable fix read it). */
export function idsOfString(text: string): string[] {
  return text.match(ID) ?? [];
}
