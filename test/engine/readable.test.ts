// A message quotes the values it is about, and a half-written file's values can be a 1 MB cell,
// an id with a line break, or binary bytes: every finding's message stays one readable line.
import * as assert from 'assert';
import { lintText } from '../../server/src/engine';
import { readableMessage } from '../../server/src/rules/util/readable';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty';

describe('readable messages', () => {
  it('leaves an ordinary message as it is (the same string)', () => {
    const m = 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH';
    assert.strictEqual(readableMessage(m), m);
  });

  it('puts a value with line breaks or control bytes on one line', () => {
    assert.strictEqual(readableMessage('Claim C\n1 has no prior authorization number'), 'Claim C 1 has no prior authorization number');
    assert.strictEqual(readableMessage('Claim \u0001\u0002x has no prior authorization number'), 'Claim  x has no prior authorization number');
  });

  it('cuts a long value short, keeping what to do', () => {
    const m = readableMessage(`ndc_qty ${'x'.repeat(100_000)} is not a number: enter the quantity administered`);
    assert.strictEqual(m, `ndc_qty ${'x'.repeat(32)}… is not a number: enter the quantity administered`);
  });

  it('keeps a long message of short words to its start and end', () => {
    const m = readableMessage(`notes ${'a '.repeat(50_000)}end: remove it`);
    assert.ok(m.length < 420, `${m.length} characters`);
    assert.ok(m.startsWith('notes a a'));
    assert.ok(m.endsWith('a end: remove it'));
  });

  it('every finding of a file with a 1 MB cell and a multi-line claim id is one short line', () => {
    const big = 'x'.repeat(1 << 20);
    const text = [
      HEAD,
      `C1,M1,commercial,PA1,2026-03-02,S9501,,1,1,,,${big}`,
      `C2,M1,commercial,PA1,2026-03-02,${big},,1,1,,,`,
      `${big},M2,commercial,,2026-03-02,S9502,,1,1,,,`,
      '"C\n3",M3,commercial,,2026-03-02,S9502,,1,1,,,',
    ].join('\n') + '\n';
    const { findings } = lintText(text, 'csv');
    const ids = findings.map((f) => f.ruleId);
    for (const id of ['invalid-value', 'code-format', 'auth-missing']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    for (const f of findings) {
      assert.ok(f.message.length <= 420, `${f.ruleId}: ${f.message.length} characters`);
      assert.ok(!/[\r\n]/.test(f.message), `${f.ruleId}: ${JSON.stringify(f.message)}`);
      for (const r of f.related ?? []) assert.ok(r.message.length <= 420 && !/[\r\n]/.test(r.message));
    }
    const auth = findings.filter((f) => f.ruleId === 'auth-missing').map((f) => f.message);
    assert.ok(auth.some((m) => m.startsWith(`Claim ${'x'.repeat(32)}… has no prior authorization`)), auth.join('\n'));
    assert.ok(auth.some((m) => m.startsWith('Claim C 3 has no prior authorization')), auth.join('\n'));
  });
});
