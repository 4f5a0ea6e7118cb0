// Cross-file rules on the command line: the files of one run are one workspace. A first pass
// reads every file and keeps only its lines by member (compact, never the text), so the check of
// each file can be given the other files' lines its own reach as `external`, as the editor's
// workspace analysis does (60-day initial visit, same-day concurrency and bundling across files).
// A big file is read for this in parts, as it is checked (workspace/pack-in-parts.ts): its
// lines are never all parsed at once (nor a big JSON file's parse tree made).
import { readFileText } from '../workspace/file-text';
import * as path from 'path';
import { parseDocument } from '../parse';
import type { LintOptions } from '../rules/types';
import { PackedLines } from '../workspace/compact-line';
import { isKept, MemberLines } from '../workspace/member-lines';
import { PACK_BATCH_LINES, packInParts, packJsonInParts } from '../workspace/pack-in-parts';
import { checkedInParts } from './check';
import { IN_PARTS_MIN_BYTES } from '../batches/plan';
import { runToEnd } from '../steps';
import type { ClaimFile } from './files';

export class RunLines {
  private readonly lines = new MemberLines();

  /** Index every file; an unreadable one is left out here (its check reports it). */
  static of(files: readonly ClaimFile[]): RunLines {
    const run = new RunLines();
    for (const file of files) {
      try {
        run.lines.setPacked(keyOf(file), file.path, packedLinesOf(file));
      } catch {
        // Unreadable (or, if the parser ever threw on content, unparseable): this file simply
        // contributes no lines; its check reports what is wrong with it.
      }
    }
    return run;
  }

  /** The options for checking one file, when other files have lines of its members: those its
   *  lines reach (workspace/window.ts), made as a lint asks for them (a big file's batch by
   *  batch, each its own lines'). */
  optionsFor(file: ClaimFile, base: LintOptions): LintOptions {
    const key = keyOf(file);
    const lines = this.lines;
    if (!lines.shares(key)) return base;
    return { ...base, externalOf: (window) => lines.window(key, window), uri: file.path };
  }
}

function keyOf(file: ClaimFile): string {
  return path.resolve(file.path);
}

/**
 * A file's kept lines (member-lines.ts, isKept), packed: a big CSV file's (checkedInParts) batch by
 * batch, `batchLines` rows at a time, the same values and file offsets as packing the whole
 * file's parse, in file order (test/cli/cross-file.test.ts); a big JSON file's batch by batch of
 * claim objects; any other file's from its whole parse.
 */
export function packedLinesOf(file: ClaimFile, inParts = checkedInParts(file), batchLines = PACK_BATCH_LINES): PackedLines {
  if (file.format === 'csv') return (inParts && runToEnd(packInParts(file.path, batchLines))) || packedWhole(file);
  const text = readFileText(file.path);
  const big = text.length >= IN_PARTS_MIN_BYTES;
  return (big && runToEnd(packJsonInParts(text, batchLines))) || packedWhole(file, text);
}

function packedWhole(file: ClaimFile, text = readFileText(file.path)): PackedLines {
  const doc = parseDocument(text, file.format);
  return PackedLines.of(doc.lines.filter(isKept));
}
