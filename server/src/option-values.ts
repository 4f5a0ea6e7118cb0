// What the lint options may be set to, read by one set of functions for the command line's
// arguments (cli/args.ts) and the editor's settings (lsp/settings-read.ts), so the two cannot
// accept different values: a severity and a payer in any letter case, spaces around them ignored
// (as `--rule auth-missing=Error` always was), a rule id of the registry, an NDC format as listed.
import { PAYERS, type Payer } from './model';
import { RULE_IDS, RULES_BY_ID } from './rules';
import type { SeveritySetting } from './rules/types';
import { nearestId } from './rules/util/nearest-id';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

export const NDC_FORMATS = ['keep', 'hyphenated', 'digits'] as const;
export type NdcFormat = (typeof NDC_FORMATS)[number];

/** The word a value is read as: a string, trimmed, lower case. */
function word(written: unknown): string | undefined {
  return typeof written === 'string' ? written.trim().toLowerCase() : undefined;
}

/** `error`, `warning`, `info` or `off`, in any letter case. */
export function readSeverity(written: unknown): SeveritySetting | undefined {
  const w = word(written);
  return SEVERITY_SETTINGS.find((s) => s === w);
}

/** One of PAYERS, in any letter case. */
export function readPayer(written: unknown): Payer | undefined {
  const w = word(written);
  return PAYERS.find((p) => p === w);
}

/** `keep`, `hyphenated` or `digits`, written so: the command line always took only these. */
export function readNdcFormat(written: unknown): NdcFormat | undefined {
  return NDC_FORMATS.find((f) => f === written);
}

/** The registry's id, spaces around it ignored; ids are lower case and compared as written. */
export function readRuleId(written: string): string | undefined {
  const id = written.trim();
  return RULES_BY_ID.has(id) ? id : undefined;
}

/** The id a misspelt one was probably meant to be ("did you mean …?"), if any is near enough. */
export function nearestRuleId(written: string): string | undefined {
  return nearestId(written.trim(), RULE_IDS);
}
