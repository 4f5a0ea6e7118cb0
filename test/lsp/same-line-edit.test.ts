// An edit earlier on a line that holds a finding the edit did not change (a JSON line with many
// values, a CSV row's earlier cell): the finding is kept, but its columns moved. The published
// diagnostics must be those of the current text (editor.md), the same as a fresh open's.
import * as assert from 'assert';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { csv, CSV_HEADER, MEROPENEM_442, MEROPENEM_ROW, PER_DIEM_ROW } from './fixtures';

const key = (ds: Diagnostic[]): string[] => ds.map((d) => {
  const r = d.range;
  const rel = (d.relatedInformation ?? []).map((i) => `${i.location.range.start.line}:${i.location.range.start.character}`).join(',');
  return `${String(d.code)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}[${rel}]`;
}).sort();

describe('LSP: an edit earlier on the same line as a kept finding', function () {
  let client: TestClient;
  let n = 0;
  before(async () => { client = await TestClient.start(); });
  after(async () => { await client.stop(); });

  /** Opens `text`, applies one edit, and returns the incremental diagnostics and those of a fresh open of the result. */
  async function editThenFresh(lang: 'claims-csv' | 'claims-json', text: string, range: Range, insert: string): Promise<{ inc: Diagnostic[]; fresh: Diagnostic[] }> {
    const ext = lang === 'claims-csv' ? 'csv' : 'json';
    const uri = `file:///claims/same-line-${n++}.claims.${ext}`;
    client.open(uri, lang, text);
    await client.currentDiagnostics(uri);
    client.change(uri, [{ range, text: insert }]);
    const inc = await client.currentDiagnostics(uri);
    const fresh = `file:///claims/same-line-${n++}.claims.${ext}`;
    client.open(fresh, lang, client.text(uri));
    return { inc, fresh: await client.currentDiagnostics(fresh) };
  }

  it('JSON: the indent of a line deleted moves ndc-format on that line', async () => {
    const text = '{"claims":[{"claim_id":"C1","member_id":"M1","auth_number":"P","lines":[\n'
      + '  {"notes":"x","hcpcs":"J2185","dos_from":"2026-03-02","units":30,"ndc":"1234-5678-90","ndc_unit":"UN","ndc_qty":3}]}]}\n';
    const { inc, fresh } = await editThenFresh('claims-json', text, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, '');
    const ndc = inc.find((d) => d.code === 'ndc-format');
    assert.ok(ndc, JSON.stringify(key(inc)));
    assert.deepStrictEqual(ndc.range, { start: { line: 1, character: 70 }, end: { line: 1, character: 84 } });
    assert.deepStrictEqual(key(inc), key(fresh));
  });

  it('JSON: a longer note earlier on the line moves it right', async () => {
    const text = '{"claims":[{"claim_id":"C1","member_id":"M1","auth_number":"P","lines":[\n'
      + '  {"notes":"x","hcpcs":"J2185","dos_from":"2026-03-02","units":30,"ndc":"1234-5678-90","ndc_unit":"UN","ndc_qty":3}]}]}\n';
    const { inc, fresh } = await editThenFresh('claims-json', text, { start: { line: 1, character: 13 }, end: { line: 1, character: 13 } }, 'yyyy');
    assert.ok(inc.some((d) => d.code === 'ndc-format'));
    assert.deepStrictEqual(key(inc), key(fresh));
  });

  it('CSV: a cell earlier on the row made longer or shorter', async () => {
    const text = csv(CSV_HEADER, PER_DIEM_ROW, MEROPENEM_ROW);
    const col = MEROPENEM_ROW.indexOf('PA7731');
    for (const [insert, end] of [['PA77310000', col + 6], ['P', col + 6], ['', col + 6]] as Array<[string, number]>) {
      const { inc, fresh } = await editThenFresh('claims-csv', text, { start: { line: 2, character: col }, end: { line: 2, character: end } }, insert);
      assert.ok(inc.some((d) => d.code === 'ndc-format'), JSON.stringify(key(inc)));
      assert.deepStrictEqual(key(inc), key(fresh), `auth ${JSON.stringify(insert)}`);
    }
    // The charge cell, just before the NDC, and the notes after it.
    const charge = MEROPENEM_ROW.indexOf('96.00');
    const { inc, fresh } = await editThenFresh('claims-csv', text, { start: { line: 2, character: charge }, end: { line: 2, character: charge + 5 } }, '196.5');
    assert.deepStrictEqual(key(inc), key(fresh));
    const ndcAt = MEROPENEM_ROW.indexOf(MEROPENEM_442);
    const moved = await editThenFresh('claims-csv', text, { start: { line: 2, character: ndcAt - 1 }, end: { line: 2, character: ndcAt - 1 } }, '0');
    assert.deepStrictEqual(key(moved.inc), key(moved.fresh));
  });
});
