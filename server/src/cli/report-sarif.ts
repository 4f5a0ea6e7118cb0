// SARIF 2.1.0 output, for code scanning in CI (e.g. GitHub's upload-sarif).
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { RULES } from '../rules';
import type { Severity } from '../rules/types';
import { ruleDocUrl } from '../lsp/protocol';
import type { FileResult, LocatedFinding } from './check';
import { failureText, type ReadFailure } from './files';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/infusion-claims/infusion-claims';

type SarifLevel = 'error' | 'warning' | 'note';

function level(s: Severity): SarifLevel {
  return s === 'info' ? 'note' : s;
}

/** The package version, when the bundle sits in server/out of the package. */
function toolVersion(): string | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { name?: string; version?: string };
    return pkg.name === 'infusion-claims' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
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

/** The rules as SARIF describes them; a result names its rule by index into this list. */
function ruleDescriptors(): Array<{ id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: SarifLevel } }> {
  return RULES.map((r) => ({
    id: r.meta.id,
    shortDescription: { text: r.meta.description },
    helpUri: ruleDocUrl(r.meta.id),
    defaultConfiguration: { level: level(r.meta.defaultSeverity) },
  }));
}

let ruleIndexes: Map<string, number> | undefined;

/** One finding as a SARIF result. A finding of a rule outside the registry names its rule by id
 *  only (the rules are written before the results, so no descriptor can be added for it). */
function sarifResult(f: LocatedFinding, location: ArtifactLocation, base: string): object {
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
  };
}

/** Where the results list opens in the log's text (once: every string in the log is escaped JSON). */
const RESULTS_OPEN = '"results": [';

/** Results sit in runs[0].results, eight spaces in. */
const RESULT_INDENT = '\n        ';

/** One finding as SarifWriter writes it: after a comma (the first result drops it), indented in place.
 *  `location`: the file's artifactLocation from `base`. Plain data: a worker thread formats the
 *  findings it finds. */
export function sarifOfFinding(f: LocatedFinding, location: ArtifactLocation, base: string): string {
  return `,${RESULT_INDENT}${JSON.stringify(sarifResult(f, location, base), null, 2).replace(/\n/g, RESULT_INDENT)}`;
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
    const version = toolVersion();
    return {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [{
        tool: {
          driver: {
            name: 'infusion-claims',
            informationUri: INFORMATION_URI,
            ...(version ? { version } : {}),
            rules: ruleDescriptors(),
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

  /** Results' text from sarifOfFinding: one result, several, or a piece of them (cut anywhere). */
  add(text: string): void {
    if (text === '') return;
    this.out(this.results++ === 0 ? text.slice(1) : text);
  }

  file(r: FileResult): void {
    const location = artifactLocation(r.path, this.base);
    for (const f of r.findings) this.add(sarifOfFinding(f, location, this.base));
  }

  /** The end of the log, with what could not be read. */
  end(failures: readonly ReadFailure[] = []): string {
    const text = JSON.stringify(this.log(failures), null, 2);
    const tail = text.slice(text.lastIndexOf(RESULTS_OPEN) + RESULTS_OPEN.length + 1);
    return `${this.results === 0 ? ']' : '\n      ]'}${tail}\n`;
  }
}

/** The whole log of these results at once. */
export function formatSarif(results: readonly FileResult[], base: string = baseDir()): string {
  let text = '';
  const writer = new SarifWriter((t) => { text += t; }, base);
  for (const r of results) writer.file(r);
  return text + writer.end();
}
