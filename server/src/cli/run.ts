// `infusion-claims check`: parse arguments, check the files, print the report, pick the exit code.
// Exit 0: no errors (warnings/info do not fail). 1: errors found. 2: usage error or unreadable file.
import { checkFile, type FileResult } from './check';
import { RunLines } from './cross-file';
import { collectFiles } from './files';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { formatJson } from './report-json';
import { formatSarif } from './report-sarif';
import { textOfFile, textSummary } from './report-text';
import type { LintOptions } from '../rules/types';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (err instanceof Error ? err.name : 'error');
}

export function runCli(argv: readonly string[], io: CliIo): number {
  let options: CliOptions | 'help';
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    // No arguments at all: the whole usage. A wrong one: just what is wrong.
    io.err(argv.length === 0 ? `${USAGE}\n` : `infusion-claims: ${err.message}\nRun "infusion-claims --help" for usage.\n`);
    return 2;
  }
  if (options === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }

  const { files, failures } = collectFiles(options.paths);
  if (files.length === 0 && failures.length === 0) {
    failures.push(`no claim files (*.claims.csv, *.claims.json, *.claim.json) found in ${options.paths.join(', ')}`);
  }
  const lintOptions: LintOptions = { rules: options.rules, payer: options.payer, ndcFormat: options.ndcFormat };
  // --workspace: the files checked together are one workspace for the cross-file rules.
  const workspace = options.workspace && files.length > 1 ? RunLines.of(files) : undefined;
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      const r = checkFile(file, workspace ? workspace.optionsFor(file, lintOptions) : lintOptions, options.fix);
      if (r.notFixed) io.err(`${r.path}: ${r.notFixed}\n`);
      if (options.format === 'text') io.out(textOfFile(r));
      results.push(r);
    } catch (err) {
      // Only the error code: a message could carry file content.
      failures.push(`${file.path}: cannot ${options.fix ? 'read or write' : 'read'} (${describe(err)})`);
    }
  }

  const render = options.format === 'json' ? formatJson : options.format === 'sarif' ? formatSarif : textSummary;
  io.out(render(results));
  for (const f of failures) io.err(`infusion-claims: ${f}\n`);
  if (failures.length) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
