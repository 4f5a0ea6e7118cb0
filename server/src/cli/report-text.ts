// Text output: one `file:line:col severity rule-id message` per finding, then a summary line.
// Written file by file as the check goes, so a long run shows progress and holds little.
import type { FileResult } from './check';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

/** The lines of one file ('' when it has no findings). */
export function textOfFile(r: FileResult): string {
  let out = '';
  for (const f of r.findings) {
    // One finding per output line, whatever the message holds.
    out += `${r.path}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`;
  }
  return out;
}

/** The closing summary of a run. */
export function textSummary(results: readonly FileResult[]): string {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixed = 0;
  let filesWithProblems = 0;
  for (const r of results) {
    fixed += r.fixed;
    if (r.findings.length) filesWithProblems++;
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  const problems = errors + warnings + infos;
  const files = plural(results.length, 'file');
  const out: string[] = [];
  if (fixed) out.push(`Fixed ${plural(fixed, 'problem')} (safe fixes only).`);
  out.push(problems
    ? `${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${filesWithProblems} of ${files} checked.`
    : `No problems in ${files} checked.`);
  return out.join('\n') + '\n';
}
