// Runs the pure engine in a worker thread for bad-bytes.test.ts, so a hang (an endless loop in
// a parser or rule) is caught by a timeout in the main thread instead of freezing the test run.
// For each text: lintText, timed; then every finding's fixes, timed (code actions and --fix
// build them); then the invariants a client relies on: spans and edits inside the text.
import { parentPort } from 'worker_threads';
import { lintText } from '../../../server/src/engine';

export interface LintRequest {
  readonly id: number;
  readonly text: string;
  readonly format: 'csv' | 'json';
}

export interface LintReply {
  readonly id: number;
  readonly lintMs: number;
  readonly fixesMs: number;
  readonly findings: number;
  readonly fixes: number;
  /** Broken invariants, in words (no text). */
  readonly problems: readonly string[];
  /** The engine threw: the error's name and message. */
  readonly error?: string;
}

function check(req: LintRequest): LintReply {
  const t0 = performance.now();
  const { doc, findings } = lintText(req.text, req.format);
  const lintMs = performance.now() - t0;
  const t1 = performance.now();
  let fixes = 0;
  const problems: string[] = [];
  const len = req.text.length;
  for (const f of findings) {
    for (const x of f.fixes) {
      fixes++;
      for (const e of x.edits) {
        if (!(e.start >= 0 && e.start <= e.end && e.end <= len)) problems.push(`${f.ruleId} fix "${x.title}" edits [${e.start}, ${e.end}) outside the text (${len})`);
      }
    }
  }
  const fixesMs = performance.now() - t1;
  for (const f of findings) {
    if (!(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= len)) problems.push(`${f.ruleId} span [${f.span.start}, ${f.span.end}) outside the text (${len})`);
    if (typeof f.message !== 'string' || f.message.length === 0) problems.push(`${f.ruleId} without a message`);
    if (/failed internally/.test(f.message)) problems.push(`rule failed internally: ${f.message}`);
    if (f.lineIndex !== undefined && !(f.lineIndex >= 0 && f.lineIndex < doc.lines.length)) problems.push(`${f.ruleId} on line ${f.lineIndex} of ${doc.lines.length}`);
  }
  return { id: req.id, lintMs, fixesMs, findings: findings.length, fixes, problems: [...new Set(problems)].slice(0, 10) };
}

parentPort?.on('message', (req: LintRequest) => {
  try {
    parentPort!.postMessage(check(req));
  } catch (err) {
    const error = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err);
    parentPort!.postMessage({ id: req.id, lintMs: 0, fixesMs: 0, findings: 0, fixes: 0, problems: [], error });
  }
});
