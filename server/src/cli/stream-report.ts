// Reports of a big CSV file written while it is checked in parts (csv-parts.ts), so that neither
// its findings nor its report are ever held whole: memory stays flat however big the file is.
// The bytes are those of checking it whole and formatting the result (report-text.ts,
// report-json.ts). Text lines go out as soon as every batch before them is done. A JSON entry
// starts with its counts, which are known only at the end: its findings follow then, from the
// temporary file they waited in (ordered-spool.ts).
import type { LintOptions } from '../rules/types';
import { streamCsvInParts, type InParts } from './csv-parts';
import type { ClaimFile } from './files';
import type { JsonWriter } from './report-json';
import type { SarifWriter } from './report-sarif';
import type { FileTally } from './report-text';
import type { FixedInParts } from './csv-parts-fix';

/** Output is handed on in pieces about this big. */
const PIECE_CHARS = 1 << 16;

/** Text handed on in pieces rather than line by line. */
class Pieces {
  private text = '';
  constructor(private readonly write: (text: string) => void) {}
  add(text: string): void {
    this.text += text;
    if (this.text.length >= PIECE_CHARS) this.flush();
  }
  flush(): void {
    if (this.text) this.write(this.text);
    this.text = '';
  }
}

/** Where a streamed JSON report goes: text, and (when the receiver takes them) UTF-8 bytes for the
 *  findings that waited in the temporary file, handed on as they were read, not decoded first.
 *  (A text report has none left to wait: each line goes out once the batches before it are done.) */
export interface ReportOut {
  out(text: string): void;
  /** Report bytes as they are (UTF-8); without it they come to `out`. True when done with the
   *  bytes on return (written, or copied): their buffer is used again. */
  outBytes?(bytes: Uint8Array): boolean;
}

/** A report whose findings each need nothing from after them (text, SARIF results): written in
 *  document order as the check goes; undefined when the file must be checked the plain way
 *  (nothing was written then). */
function streamInOrder(file: ClaimFile, options: LintOptions, form: 'text' | 'sarif', write: (text: string) => void, fix?: FixedInParts): FileTally | undefined {
  const pieces = new Pieces(write);
  let tally: FileTally | undefined;
  const done = (result: InParts): void => {
    result.rest((text) => pieces.add(text));
    tally = result.tally;
  };
  // After --fix in parts, the report of the fixed file comes from the fixing (no second check).
  const ok = fix?.report ? fix.report(done) : streamCsvInParts(file, options, form, { early: (text) => pieces.add(text), done });
  pieces.flush();
  return ok ? tally : undefined;
}

/** The text report of a big CSV file, written as the check goes (see streamInOrder). */
export function streamText(file: ClaimFile, options: LintOptions, out: (text: string) => void, fix?: FixedInParts): FileTally | undefined {
  return streamInOrder(file, options, 'text', out, fix);
}

/** The JSON entry of a big CSV file (see the top of this file), with what fixing it in parts did
 *  (`fix`); undefined when the file must be checked the plain way (nothing was written then). */
export function streamJson(
  file: ClaimFile, options: LintOptions, json: JsonWriter, to: ReportOut, fix?: FixedInParts,
): FileTally | undefined {
  let tally: FileTally | undefined;
  const done = (result: InParts): void => {
    tally = result.tally;
    tally.fixed = fix?.fixed ?? 0;
    json.streamed(file.path, file.format, result.tally, result.count, fix?.notFixed, () => {
      // Each entry came after a comma (csv-parts.ts, FindingForm): the list's first does not.
      // The comma is one byte in UTF-8.
      let first = true;
      if (to.outBytes) {
        result.restBytes((bytes) => {
          const taken = to.outBytes!(first ? bytes.subarray(1) : bytes);
          first = false;
          return taken;
        });
      } else {
        result.rest((text) => {
          to.out(first ? text.slice(1) : text);
          first = false;
        });
      }
    });
  };
  const ok = fix?.report ? fix.report(done) : streamCsvInParts(file, options, 'json', { done });
  return ok ? tally : undefined;
}

/** The SARIF results of a big CSV file, written as the check goes (see streamInOrder). */
export function streamSarif(file: ClaimFile, options: LintOptions, sarif: SarifWriter, fix?: FixedInParts): FileTally | undefined {
  sarif.startFile();
  return streamInOrder(file, options, 'sarif', (text) => sarif.add(text), fix);
}
