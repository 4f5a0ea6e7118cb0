// "Did you mean …?" for a misspelt rule id: the nearest id by edit distance (a swap of two
// neighbouring letters counts one), letter case ignored, when it is near enough to be a slip.
import { detach } from '../../detach';

/** Edit distance with adjacent transpositions (optimal string alignment). */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { rows[0].push(j); continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}

/** The id of `ids` nearest to `written`, or undefined when none is within a slip of it: two
 *  edits, three for ids of more than twelve characters. Ties go to the first in `ids`. */
export function nearestId(written: string, ids: readonly string[]): string | undefined {
  // Asked per line: 50,000 rows under one misspelt comment asked 50,000 times.
  const key = `${written}\u0000${ids.length}`;
  if (answers.has(key)) return answers.get(key);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  const answer = nearest(written, ids);
  answers.set(detach(key), answer); // flat: not holding `written`, a slice of a document
  return answer;
}

const MAX_ANSWERS = 256;
const answers = new Map<string, string | undefined>();

function nearest(written: string, ids: readonly string[]): string | undefined {
  const w = written.toLowerCase();
  if (w.length > 64) return undefined; // not a slip of any id; and the table would be big
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const id of ids) {
    const d = distance(w, id);
    if (d < bestDistance) {
      best = id;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= (best.length > 12 ? 3 : 2) ? best : undefined;
}
