// Text output: one `file:line:col severity rule-id message` per finding, then a summary line.
// Written file by file as the check goes, so a long run shows progress and holds little.
import type { FileResult, LocatedFinding } from './check';
import type { ReadFailure } from './files';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

/** The output line of one finding of the file at `path`. */
export function textOfFinding(path: string, f: LocatedFinding): string {
  // One finding per output line, whatever the message holds. A place in another file (--workspace)
  // is named, since the message alone cannot say where to look; JSON and SARIF give every place.
  const elsewhere = (f.related ?? []).filter((r) => r.file !== undefined).map((r) => `${r.file}:${r.line}:${r.column}`);
  const see = elsewhere.length > 0 ? ` (see ${elsewhere.join(', ')})` : '';
  return `${path}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message.replace(/\s*[\r\n]+\s*/g, ' ')}${see}\n`;
}

/** The lines of one file ('' when it has no findings). */
export function textOfFile(r: FileResult): string {
  let out = '';
  for (const f of r.findings) out += textOfFinding(r.path, f);
  return out;
}

/** What the summary and the exit code need of one file checked: its counts. */
export interface FileTally {
  errors: number;
  warnings: number;
  infos: number;
  fixed: number;
}

export function newTally(fixed = 0): FileTally {
  return { errors: 0, warnings: 0, infos: 0, fixed };
}

/** Count one finding into a tally. */
export function countInto(t: FileTally, f: Pick<LocatedFinding, 'severity'>): void {
  if (f.severity === 'error') t.errors++;
  else if (f.severity === 'warning') t.warnings++;
  else t.infos++;
}

export function tallyOf(r: FileResult): FileTally {
  const t = newTally(r.fixed);
  for (const f of r.findings) countInto(t, f);
  return t;
}

/** A file checked, named as the report names it, with its counts. */
export interface CheckedFile {
  readonly path: string;
  readonly tally: FileTally;
}

/** The closing summary of a run. */
export function textSummary(results: readonly FileResult[]): string {
  return textSummaryOf(results.map((r) => ({ path: r.path, tally: tallyOf(r) })));
}

/** The closing summary of a run, from each file's tally: a line per file --fix rewrote (in the
 *  order checked), the fixes in all, then the problems left. */
export function textSummaryOf(checked: readonly CheckedFile[], failures: readonly ReadFailure[] = []): string {
  // Nothing read (every path missing, a folder without claim files): no "No problems …" that a
  // log of stdout alone would take for a clean pass. Why is on stderr, and the exit code is 2.
  if (checked.length === 0) return 'No claim files were checked.\n';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixed = 0;
  let filesWithProblems = 0;
  const out: string[] = [];
  for (const { path, tally: t } of checked) {
    if (t.fixed) out.push(`${path}: fixed ${plural(t.fixed, 'problem')}`);
    fixed += t.fixed;
    if (t.errors + t.warnings + t.infos > 0) filesWithProblems++;
    errors += t.errors;
    warnings += t.warnings;
    infos += t.infos;
  }
  const problems = errors + warnings + infos;
  const files = plural(checked.length, 'file');
  if (fixed) out.push(`Fixed ${plural(fixed, 'problem')} (safe fixes only).`);
  out.push(problems
    ? `${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${filesWithProblems} of ${files} checked.`
    : `No problems in ${files} checked.`);
  // A file (or folder) not read: its problems are not in the count above, which a log of stdout
  // alone would otherwise take for the whole run's. Which, and why: stderr.
  const unread = failures.filter((f) => f.path !== undefined).length;
  if (unread) out.push(`${unread === 1 ? '1 file or folder' : `${unread} files or folders`} could not be read (named on stderr); their problems are not counted.`);
  return out.join('\n') + '\n';
}
