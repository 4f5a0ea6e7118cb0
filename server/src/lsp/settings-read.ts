// Reading the `infusionClaims` section a client sent (possibly partial or mistyped): each value
// checked, a bad one replaced by the base's and described, so the user learns why a setting has
// no effect instead of guessing (settings-notices.ts tells them). The lint options' words are
// read by option-values.ts, as the command line reads them. Settings values are no patient data:
// the descriptions quote them.
import type { HintedValues } from '../features/inlay-hints';
import {
  nearestRuleId, NDC_FORMATS, readNdcFormat, readPayer, readRuleId, readSeverity, SEVERITY_SETTINGS, type NdcFormat,
} from '../option-values';
import { orList } from '../rules/util/or-list';
import { PAYERS } from '../model';
import { RULE_IDS, RULES_BY_ID } from '../rules';
import type { SeveritySetting } from '../rules/types';
import { readGlob } from './claim-files';
import { SETTINGS_SECTION } from './protocol';
import { DEFAULT_MAX_PROBLEMS } from './published';

export interface ServerSettings {
  readonly payer: string;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly ndcFormat: NdcFormat;
  readonly workspaceAnalysis: boolean;
  readonly filePatterns: readonly string[];
  /** Descriptors shown after the values (features/inlay-hints.ts): codes, or also modifiers and NDCs. */
  readonly inlayHints: 'off' | HintedValues;
  /** Diagnostics published per document at most (published.ts). */
  readonly maxNumberOfProblems: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  payer: 'commercial',
  rules: {},
  ndcFormat: 'keep',
  workspaceAnalysis: false,
  filePatterns: [],
  inlayHints: 'codes',
  maxNumberOfProblems: DEFAULT_MAX_PROBLEMS,
};

const INLAY_HINTS = ['off', 'codes', 'all'] as const;

/** A value the server could not use. */
export interface SettingProblem {
  /** Which value: the setting, and for one rule's entry its id (`infusionClaims.rules.ndc-format`).
   *  With `value`, what makes two problems the same one (told once). */
  readonly setting: string;
  /** The value as sent, in JSON. */
  readonly value: string;
  /** The sentence for the user: the setting, the value, what is used instead, what is valid. */
  readonly message: string;
}

export interface ReadSettings {
  readonly settings: ServerSettings;
  readonly problems: readonly SettingProblem[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as JSON, cut short: a message quotes it. */
function quoted(v: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(v) ?? String(v);
  } catch {
    json = String(v);
  }
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}

/** Collects the problems of one read. */
class Problems {
  readonly list: SettingProblem[] = [];

  /** `infusionClaims.payer is "aetna", which is not a payer; using "commercial" instead. Valid: …` */
  bad(key: string, value: unknown, what: string, fallback: unknown, valid: string): void {
    const setting = `${SETTINGS_SECTION}.${key}`;
    const end = valid.endsWith('?') ? '' : '.';
    this.add(setting, value, `${setting} is ${quoted(value)}, which is not ${what}; using ${quoted(fallback)} instead. Valid: ${valid}${end}`);
  }

