// SARIF 2.1.0 output, for code scanning in CI (e.g. GitHub's upload-sarif).
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { RULES } from '../rules';
import type { Severity } from '../rules/types';
import { ruleDocUrl } from '../lsp/protocol';
import { findDataDir } from '../codes/codeset';
import type { FileResult, LocatedFinding } from './check';
import { failureText, type ReadFailure } from './files';
import { packageVersion } from './version';
import { decodeFileText } from '../workspace/file-text';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/infusion-claims/infusion-claims';

type SarifLevel = 'error' | 'warning' | 'note';

function level(s: Severity): SarifLevel {
  return s === 'info' ? 'note' : s;
}

/** The base id of artifact URIs relative to the base folder (code scanning's name for the
 *  checkout's root); run.originalUriBaseIds says where it was. */
export const SRCROOT = '%SRCROOT%';

/** The base folder of the SARIF report's URIs by default: the repository the working folder is in
 *  (the nearest ancestor with a `.git` folder, or file in a worktree or submodule), else the
 *  working folder. The file system only: no git process. */
export function findBaseDir(cwd: string = process.cwd()): string {
  const start = path.resolve(cwd);
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      fs.statSync(path.join(dir, '.git'));
      return dir;
    } catch {
      // not here
    }
    if (path.dirname(dir) === dir) return start;
  }
}

/** The run's --base-dir (absolute), and findBaseDir's answer for a working folder. */
let givenBase: string | undefined;
let foundBase: { cwd: string; base: string } | undefined;

/** Set (or, undefined, reset to findBaseDir's) the base folder of this run's SARIF URIs. */
export function setBaseDir(dir: string | undefined): void {
  givenBase = dir === undefined ? undefined : path.resolve(dir);
}

/** The base folder of this run's SARIF URIs: --base-dir, else findBaseDir's. */
export function baseDir(): string {
  if (givenBase !== undefined) return givenBase;
  const cwd = process.cwd();
  if (foundBase?.cwd !== cwd) foundBase = { cwd, base: findBaseDir(cwd) };
  return foundBase.base;
}

export interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

/** Where a file is for SARIF: relative to `base` (percent-encoded, with uriBaseId %SRCROOT%), or a
 *  file: URI for a file outside it. `file` is as the run names it (relative to the working folder). */
