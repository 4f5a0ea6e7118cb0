// Command-line arguments of `infusion-claims check`. Wrong arguments are a UsageError (exit 2).
import { PAYERS } from '../model';
import { readNdcFormat, readPayer, readRuleId, readSeverity } from '../option-values';
import { RULE_IDS } from '../rules';
import type { SeveritySetting } from '../rules/types';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly fix: boolean;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly payer?: string;
  readonly ndcFormat?: 'keep' | 'hyphenated' | 'digits';
  /** The files checked are one workspace for the cross-file rules (cli/cross-file.ts). */
  readonly workspace: boolean;
  /** --base-dir: the folder SARIF URIs are relative to (report-sarif.ts baseDir). */
  readonly baseDir?: string;
  /** --max-warnings: more warnings than this fail the run (exit 1), as errors do. */
  readonly maxWarnings?: number;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: infusion-claims check [options] <files or folders...>

Checks home-infusion claim files (CSV/JSON) against payer billing policy.
Folders are searched for *.claims.csv, *.claims.json and *.claim.json,
skipping node_modules, dot-folders (.git, .vscode ...) and symbolic links
inside them (name one to check it);
files named explicitly may be any .csv or .json file.

Options:
  --format text|json|sarif   output format (default: text; sarif is SARIF 2.1.0)
  --fix                      apply the safe fixes (Pad NDC to 11 digits, Convert to GR)
                             in place; files that do not parse are left alone
  --workspace                check the files as one workspace: the 60-day initial
                             visit, same-day concurrency, bundling and duplicate-line
                             rules see the other files' lines of the member (as the editor's
                             infusionClaims.workspaceAnalysis setting does)
  --rule <id>=<severity>     set a rule to error, warning, info or off (repeatable)
  --payer <payer>            payer for lines without one: ${PAYERS.join(', ')}
  --ndc-format keep|hyphenated|digits
                             how the NDC fix writes an NDC (default: keep);
                             hyphenated also reports 11 digits without hyphens
  --base-dir <folder>        the folder SARIF file URIs are relative to (uriBaseId
                             %SRCROOT%; default: the repository the working folder
                             is in, found by its .git, else the working folder)
  --max-warnings <n>         exit 1 when there are more than n warnings (info
                             never counts), as when there are errors
  -v, --version              print the version
  -h, --help                 show this help

Exit codes: 0 no errors (warnings and info do not fail), 1 errors found
(or more warnings than --max-warnings), 2 usage error or a file or folder
that could not be read (then also when there were errors).`;

const FORMATS: readonly string[] = ['text', 'json', 'sarif'];

/** Parse argv (after `node cli.js`). Returns 'help' for --help, 'version' for --version; throws
 *  UsageError otherwise-wrong input. */
export function parseArgs(argv: readonly string[]): CliOptions | 'help' | 'version' {
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  let format: OutputFormat = 'text';
  let fix = false;
  let workspace = false;
  let payer: string | undefined;
  let ndcFormat: CliOptions['ndcFormat'];
  let baseDir: string | undefined;
  let maxWarnings: number | undefined;
  let command: string | undefined;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      if (command === undefined) command = arg;
      else paths.push(arg);
      continue;
    }
    if (arg === '--') { optionsEnded = true; continue; }
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-v' || arg === '--version') return 'version';
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    switch (name) {
      case '--fix':
        if (eq > 0) throw new UsageError('--fix takes no value');
        fix = true;
        break;
      case '--workspace':
        if (eq > 0) throw new UsageError('--workspace takes no value');
        workspace = true;
        break;
      case '--format': {
        const v = value();
        if (!FORMATS.includes(v)) throw new UsageError(`unknown format "${v}": use text, json or sarif`);
        format = v as OutputFormat;
        break;
      }
      case '--rule': {
        // Read by option-values.ts, as the editor reads infusionClaims.rules.
        const v = value();
        const sep = v.lastIndexOf('=');
        const written = sep > 0 ? v.slice(0, sep).trim() : '';
        const sevWritten = sep > 0 ? v.slice(sep + 1).trim().toLowerCase() : '';
        if (!written || !sevWritten) throw new UsageError(`--rule wants <rule-id>=<severity>, e.g. --rule auth-missing=off (got "${v}")`);
        const id = readRuleId(written);
        if (!id) throw new UsageError(`unknown rule id "${written}"; known rules: ${RULE_IDS.join(', ') || '(none)'}`);
        const sev = readSeverity(sevWritten);
        if (!sev) throw new UsageError(`unknown severity "${sevWritten}" for ${id}: use error, warning, info or off`);
        rules[id] = sev;
        break;
      }
      case '--payer': {
        const v = value();
        const read = readPayer(v);
        if (!read) throw new UsageError(`unknown payer "${v.toLowerCase()}": use ${PAYERS.join(', ')}`);
        payer = read;
        break;
      }
      case '--ndc-format': {
        const v = value();
        const read = readNdcFormat(v);
        if (!read) throw new UsageError(`unknown NDC format "${v}": use keep, hyphenated or digits`);
        ndcFormat = read;
        break;
      }
      case '--max-warnings': {
        const v = value();
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new UsageError(`--max-warnings wants a whole number of 0 or more (got "${v}")`);
        maxWarnings = Number(v);
        break;
      }
      case '--base-dir':
        baseDir = value();
        if (baseDir === '') throw new UsageError('--base-dir needs a folder');
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  if (command === undefined) throw new UsageError('no command given: use "infusion-claims check <files or folders>"');
  if (command !== 'check') throw new UsageError(`unknown command "${command}": the command is "check"`);
  if (paths.length === 0) throw new UsageError('no files or folders given to check');
  return { paths, format, fix, rules, payer, ndcFormat, workspace, baseDir, maxWarnings };
}