  add(setting: string, value: unknown, message: string): void {
    this.list.push({ setting, value: quoted(value), message });
  }
}

/** An enumerated setting: its value, the base's when it is absent or bad. */
function oneOf<T extends string>(raw: Record<string, unknown>, key: keyof ServerSettings, read: (v: unknown) => T | undefined,
  base: T, what: string, choices: readonly string[], problems: Problems, valid = orList(choices)): T {
  const v = raw[key];
  if (v === undefined || v === null) return base;
  const read1 = read(v);
  if (read1 !== undefined) return read1;
  // "Digits" for digits: the value is right but for its letter case.
  const cased = typeof v === 'string' ? choices.find((c) => c === v.trim().toLowerCase()) : undefined;
  problems.bad(key, v, what, base, `${valid}${cased ? `, in lower case: did you mean ${cased}?` : ''}`);
  return base;
}

/** The rule severities: every entry read, a bad one left out (the rule keeps its default). */
function readRules(v: unknown, base: ServerSettings['rules'], problems: Problems): ServerSettings['rules'] {
  if (v === undefined || v === null) return base;
  const severities = `${orList(SEVERITY_SETTINGS)}, in any letter case`;
  if (!isRecord(v)) {
    problems.bad('rules', v, 'an object of rule ids and severities', base, `an object such as { "auth-missing": "off" }, each severity ${severities}`);
    return base;
  }
  const rules: Record<string, SeveritySetting> = {};
  for (const [written, sev] of Object.entries(v)) {
    const setting = `${SETTINGS_SECTION}.rules`;
    const id = readRuleId(written);
    if (id === undefined) {
      const near = nearestRuleId(written);
      problems.add(setting, written, `${setting} names ${quoted(written)}, which is not a rule id, so it sets nothing: ${near
        ? `did you mean ${near}?`
        : `the rule ids are ${orList(RULE_IDS)}`}`);
      continue;
    }
    const severity = readSeverity(sev);
    if (severity === undefined) {
      const rule = RULES_BY_ID.get(id)!;
      problems.add(`${setting}.${id}`, sev, `${setting} sets ${id} to ${quoted(sev)}, which is not a severity; ${id} keeps its default, ${rule.meta.defaultSeverity}. Valid: ${severities}.`);
      continue;
    }
    rules[id] = severity;
  }
  return rules;
}

/** The globs, each a non-empty string: another entry is left out. */
function readFilePatterns(v: unknown, base: readonly string[], problems: Problems): readonly string[] {
  if (v === undefined || v === null) return base;
  if (!Array.isArray(v)) {
    problems.bad('filePatterns', v, 'a list of globs', base, 'a list of globs, e.g. ["exports/*.csv"]');
    return base;
  }
  const globs: string[] = [];
  for (const p of v) {
    const setting = `${SETTINGS_SECTION}.filePatterns`;
    if (typeof p === 'string' && p.trim() !== '') {
      globs.push(p);
      // Kept all the same (it matches nothing, as VS Code's own filters would have it).
      if (!readGlob(p)) problems.add(setting, p, `${setting} has ${quoted(p)}, which cannot be read as a glob (a range such as [z-a]?), so it matches no file.`);
    } else {
      problems.add(setting, p, `${setting} has ${quoted(p)}, which is not a glob; it is left out. Valid: globs written as strings, e.g. "exports/*.csv".`);
    }
  }
  return globs;
}

/** Read what the client sent over the given base: a value absent (or null) is the base's; a bad
 *  one is the base's too, and a problem says so. Never throws. */
export function readSettings(raw: unknown, base: ServerSettings = DEFAULT_SETTINGS): ReadSettings {
  if (!isRecord(raw)) return { settings: base, problems: [] };
  const problems = new Problems();
  const payer = oneOf(raw, 'payer', readPayer, base.payer, 'a payer', PAYERS, problems, `${orList(PAYERS)}, in any letter case`);
  const rules = readRules(raw.rules, base.rules, problems);
  const ndcFormat = oneOf(raw, 'ndcFormat', readNdcFormat, base.ndcFormat, 'an NDC format', NDC_FORMATS, problems);
  let workspaceAnalysis = base.workspaceAnalysis;
  if (typeof raw.workspaceAnalysis === 'boolean') workspaceAnalysis = raw.workspaceAnalysis;
  else if (raw.workspaceAnalysis !== undefined && raw.workspaceAnalysis !== null) {
    problems.bad('workspaceAnalysis', raw.workspaceAnalysis, 'true or false', base.workspaceAnalysis, 'true or false, without quotes');
  }
  const filePatterns = readFilePatterns(raw.filePatterns, base.filePatterns, problems);
  const readHints = (v: unknown) => INLAY_HINTS.find((h) => h === v);
  const inlayHints = oneOf(raw, 'inlayHints', readHints, base.inlayHints, 'an inlay hints choice', INLAY_HINTS, problems);
  const max = raw.maxNumberOfProblems;
  let maxNumberOfProblems = base.maxNumberOfProblems;
  if (typeof max === 'number' && Number.isInteger(max) && max >= 1) maxNumberOfProblems = max;
  else if (max !== undefined && max !== null) {
    problems.bad('maxNumberOfProblems', max, 'a whole number of at least 1', base.maxNumberOfProblems, 'a whole number of at least 1, without quotes');
  }
  return { settings: { payer, rules, ndcFormat, workspaceAnalysis, filePatterns, inlayHints, maxNumberOfProblems }, problems: problems.list };
}

/** readSettings without the problems. */
export function sanitizeSettings(raw: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  return readSettings(raw, base).settings;
}
