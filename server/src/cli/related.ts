// Related places of a finding in the CLI's reports: the line the finding points at as well (the
// primary per diem, the earlier HIT visit), in this file or, with --workspace, in another one.
// The engine gives offsets (and the other file's path as its `uri`); the reports give lines.
import { readFileText } from '../workspace/file-text';
import type { Span } from '../model';
import type { Related } from '../rules/types';
import { LineIndex, type LineCol } from './line-index';

export interface LocatedRelated {
  readonly message: string;
  /** Another file's path, as the run names it; absent for the finding's own file. */
  readonly file?: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Line indexes of the other files named by related places, read once per run (and thread). */
const otherFiles = new Map<string, LineIndex | undefined>();

/** Read the other files again at their next related place: they were rewritten (--workspace
 *  --fix fixes every file before the report, and a fix moves the lines after it). */
export function forgetOtherFiles(): void {
  otherFiles.clear();
}

function indexOf(file: string): LineIndex | undefined {
  if (!otherFiles.has(file)) {
    let index: LineIndex | undefined;
    try {
      index = new LineIndex(readFileText(file));
    } catch {
      index = undefined; // gone since it was indexed: the place is left out
    }
    otherFiles.set(file, index);
  }
  return otherFiles.get(file);
}

/**
 * The related places located: `here` gives line:column of a span of the finding's own text
 * (undefined when it cannot), another file's are read from that file. Undefined when none.
 */
export function locateRelated(
  related: readonly Related[] | undefined, here: (span: Span) => { start: LineCol; end: LineCol } | undefined,
): LocatedRelated[] | undefined {
  if (!related || related.length === 0) return undefined;
  const out: LocatedRelated[] = [];
  for (const r of related) {
    let at: { start: LineCol; end: LineCol } | undefined;
    if (r.uri === undefined) {
      at = here(r.span);
    } else {
      const index = indexOf(r.uri);
      at = index?.range(r.span);
    }
    if (!at) continue;
    out.push({
      message: r.message,
      ...(r.uri === undefined ? {} : { file: r.uri }),
      line: at.start.line,
      column: at.start.column,
      endLine: at.end.line,
      endColumn: at.end.column,
    });
  }
  return out.length > 0 ? out : undefined;
}

/** `{ related }` when there are related places, else nothing (the plain shape of a finding). */
export function withRelated(related: readonly LocatedRelated[] | undefined): { related?: readonly LocatedRelated[] } {
  return related ? { related } : {};
}
