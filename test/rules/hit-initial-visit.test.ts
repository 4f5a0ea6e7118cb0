import * as assert from 'assert';
import { lintDocument } from '../../server/src/engine';
import { parseDocument } from '../../server/src/parse';
import { rule } from '../../server/src/rules/hit-initial-visit';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));

ruleTester(rule, {
  valid: [
    { name: 'a first initial visit', csv: csv('C1,M1,medicare,PA1,2026-03-20,G0088,4') },
    { name: 'G0089 76 days after the last HIT visit', csv: csv('C1,M1,medicare,PA1,2026-01-01,G0069,4', 'C2,M1,medicare,PA2,2026-03-18,G0089,4') },
    { name: '61 days after the last visit', csv: csv('C1,M1,medicare,PA1,2026-01-01,G0068,4', 'C2,M1,medicare,PA2,2026-03-03,G0088,4') },
    { name: 'a HIT visit the same day is not before', csv: csv('C1,M1,medicare,PA1,2026-03-20,G0068,2', 'C1,M1,medicare,PA1,2026-03-20,G0088,4') },
    { name: 'the earlier visit is another member\'s', csv: csv('C1,M2,medicare,PA1,2026-03-10,G0068,4', 'C2,M1,medicare,PA2,2026-03-20,G0088,4') },
    { name: 'subsequent visits after the initial one', csv: csv('C1,M1,medicare,PA1,2026-03-01,G0088,4', 'C1,M1,medicare,PA1,2026-03-08,G0068,4') },
    { name: 'a later HIT visit does not count', csv: csv('C1,M1,medicare,PA1,2026-03-01,G0090,4', 'C1,M1,medicare,PA1,2026-03-08,G0070,4') },
    { name: 'a nursing visit before is not a HIT G-code', csv: csv('C1,M1,medicare,PA1,2026-03-01,99601,1', 'C1,M1,medicare,PA1,2026-03-08,G0088,4') },
  ],
  invalid: [
    {
      // A dos_to before dos_from (invalid-value's finding): the visit is still on its dos_from day.
      name: 'an earlier visit whose dos_to is before its dos_from counts on its dos_from',
      json: '{ "claim_id": "C1", "member_id": "M1", "payer": "medicare", "lines": [\n' +
        '  { "dos_from": "2026-03-01", "dos_to": "2026-01-01", "hcpcs": "G0069", "units": 4 },\n  { "dos_from": "2026-03-05", "hcpcs": "G0089", "units": 4 }\n] }\n',
      errors: [{ message: /^G0089 is an initial visit on 2026-03-05, but the member had G0069 on 2026-03-01, 4 days before/, text: '"G0089"' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "payer": "medicare", "lines": [\n' +
        '  { "dos_from": "2026-03-01", "dos_to": "2026-01-01", "hcpcs": "G0069", "units": 4 },\n  { "dos_from": "2026-03-05", "hcpcs": "G0069", "units": 4 }\n] }\n',
    },
    {
      name: 'G0088 38 days after G0068',
      csv: csv('C1,M1,medicare,PA1,2026-02-10,G0068,4', 'C2,M1,medicare,PA2,2026-03-20,G0088,4'),
      errors: [{
        message: 'G0088 is an initial visit on 2026-03-20, but the member had G0068 on 2026-02-10, 38 days before: Medicare rejects an initial visit within 60 days of any HIT visit; use subsequent-visit code G0068',
        text: 'G0088',
      }],
      output: csv('C1,M1,medicare,PA1,2026-02-10,G0068,4', 'C2,M1,medicare,PA2,2026-03-20,G0068,4'),
    },
    {
      name: 'exactly 60 days is still within the window',
      csv: csv('C1,M1,medicare,PA1,2026-01-01,G0069,4', 'C2,M1,medicare,PA2,2026-03-02,G0089,4'),
      errors: [{ message: /^G0089 is an initial visit on 2026-03-02, but the member had G0069 on 2026-01-01, 60 days before: .*use subsequent-visit code G0069$/, text: 'G0089' }],
      output: csv('C1,M1,medicare,PA1,2026-01-01,G0069,4', 'C2,M1,medicare,PA2,2026-03-02,G0069,4'),
    },
    {
      name: 'names the most recent earlier visit, one day before',
      csv: csv('C1,M1,medicare,PA1,2026-02-01,G0070,4', 'C1,M1,medicare,PA1,2026-03-01,G0090,4', 'C2,M1,medicare,PA2,2026-03-02,G0090,4'),
      errors: [
        { message: /^G0090 is an initial visit on 2026-03-01, but the member had G0070 on 2026-02-01, 28 days before/, text: 'G0090' },
        { message: /^G0090 is an initial visit on 2026-03-02, but the member had G0090 on 2026-03-01, 1 day before: .*G0070$/, text: 'G0090' },
      ],
      output: csv('C1,M1,medicare,PA1,2026-02-01,G0070,4', 'C1,M1,medicare,PA1,2026-03-01,G0070,4', 'C2,M1,medicare,PA2,2026-03-02,G0090,4'),
    },
    {
      name: 'the earlier visit is in another workspace file',
      csv: csv('C2,M1,medicare,PA2,2026-03-20,G0088,4'),
      options: { external: external('file:///w/february.claims.csv', csv('C1,M1,medicare,PA1,2026-02-10,G0068,4')) },
      errors: [{ message: /but the member had G0068 on 2026-02-10, 38 days before/, text: 'G0088' }],
      output: csv('C2,M1,medicare,PA2,2026-03-20,G0068,4'),
    },
    {
      name: 'JSON: G0090 becomes G0070',
      json: '{\n  "claims": [\n    { "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "03/01/2026", "hcpcs": "G0070", "units": 4 } ] },\n' +
        '    { "claim_id": "C2", "member_id": "M1", "lines": [ { "dos_from": "03/15/2026", "hcpcs": "G0090", "units": 4 } ] }\n  ]\n}\n',
      errors: [{ message: /^G0090 is an initial visit on 2026-03-15, but the member had G0070 on 2026-03-01, 14 days before/, text: '"G0090"' }],
      output: '{\n  "claims": [\n    { "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "03/01/2026", "hcpcs": "G0070", "units": 4 } ] },\n' +
        '    { "claim_id": "C2", "member_id": "M1", "lines": [ { "dos_from": "03/15/2026", "hcpcs": "G0070", "units": 4 } ] }\n  ]\n}\n',
    },
  ],
});

describe('rule hit-initial-visit related information', () => {
  it('points at the earlier visit, with its file when it is in another one', () => {
    const text = csv('C2,M1,medicare,PA2,2026-03-20,G0088,4');
    const other = csv('C1,M1,medicare,PA1,2026-02-10,G0068,4');
    const uri = 'file:///w/february.claims.csv';
    const [finding] = lintDocument(parseDocument(text, 'csv'), { external: external(uri, other) }, [rule]);
    assert.ok(finding);
    const [related] = finding.related ?? [];
    assert.strictEqual(related?.uri, uri);
    assert.strictEqual(other.slice(related.span.start, related.span.end), 'G0068');
    assert.strictEqual(related.message, 'Earlier HIT visit: G0068 on 2026-02-10');
  });

  it('has no uri for an earlier visit in the same file', () => {
    const text = csv('C1,M1,medicare,PA1,2026-02-10,G0068,4', 'C2,M1,medicare,PA2,2026-03-20,G0088,4');
    const [finding] = lintDocument(parseDocument(text, 'csv'), {}, [rule]);
    const [related] = finding.related ?? [];
    assert.strictEqual(related.uri, undefined);
    assert.strictEqual(text.slice(related.span.start, related.span.end), 'G0068');
  });
});