export function artifactLocation(file: string, base: string = baseDir()): ArtifactLocation {
  const abs = path.resolve(file);
  const rel = path.relative(base, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The base folder as run.originalUriBaseIds gives it: a file: URI ending in a slash. */
export function baseUri(base: string): string {
  const href = pathToFileURL(base).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Each rule's page (docs/rules/<id>.md), compiled by the build into the data folder
 *  (scripts/compile-rule-docs.mjs): its first sentence and its text. */
type RuleDocs = Readonly<Record<string, { readonly summary: string; readonly markdown: string }>>;
function ruleDocs(): RuleDocs {
  try {
    return JSON.parse(fs.readFileSync(path.join(findDataDir(), 'rule-docs.json'), 'utf8')) as RuleDocs;
  } catch {
    return {}; // a build without the pages: the rules' one-line descriptions stand in
  }
}

/** The rules as SARIF describes them (once per run); a result names its rule by index into this
 *  list. Code scanning shows a rule's help (its page), not its helpUri. */
function ruleDescriptors(): object[] {
  const docs = ruleDocs();
  return RULES.map((r) => {
    const id = r.meta.id;
    const doc = docs[id];
    const helpUri = ruleDocUrl(id);
    const full = doc?.summary ?? r.meta.description;
    return {
      id,
      shortDescription: { text: r.meta.description },
      fullDescription: { text: full },
      helpUri,
      help: { text: `${full} The rule's page: ${helpUri}`, markdown: doc?.markdown ?? `${full}\n\n[The rule's page](${helpUri})` },
      defaultConfiguration: { level: level(r.meta.defaultSeverity) },
    };
  });
}

let ruleIndexes: Map<string, number> | undefined;

/** The key of a result's partialFingerprints: the value is FINGERPRINT_HEX hex digits of a hash of
 *  what the finding is (fingerprintOf), then ":" and its occurrence among equal ones in its file,
 *  counted by SarifWriter in document order. */
export const FINGERPRINT_KEY = 'infusionClaims/v1';
const FINGERPRINT_HEX = 16;
/** Where a fingerprint's hash starts in a result's text (the key is not escaped JSON: no string
 *  value of the log holds it unescaped). */
const FINGERPRINT_MARK = `"${FINGERPRINT_KEY}": "`;
/** A line longer than this on either side of a finding is taken this far (a minified JSON file is
 *  one line: its whole text would be hashed for each finding). */
const LINE_REACH = 1024;

/** The text of the line holding `offset` (at most LINE_REACH characters either side), trimmed. */
export function lineTextAt(text: string, offset: number): string {
  let from = offset;
  const low = Math.max(0, offset - LINE_REACH);
  while (from > low && text.charCodeAt(from - 1) !== 10 && text.charCodeAt(from - 1) !== 13) from--;
  let to = offset;
  const high = Math.min(text.length, offset + LINE_REACH);
  while (to < high && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
  return text.slice(from, to).trim();
}

/** What makes a finding the same finding after lines are added or removed above it: its rule,
 *  its file, the text of its line and its column there; never the line number. */
function fingerprintOf(f: LocatedFinding, uri: string, lineText: string): string {
  return createHash('sha256').update(`${f.ruleId}\0${uri}\0${lineText}\0${f.column}`).digest('hex').slice(0, FINGERPRINT_HEX);
}

/** One finding as a SARIF result. A finding of a rule outside the registry names its rule by id
 *  only (the rules are written before the results, so no descriptor can be added for it). */
function sarifResult(f: LocatedFinding, location: ArtifactLocation, base: string, lineText?: string): object {
  ruleIndexes ??= new Map(RULES.map((r, i) => [r.meta.id, i]));
  const ruleIndex = ruleIndexes.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: level(f.severity),
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: location,
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      },
    }],
    // Stable over edits elsewhere in the file, so code scanning keeps the alert as the same one.
    ...(lineText === undefined ? {} : { partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(f, location.uri, lineText) } }),
    // The primary per diem, the earlier visit …: in this file or another one (--workspace).
    ...(f.related ? {
      relatedLocations: f.related.map((rel, id) => ({
        id,
        message: { text: rel.message },
        physicalLocation: {
          artifactLocation: rel.file === undefined ? location : artifactLocation(rel.file, base),
          region: { startLine: rel.line, startColumn: rel.column, endLine: rel.endLine, endColumn: rel.endColumn },
        },
      })),
    } : {}),
    // Each fix with its edits (LocatedFinding.edits), for a script to apply one: every fix the
    // editor offers, safe or not ("Disable … for this line" too), `properties.safe` saying which
    // --fix applies. Regions are of the file as checked; a fix's replacements are in file order
    // and do not overlap.
    ...sarifFixes(f, location),
  };
}

/** A result's `fixes` (none when the finding has no fix with edits given). */
function sarifFixes(f: LocatedFinding, location: ArtifactLocation): { fixes?: object[] } {
  if (!f.edits) return {};
  const fixes: object[] = [];
  f.fixes.forEach((x, i) => {
    const edits = f.edits![i];
    if (!edits || edits.length === 0) return;
    fixes.push({
      description: { text: x.title },
      artifactChanges: [{
        artifactLocation: location,
        replacements: edits.map((e) => ({
          deletedRegion: { startLine: e.startLine, startColumn: e.startColumn, endLine: e.endLine, endColumn: e.endColumn },
          insertedContent: { text: e.newText },
        })),
      }],
      properties: { safe: x.safe },
    });
  });
  return fixes.length > 0 ? { fixes } : {};
}

/** GitHub code scanning rejects a SARIF run with more results than this (run.ts warns). */
export const GITHUB_RESULTS_LIMIT = 25_000;

/** Where the results list opens in the log's text (once: every string in the log is escaped JSON). */
const RESULTS_OPEN = '"results": [';

/** Results sit in runs[0].results, eight spaces in. */
const RESULT_INDENT = '\n        ';

/** One finding as SarifWriter writes it: after a comma (the first result drops it), indented in place.
 *  `location`: the file's artifactLocation from `base`; `lineText`: the finding's line (lineTextAt),
 *  for its fingerprint. Plain data: a worker thread formats the findings it finds. */
export function sarifOfFinding(f: LocatedFinding, location: ArtifactLocation, base: string, lineText?: string): string {
  return `,${RESULT_INDENT}${JSON.stringify(sarifResult(f, location, base, lineText), null, 2).replace(/\n/g, RESULT_INDENT)}`;
}

/**
 * The SARIF log written as the check goes: the tool and its rules first, then each result as it
 * comes (a big CSV file's even batch by batch, stream-report.ts), so that no file's findings are
 * held whole. The bytes are JSON.stringify(log, null, 2)'s.
 */
