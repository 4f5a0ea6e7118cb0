// Reports of a big CSV file written while it is checked in parts (csv-parts.ts), so that neither
// its findings nor its report are ever held whole: memory stays flat however big the file is.
// The bytes are those of checking it whole and formatting the result (report-text.ts,
// report-json.ts). Text lines go out as soon as their batch is done. A JSON entry starts with its
// counts, which are known only at the end: its findings' text waits in a private temporary file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { StringDecoder } from 'string_decoder';
import type { LintOptions } from '../rules/types';
import { streamCsvInParts } from './csv-parts';
import type { ClaimFile } from './files';
import { jsonOfFinding, type JsonWriter } from './report-json';
import { countInto, newTally, textOfFinding, type FileTally } from './report-text';

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

/** Write all of `bytes` at the end of what fd has (a write may take only part of them). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}

/** The text report of a big CSV file, written batch by batch; undefined when the file must be
 *  checked the plain way (nothing was written then). */
export function streamText(file: ClaimFile, options: LintOptions, out: (text: string) => void): FileTally | undefined {
  const tally = newTally();
  const pieces = new Pieces(out);
  const ok = streamCsvInParts(file, options, (f) => {
    countInto(tally, f);
    pieces.add(textOfFinding(file.path, f));
  }, false);
  pieces.flush();
  return ok ? tally : undefined;
}

/** The JSON entry of a big CSV file (see the top of this file); undefined when the file must be
 *  checked the plain way (nothing was written then). */
export function streamJson(file: ClaimFile, options: LintOptions, json: JsonWriter, out: (text: string) => void): FileTally | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infusion-claims-'));
  const spool = path.join(dir, 'findings.json');
  const fd = fs.openSync(spool, 'w+', 0o600);
  try {
    const tally = newTally();
    let count = 0;
    const pieces = new Pieces((text) => writeAll(fd, Buffer.from(text, 'utf8')));
    const ok = streamCsvInParts(file, options, (f) => {
      countInto(tally, f);
      pieces.add(jsonOfFinding(f, count++ === 0));
    });
    if (!ok) return undefined;
    pieces.flush();
    json.streamed(file.path, file.format, tally, count, () => {
      const buf = Buffer.allocUnsafe(1 << 20);
      const decoder = new StringDecoder('utf8');
      for (let at = 0; ;) {
        const n = fs.readSync(fd, buf, 0, buf.length, at);
        if (n === 0) break;
        at += n;
        out(decoder.write(buf.subarray(0, n)));
      }
      const rest = decoder.end();
      if (rest) out(rest);
    });
    return tally;
  } finally {
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
