// `infusion-claims check`: parse arguments, check the files, print the report, pick the exit code.
// Exit 0: no errors (warnings/info do not fail). 1: errors found. 2: usage error or unreadable file.
import * as fs from 'fs';
import { checkedInParts, checkWhole } from './check';
import { fixCsvInParts } from './csv-parts-fix';
import { RunLines } from './cross-file';
import { forgetOtherFiles } from './related';
import { collectFiles, failureText, type ClaimFile } from './files';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { JsonWriter } from './report-json';
import { GITHUB_RESULTS_LIMIT, SarifWriter, setBaseDir } from './report-sarif';
import { packageVersion } from './version';
import { tallyOf, textOfFile, textSummaryOf, type CheckedFile } from './report-text';
import { streamJson, streamSarif, streamText, type ReportOut } from './stream-report';
import type { LintOptions } from '../rules/types';
import { describeError } from './errors';

/** The report goes to `out` (and, where the output takes them, a big JSON report's waiting
 *  findings to `outBytes`: stream-report.ts); messages to `err`. */
export interface CliIo extends ReportOut {
  err(text: string): void;
}


export function runCli(argv: readonly string[], io: CliIo): number {
  let options: CliOptions | 'help' | 'version';
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
  if (options === 'version') {
    io.out(`${packageVersion() ?? 'unknown'}\n`);
    return 0;
  }

  if (options.baseDir !== undefined && !isFolder(options.baseDir)) {
    io.err(`infusion-claims: --base-dir ${options.baseDir} is not a folder\nRun "infusion-claims --help" for usage.\n`);
    return 2;
  }
  // Set for every run (an earlier one in this process may have set another).
  setBaseDir(options.baseDir);

  const { files, failures } = collectFiles(options.paths);
  if (files.length === 0 && failures.length === 0) {
    failures.push({ reason: `no claim files (*.claims.csv, *.claims.json, *.claim.json) found in ${options.paths.join(', ')}` });
  }
  const lintOptions: LintOptions = { rules: options.rules, payer: options.payer, ndcFormat: options.ndcFormat };
  // --workspace: the files checked together are one workspace for the cross-file rules.
  let workspace = options.workspace && files.length > 1 ? RunLines.of(files) : undefined;
  // --workspace --fix: every file is fixed first, then the run is read again and checked as
  // written, so that a finding's places in another file (and the cross-file findings) are those
  // of the fixed files, not of the text before a fix there moved them.
  const fixedFirst = options.fix && workspace ? fixEach(files, workspace, lintOptions, io) : undefined;
  if (fixedFirst) {
    workspace = RunLines.of(files);
    forgetOtherFiles();
  }
  const fix = options.fix && !fixedFirst;
  // Every report is written file by file as the check goes (a big CSV file's findings even
  // batch by batch: stream-report.ts).
  const json = options.format === 'json' ? new JsonWriter(io.out) : undefined;
  const sarif = options.format === 'sarif' ? new SarifWriter(io.out) : undefined;
  const checked: CheckedFile[] = [];
  for (const file of files) {
    try {
      const fileOptions = workspace ? workspace.optionsFor(file, lintOptions) : lintOptions;
      // A big CSV file is checked, and fixed, in parts (when it can be), its report streamed.
      const big = checkedInParts(file);
      // Fixed in parts, the fixing gives the report of the file as written (no second check).
      const done = fix && big ? fixCsvInParts(file, fileOptions, undefined, json ? 'json' : sarif ? 'sarif' : 'text') : fixedFirst?.get(file.path);
      if (fix && done?.notFixed) io.err(`infusion-claims: ${file.path}: ${done.notFixed}\n`);
      if (big && (!fix || done)) {
        const tally = json ? streamJson(file, fileOptions, json, io, done)
          : sarif ? streamSarif(file, fileOptions, sarif, done)
            : streamText(file, fileOptions, io.out, done);
        if (tally) {
          tally.fixed = done?.fixed ?? 0;
          checked.push({ path: file.path, tally });
          continue;
        }
      }
      // Read whole: a small file, or a big one that cannot be read (or fixed) in parts.
      // SARIF gives each fix's edits (the other reports only its title).
      const r = done ? { ...checkWhole(file, fileOptions, false, !!sarif), ...done } : checkWhole(file, fileOptions, fix, !!sarif);
      if (fix && r.notFixed && !done) io.err(`infusion-claims: ${r.path}: ${r.notFixed}\n`);
      if (json) json.file(r);
      else if (sarif) sarif.file(r);
      else io.out(textOfFile(r));
      checked.push({ path: r.path, tally: tallyOf(r) });
    } catch (err) {
      // Only the error code: a message could carry file content.
      const failure = { path: file.path, reason: `cannot ${options.fix ? 'read or write' : 'read'} (${describeError(err)})` };
      failures.push(failure);
      // The reports name it too, so that a run that missed a file does not read as complete.
      json?.failed(file.path, file.format, failure.reason);
    }
  }

  io.out(json ? json.end() : sarif ? sarif.end(failures) : textSummaryOf(checked, failures));
  for (const f of failures) io.err(`infusion-claims: ${failureText(f)}\n`);
  let errors = 0;
  let warnings = 0;
  let results = 0;
  for (const { tally: t } of checked) {
    errors += t.errors;
    warnings += t.warnings;
    results += t.errors + t.warnings + t.infos;
  }
  // The report is complete whatever its size (SARIF is not GitHub's alone), but an upload of it
  // to code scanning would be refused: say so rather than let the upload step fail later.
  if (sarif && results > GITHUB_RESULTS_LIMIT) {
    io.err(`infusion-claims: warning: the SARIF report has ${results} results; GitHub code scanning refuses a run with more than ${GITHUB_RESULTS_LIMIT} (check fewer files per upload, or turn rules off with --rule)\n`);
  }
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) io.err(`infusion-claims: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
  if (failures.length) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** --workspace --fix's first pass: fix and write each file (a big CSV file in parts), reporting
 *  nothing but why a file was left alone. path → what was fixed, for the report of the second. */
function fixEach(files: readonly ClaimFile[], workspace: RunLines, base: LintOptions, io: CliIo): Map<string, { fixed: number; notFixed?: string }> {
  const out = new Map<string, { fixed: number; notFixed?: string }>();
  for (const file of files) {
    try {
      const options = workspace.optionsFor(file, base);
      const r = (checkedInParts(file) ? fixCsvInParts(file, options) : undefined) ?? checkWhole(file, options, true);
      if (r.notFixed) io.err(`infusion-claims: ${file.path}: ${r.notFixed}\n`);
      out.set(file.path, { fixed: r.fixed, notFixed: r.notFixed });
    } catch {
      // Unreadable or unwritable: the check that follows reports it.
    }
  }
  return out;
}
