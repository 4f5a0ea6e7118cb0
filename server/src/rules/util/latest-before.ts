// For each asked day, the member's latest earlier visit: the one whose last day before the asked
// day is the latest. hit-initial-visit asked this of every visit by scanning every other one,
// which was quadratic in a member's visits (a one-member history of 100k HIT lines stalled).
// Here: asks in day order, visits added in start order, and a Fenwick tree over the visits' last
// days that keeps the first (in list order) visit at or after a given last day. O((n + q) log n).

export interface Span {
  readonly start: number;
  /** The visit's last day; may be before its start (an invalid span counts as it is written). */
  readonly end: number;
}

export interface LatestBefore {
  /** Position in the visit list. */
  readonly at: number;
  /** min(end, day - 1): the visit's last day before the asked day. */
  readonly day: number;
}

/**
 * For each asked day, among the visits that start before it, the one whose min(end, day - 1) is
 * the greatest; ties go to the first in list order (what a scan in list order would keep).
 */
export function latestBefore(visits: readonly Span[], days: readonly number[]): (LatestBefore | undefined)[] {
  const byStart = visits.map((_, i) => i).sort((a, b) => visits[a].start - visits[b].start);
  /** Distinct last days, latest first: rank r holds the r-th latest. */
  const ends = [...new Set(visits.map((v) => v.end))].sort((a, b) => b - a);
  const tree = new Int32Array(ends.length + 1).fill(NONE);
  const asks = days.map((_, i) => i).sort((a, b) => days[a] - days[b]);
  const answers: (LatestBefore | undefined)[] = new Array(days.length).fill(undefined);
  let added = 0;
  let latestEnd = -Infinity;
  for (const ask of asks) {
    const day = days[ask];
    for (; added < byStart.length && visits[byStart[added]].start < day; added++) {
      const at = byStart[added];
      latestEnd = Math.max(latestEnd, visits[at].end);
      keepFirst(tree, rankOf(ends, visits[at].end), at);
    }
    if (added === 0) continue;
    const best = Math.min(latestEnd, day - 1);
    // Every added visit whose end is at or after `best` has exactly `best` as its last day before.
    answers[ask] = { at: firstUpTo(tree, rankOf(ends, best, true)), day: best };
  }
  return answers;
}

const NONE = 0x7fffffff;

/** The rank of `end` in `ends` (latest first); with `atOrAfter`, the last rank whose end is ≥ it. */
function rankOf(ends: readonly number[], end: number, atOrAfter = false): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] > end || (atOrAfter && ends[mid] === end)) lo = mid + 1;
    else hi = mid;
  }
  return atOrAfter ? lo - 1 : lo;
}

function keepFirst(tree: Int32Array, rank: number, at: number): void {
  for (let i = rank + 1; i < tree.length; i += i & -i) if (at < tree[i]) tree[i] = at;
}

/** The first visit (list order) among ranks 0..rank. */
function firstUpTo(tree: Int32Array, rank: number): number {
  let first = NONE;
  for (let i = rank + 1; i > 0; i -= i & -i) if (tree[i] < first) first = tree[i];
  return first;
}
