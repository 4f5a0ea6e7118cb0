import * as assert from 'assert';
import { lintText } from '../server/src/engine';
describe('engine smoke', () => {
  it('lints an empty file without throwing', () => {
    assert.ok(Array.isArray(lintText('', 'csv').findings));
  });
});
