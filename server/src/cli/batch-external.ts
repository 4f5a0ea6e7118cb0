// The workspace lines a batch of a big file needs (--workspace, csv-parts.ts): those of the
// batch's members only. A file's `external` holds the other files' lines of all its members;
// handed whole to each batch, every batch's same-day index took them all in, and two 250k-line
// files took 100 s to check together (2.5 times the lines, 11 times the time).
import { lintDocument, type LintResult } from '../engine';
import type { ClaimDocument } from '../model';
import { parseDocument } from '../parse';
import type { ExternalLine, LintOptions } from '../rules/types';

/** Per external list: member id → positions of the member's lines in it, in order. */
const byMemberOf = new WeakMap<readonly ExternalLine[], Map<string, number[]>>();

function byMember(external: readonly ExternalLine[]): Map<string, number[]> {
  let map = byMemberOf.get(external);
  if (!map) {
    map = new Map();
    external.forEach((ext, i) => {
      let list = map!.get(ext.line.memberId);
      if (!list) map!.set(ext.line.memberId, (list = []));
      list.push(i);
    });
    byMemberOf.set(external, map);
  }
  return map;
}

/**
 * The options for linting a batch: its members' external lines, in the order of the file's list
 * (a rule that looks for "the first other line" finds the one the whole file's lint finds).
 */
function batchOptions(options: LintOptions, doc: ClaimDocument): LintOptions {
  const external = options.external;
  if (!external || external.length === 0) return options;
  const map = byMember(external);
  const seen = new Set<string>();
  const positions: number[] = [];
  for (const line of doc.lines) {
    if (seen.has(line.memberId)) continue;
    seen.add(line.memberId);
    const list = map.get(line.memberId);
    if (list) for (const i of list) positions.push(i);
  }
  positions.sort((a, b) => a - b);
  return { ...options, external: positions.map((i) => external[i]) };
}

/** Lint a batch's text (csv-parts.ts checks it, csv-parts-fix.ts fixes it), and the options it
 *  was linted with: a fix's relint must see the same workspace lines. */
export function lintBatchText(text: string, options: LintOptions): { result: LintResult; options: LintOptions } {
  const doc = parseDocument(text, 'csv');
  const own = batchOptions(options, doc);
  return { result: { doc, findings: lintDocument(doc, own) }, options: own };
}
