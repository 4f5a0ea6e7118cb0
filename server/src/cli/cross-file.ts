// Cross-file rules on the command line: the files of one run are one workspace. A first pass
// reads every file and keeps only its lines by member (compact, never the text), so the check of
// each file can be given the other files' lines of its members as `external`, as the editor's
// workspace analysis does (60-day initial visit, same-day concurrency and bundling across files).
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from '../parse';
import type { LintOptions } from '../rules/types';
import { MemberLines } from '../workspace/member-lines';
import type { ClaimFile } from './files';

export class RunLines {
  private readonly lines = new MemberLines();

  /** Index every file; an unreadable one is left out here (its check reports it). */
  static of(files: readonly ClaimFile[]): RunLines {
    const run = new RunLines();
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file.path, 'utf8');
      } catch {
        continue;
      }
      try {
        run.lines.set(keyOf(file), file.path, parseDocument(text, file.format));
      } catch {
        // The parser never throws on content; if it ever did, this file simply contributes no lines.
      }
    }
    return run;
  }

  /** The options for checking one file: the other files' lines of its members, when there are any. */
  optionsFor(file: ClaimFile, base: LintOptions): LintOptions {
    const external = this.lines.external(keyOf(file));
    return external.length > 0 ? { ...base, external } : base;
  }
}

function keyOf(file: ClaimFile): string {
  return path.resolve(file.path);
}
