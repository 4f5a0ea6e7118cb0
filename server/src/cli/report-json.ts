// JSON output: an array with one entry per file checked, each with its findings.
import type { FileResult, LocatedFinding } from './check';
import { tallyOf, type FileTally } from './report-text';

export function formatJson(results: readonly FileResult[]): string {
  const files = results.map((r) => {
    const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
    return {
      file: r.path,
      format: r.format,
      errorCount: count('error'),
      warningCount: count('warning'),
      infoCount: count('info'),
      fixed: r.fixed,
      ...(r.notFixed ? { notFixed: r.notFixed } : {}),
      findings: r.findings,
    };
  });
  return JSON.stringify(files, null, 2) + '\n';
}

/** An entry of the array as formatJson writes it (at two spaces), without its findings. */
function entryHead(file: string, format: string, counts: { errors: number; warnings: number; infos: number }, fixed: number, notFixed?: string): string {
  const entry = {
    file,
    format,
    errorCount: counts.errors,
    warningCount: counts.warnings,
    infoCount: counts.infos,
    fixed,
    ...(notFixed ? { notFixed } : {}),
    findings: [],
  };
  return `  ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n  ')}`;
}

const NO_FINDINGS_END = '[]\n  }';

/** The keys of a LocatedFinding, in the order JSON.stringify writes them (check.ts, csv-parts.ts). */
const FINDING_KEYS = 'ruleId,severity,message,start,end,line,column,endLine,endColumn,fixes';
const FINDING_KEYS_RELATED = `${FINDING_KEYS},related`;
const FIX_KEYS = 'title,safe';
const RELATED_KEYS = 'message,line,column,endLine,endColumn';
const RELATED_KEYS_FILE = 'message,file,line,column,endLine,endColumn';

/** What JSON.stringify(f, null, 2) gives at six spaces, written directly: a big file has tens of
 *  thousands of findings, and the generic indenting was a good part of writing its report. */
function findingText(f: LocatedFinding): string {
  const q = JSON.stringify;
  let fixes = '[]';
  if (f.fixes.length > 0) {
    fixes = '[';
    f.fixes.forEach((x, i) => {
      fixes += `${i === 0 ? '' : ','}\n          {\n            "title": ${q(x.title)},\n            "safe": ${x.safe}\n          }`;
    });
    fixes += '\n        ]';
  }
  let related = '';
  if (f.related) {
    related = ',\n        "related": [';
    f.related.forEach((r, i) => {
      related += `${i === 0 ? '' : ','}\n          {\n            "message": ${q(r.message)},`
        + `${r.file === undefined ? '' : `\n            "file": ${q(r.file)},`}`
        + `\n            "line": ${r.line},\n            "column": ${r.column},\n            "endLine": ${r.endLine},\n            "endColumn": ${r.endColumn}\n          }`;
    });
    related += f.related.length > 0 ? '\n        ]' : ']';
  }
  return `{\n        "ruleId": ${q(f.ruleId)},\n        "severity": ${q(f.severity)},\n        "message": ${q(f.message)},`
    + `\n        "start": ${f.start},\n        "end": ${f.end},\n        "line": ${f.line},\n        "column": ${f.column},`
    + `\n        "endLine": ${f.endLine},\n        "endColumn": ${f.endColumn},\n        "fixes": ${fixes}${related}\n      }`;
}

/** Whether findingText writes what JSON.stringify would: the plain shape (with or without related
 *  places), nothing more or less. */
function plainShape(f: LocatedFinding): boolean {
  const keys = Object.keys(f).join(',');
  if (keys !== FINDING_KEYS && keys !== FINDING_KEYS_RELATED) return false;
  if (![f.start, f.end, f.line, f.column, f.endLine, f.endColumn].every(Number.isSafeInteger)) return false;
  if (!f.fixes.every((x) => Object.keys(x).join(',') === FIX_KEYS && typeof x.safe === 'boolean')) return false;
  if (keys === FINDING_KEYS) return true;
  return Array.isArray(f.related) && f.related.every((r) => {
    const k = Object.keys(r).join(',');
    return (k === RELATED_KEYS || (k === RELATED_KEYS_FILE && typeof r.file === 'string')) && typeof r.message === 'string'
      && [r.line, r.column, r.endLine, r.endColumn].every(Number.isSafeInteger);
  });
}

/** One finding as formatJson writes it inside an entry's findings (at six spaces), without what goes before it (jsonOfFinding). */
export function findingJson(f: LocatedFinding): string {
  return plainShape(f) ? findingText(f) : JSON.stringify(f, null, 2).replace(/\n/g, '\n      ');
}

/** An entry of findingJson as formatJson writes it, after what goes before it (`first`: the entry opens the list). */
export function jsonOfFinding(entry: string, first: boolean): string {
  return `${first ? '\n' : ',\n'}      ${entry}`;
}

/**
 * The JSON output written file by file as the check goes, byte for byte what formatJson gives
 * for the same files: a whole FileResult, or (a file checked in parts) its head once its counts
 * are known and then its findings' text, written by jsonOfFinding in document order.
 */
export class JsonWriter {
  private entries = 0;
  constructor(private readonly out: (text: string) => void) {}

  private start(): void {
    this.out(this.entries++ === 0 ? '[\n' : ',\n');
  }

  file(r: FileResult): void {
    this.start();
    const head = entryHead(r.path, r.format, tallyOf(r), r.fixed, r.notFixed);
    if (r.findings.length === 0) {
      this.out(head);
      return;
    }
    let text = head.slice(0, -NO_FINDINGS_END.length) + '[';
    r.findings.forEach((f, i) => {
      text += jsonOfFinding(findingJson(f), i === 0);
    });
    this.out(`${text}\n    ]\n  }`);
  }

  /** A file that could not be read (or, with --fix, written): its entry says why (`error`), with
   *  no findings, so that the report of a run that missed a file does not read as complete. */
  failed(path: string, format: string, reason: string): void {
    this.start();
    const entry = { file: path, format, errorCount: 0, warningCount: 0, infoCount: 0, fixed: 0, error: reason, findings: [] };
    this.out(`  ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n  ')}`);
  }

  /** A file whose findings' text (`count` of them, from jsonOfFinding) `writeFindings` writes. */
  streamed(path: string, format: string, tally: FileTally, count: number, notFixed: string | undefined, writeFindings: () => void): void {
    this.start();
    const head = entryHead(path, format, tally, tally.fixed, notFixed);
    if (count === 0) {
      this.out(head);
      return;
    }
    this.out(head.slice(0, -NO_FINDINGS_END.length) + '[');
    writeFindings();
    this.out('\n    ]\n  }');
  }

  /** The end of the output. */
  end(): string {
    return this.entries === 0 ? '[]\n' : '\n]\n';
  }
}
