import * as assert from 'assert';
import { latestBefore, type Span } from '../../../server/src/rules/util/latest-before';
import { rng } from '../../helpers/seeded';

/** What hit-initial-visit did before: every visit scanned for each asked day. */
function byScan(visits: readonly Span[], day: number): { at: number; day: number } | undefined {
  let best: { at: number; day: number } | undefined;
  visits.forEach((visit, at) => {
    if (visit.start >= day) return;
    const last = Math.min(visit.end, day - 1);
    if (!best || last > best.day) best = { at, day: last };
  });
  return best;
}

describe('latest visit before a day (hit-initial-visit look-back)', () => {
  it('finds the visit whose last day before is the latest, spans clamped to the day before', () => {
    const visits = [{ start: 10, end: 10 }, { start: 20, end: 40 }, { start: 25, end: 25 }];
    assert.deepStrictEqual(latestBefore(visits, [5, 10, 11, 26, 30]), [
      undefined,
      undefined, // a visit the same day is not before
      { at: 0, day: 10 },
      { at: 1, day: 25 }, // the span 20..40 covers the day before; ties go to the first listed
      { at: 1, day: 29 },
    ]);
  });

  it('agrees with a scan of every visit on random histories (ties, long and invalid spans)', () => {
    const random = rng(6060);
    for (let round = 0; round < 300; round++) {
      const visits = Array.from({ length: Math.floor(random() * 40) }, () => {
        const start = Math.floor(random() * 100);
        return { start, end: start + Math.floor(random() * 12) - 2 };
      });
      const days = Array.from({ length: 30 }, () => Math.floor(random() * 120));
      const found = latestBefore(visits, days);
      days.forEach((day, i) => assert.deepStrictEqual(found[i], byScan(visits, day), `round ${round}, day ${day}`));
    }
  });
});
