import * as assert from 'assert';
import { mergeSortedSteps } from '../../server/src/merge-steps';
import { rng } from '../helpers/seeded';
import { stepped } from '../helpers/stepped';

interface Item { key: number; list: number; order: number }
const byKey = (a: Item, b: Item): number => a.key - b.key;

describe('engine: findings merged a step at a time (a big document\'s last step)', () => {
  it('gives what a stable sort of the lists one after another gives, ties in list order, on random lists', () => {
    const random = rng(4455);
    for (let round = 0; round < 200; round++) {
      const lists: Item[][] = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, list) =>
        Array.from({ length: Math.floor(random() * 30) }, (_, order) => ({ key: Math.floor(random() * 12), list, order })));
      const expected = lists.flat().sort(byKey);
      const { value } = stepped(mergeSortedSteps(lists.map((l) => [...l]), byKey, 5));
      assert.deepStrictEqual(value, expected, `round ${round}`);
    }
  });

  it('yields after each list it sorts and every so many items it merges; a few items are sorted in one step', () => {
    const lists = [0, 1, 2].map((list) => Array.from({ length: 100 }, (_, order) => ({ key: (order * 7919 + list) % 101, list, order })));
    const { value, yields } = stepped(mergeSortedSteps(lists, byKey, 25));
    assert.strictEqual(value.length, 300);
    assert.strictEqual(yields, 3 + 300 / 25);
    assert.strictEqual(stepped(mergeSortedSteps(lists, byKey, 1000)).yields, 0);
  });
});
