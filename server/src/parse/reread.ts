// What re-reading an edited text gives, whatever its format: where the two texts differ, and
// which lines of the new document are the old ones (edits/reruns.ts re-runs the rules only for
// the others).
import type { ClaimDocument } from '../model';

/** An edit as two texts differ: [start, oldEnd) of the old text became [start, newEnd) of the new. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Chunk compared at once: string equality of slices runs as a memory compare in the engine. */
const CHUNK = 4096;

function commonPrefix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + CHUNK <= limit && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + CHUNK <= limit && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Where two texts differ (the smallest range, by common prefix and suffix); undefined when equal. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  const start = commonPrefix(before, after, shorter);
  const end = commonSuffix(before, after, shorter - start);
  return { start, oldEnd: before.length - end, newEnd: after.length - end };
}

/**
 * The re-read document and what became of the previous document's lines: lines [0, before) are
 * the old lines [0, before); lines [before, windowEnd) were read again; the old lines from
 * oldWindowEnd on follow them in order, moved by the edit. (CSV: csv-incremental.ts, by rows;
 * JSON: json-incremental.ts, by claim objects.)
 */
export interface Reread {
  readonly doc: ClaimDocument;
  readonly before: number;
  readonly windowEnd: number;
  readonly oldWindowEnd: number;
  /** Per re-read line (windowEnd − before of them): the old line whose values it kept, or -1 for a
   *  line read anew (its row changed, or its suppression did). */
  readonly windowOrigin: readonly number[];
}
