// Packing a big CSV file for the workspace index part by part (workspace/pack-in-parts.ts): the
// server runs it a step at a time and answers requests between steps, so it must yield often, and
// it must say when a file cannot be read in parts (the caller then parses it whole).
// Equality with packing the whole parse: test/cli/cross-file.test.ts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runToEnd } from '../../server/src/steps';
import { packInParts } from '../../server/src/workspace/pack-in-parts';
import { randomFile } from '../helpers/claims-csv';

describe('workspace: packing a CSV file in parts', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-pack-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('yields after every batch of rows, and packs every kept line', () => {
    // 100 claims of 3 lines, each of its own member (a part each); every 10th line undated.
    const rows = ['claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge'];
    for (let i = 0; i < 300; i++) rows.push(`C${i / 3 | 0},M${i / 3 | 0},commercial,PA1,${i % 10 === 9 ? '' : '2026-03-02'},12,S9502,1,250.00`);
    const file = path.join(dir, 'a.claims.csv');
    fs.writeFileSync(file, rows.join('\n') + '\n');
    const steps = packInParts(file, 7);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    const packed = step.value;
    assert.ok(packed, 'read in parts');
    // 300 rows in batches of at least 7 rows of whole parts (3 rows each): 9 rows, 34 batches.
    assert.ok(yields >= 34, `${yields} steps`);
    assert.strictEqual(packed.length, 270, 'the dated lines');
  });

  it('a file with an unclosed quote cannot be read in parts: undefined, for the whole parse to do', () => {
    const file = path.join(dir, 'b.claims.csv');
    fs.writeFileSync(file, randomFile(3, 80) + 'C1,M1,commercial,PA1,2026-03-02,,12,S9502,,1,"250.00\n');
    assert.strictEqual(runToEnd(packInParts(file, 7)), undefined);
  });

  it('stopping it part way closes the file and packs nothing more', () => {
    const file = path.join(dir, 'c.claims.csv');
    fs.writeFileSync(file, randomFile(9, 200));
    const open = (): number => fs.readdirSync('/proc/self/fd').length;
    const before = open();
    const steps = packInParts(file, 7);
    steps.next();
    steps.next();
    assert.strictEqual(open(), before + 1, 'the file is open while packing');
    assert.deepStrictEqual(steps.return(undefined), { done: true, value: undefined });
    assert.strictEqual(open(), before, 'and closed once stopped');
    assert.strictEqual(steps.next().done, true);
  });
});