export class SarifWriter {
  /** Pieces of results written (the first drops its leading comma). */
  private results = 0;
  /** The log up to the results list's "[" (the rest is written at the end: it says what could not be read). */
  private readonly head: string;

  /** `base`: the folder artifact URIs are relative to (%SRCROOT%). */
  constructor(private readonly out: (text: string) => void, readonly base: string = baseDir()) {
    const text = JSON.stringify(this.log(), null, 2);
    this.head = text.slice(0, text.lastIndexOf(RESULTS_OPEN) + RESULTS_OPEN.length);
    this.out(this.head);
  }

  /** The log without its results; `failures`: the paths the run could not read. */
  private log(failures: readonly ReadFailure[] = []): object {
    const version = packageVersion();
    return {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [{
        tool: {
          driver: {
            name: 'infusion-claims',
            informationUri: INFORMATION_URI,
            ...(version ? { version, semanticVersion: version } : {}),
            rules: this.rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: baseUri(this.base) } },
        columnKind: 'utf16CodeUnits',
        results: [],
        // Always there: a run that could not read a file says so (executionSuccessful false, a
        // notification per path), so that code scanning does not take the file's alerts for fixed.
        invocations: [{
          executionSuccessful: failures.length === 0,
          toolExecutionNotifications: failures.map((f) => ({
            level: 'error',
            message: { text: failureText(f) },
            ...(f.path === undefined ? {} : { locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.path, this.base) } }] }),
          })),
        }],
      }],
    };
  }

  /** The rules' descriptors, made once (the head and the end are of one log). */
  private readonly rules = ruleDescriptors();
  /** Occurrences of each fingerprint hash in the current file; the end of the text given to add
   *  that could be the start of a fingerprint, not written yet. */
  private readonly seen = new Map<string, number>();
  private held = '';

  /** A file's results follow: each fingerprint's occurrence is counted in its file. */
  startFile(): void {
    this.seen.clear();
  }

  /** Results' text from sarifOfFinding: one result, several, or a piece of them (cut anywhere). */
  add(text: string): void {
    if (text === '') return;
    this.write(this.results++ === 0 ? text.slice(1) : text);
  }

  /** Write results' text, each fingerprint's hash followed by ":" and its occurrence in the file. */
  private write(piece: string): void {
    const text = this.held + piece;
    let out = '';
    let from = 0;
    let keep = -1;
    for (let at = text.indexOf(FINGERPRINT_MARK); at >= 0; at = text.indexOf(FINGERPRINT_MARK, from)) {
      const end = at + FINGERPRINT_MARK.length + FINGERPRINT_HEX;
      if (end > text.length) {
        keep = at; // the hash is cut: wait for the rest
        break;
      }
      const hash = text.slice(end - FINGERPRINT_HEX, end);
      const n = (this.seen.get(hash) ?? 0) + 1;
      this.seen.set(hash, n);
      out += `${text.slice(from, end)}:${n}`;
      from = end;
    }
    // Hold what could be the start of a mark cut off.
    if (keep < 0) keep = Math.max(from, text.length - (FINGERPRINT_MARK.length - 1));
    out += text.slice(from, keep);
    this.held = text.slice(keep);
    if (out) this.out(out);
  }

  file(r: FileResult): void {
    this.startFile();
    if (r.findings.length === 0) return;
    const location = artifactLocation(r.path, this.base);
    // The file as checked (as written, after --fix), read again for the findings' lines.
    let text: string | undefined;
    try {
      text = decodeFileText(fs.readFileSync(r.path));
    } catch {
      text = undefined; // gone since: its results have no fingerprints
    }
    for (const f of r.findings) this.add(sarifOfFinding(f, location, this.base, text === undefined ? undefined : lineTextAt(text, f.start)));
  }

  /** The end of the log, with what could not be read. */
  end(failures: readonly ReadFailure[] = []): string {
    const text = JSON.stringify(this.log(failures), null, 2);
    const tail = text.slice(text.lastIndexOf(RESULTS_OPEN) + RESULTS_OPEN.length + 1);
    const held = this.held;
    this.held = '';
    return `${held}${this.results === 0 ? ']' : '\n      ]'}${tail}\n`;
  }
}

/** The whole log of these results at once. */
export function formatSarif(results: readonly FileResult[], base: string = baseDir()): string {
  let text = '';
  const writer = new SarifWriter((t) => { text += t; }, base);
  for (const r of results) writer.file(r);
  return text + writer.end();
}
