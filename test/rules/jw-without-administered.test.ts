import { parseDocument } from '../../server/src/parse';
import { rule } from '../../server/src/rules/jw-without-administered';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,modifiers,units,ndc';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));

ruleTester(rule, {
  valid: [
    { name: 'administered and discarded lines of the same drug', csv: csv('C1,M1,PA1,2026-03-02,,J2185,,25,63323-0508-20', 'C1,M1,PA1,2026-03-02,,J2185,JW,5,63323-0508-20') },
    { name: 'the administered line is on another claim of the member', csv: csv('C1,M1,PA1,2026-03-02,,J2185,JW,5,', 'C2,M1,PA2,2026-03-02,,J2185,,25,') },
    { name: 'the same NDC written in another form', csv: csv('C1,M1,PA1,2026-03-02,,J3370,,4,0409-4332-01', 'C1,M1,PA1,2026-03-02,,J3370,JW,1,00409433201') },
    { name: 'the administered line gives no NDC', csv: csv('C1,M1,PA1,2026-03-02,,J2185,,25,', 'C1,M1,PA1,2026-03-02,,J2185,JW,5,63323-0508-20') },
    { name: 'the administered line spans the day', csv: csv('C1,M1,PA1,2026-03-01,2026-03-03,J2185,,75,', 'C1,M1,PA1,2026-03-02,,J2185,JW,5,') },
    { name: 'no JW at all', csv: csv('C1,M1,PA1,2026-03-02,,J2185,,30,') },
    { name: 'the discarded line gives no NDC, the administered one does', csv: csv('C1,M1,PA1,2026-03-02,,J2185,,25,63323-0508-20', 'C1,M1,PA1,2026-03-02,,J2185,JW,5,') },
    {
      name: 'one of many lines that day administers it (a member billed hundreds of lines a day)',
      csv: csv(...Array.from({ length: 200 }, (_, i) => `C${i},M1,PA1,2026-03-02,,J${3000 + i},,1,`), 'C900,M1,PA1,2026-03-02,,J2185,,25,63323-0508-20',
        'C901,M1,PA1,2026-03-02,,J2185,JW,5,63323-0508-20'),
    },
    { name: 'JW on a per diem is jw-non-drug\'s finding, not this one', csv: csv('C1,M1,PA1,2026-03-02,,S9500,JW,1,') },
    {
      name: 'the administered line is in another workspace file',
      csv: csv('C1,M1,PA1,2026-03-02,,J2185,JW,5,'),
      options: { external: external('file:///w/other.claims.csv', csv('C9,M1,PA9,2026-03-02,,J2185,,25,')) },
    },
    {
      name: 'JSON: modifiers as an array',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 25 },\n  { "dos_from": "2026-03-02", "hcpcs": "J2185", "modifiers": ["JW"], "units": 5 }\n] }\n',
    },
  ],
  invalid: [
    {
      name: 'a JW line alone',
      csv: csv('C1,M1,PA1,2026-03-02,,J2185,JW,5,'),
      errors: [{ message: 'J2185 with JW bills discarded drug on 2026-03-02, but no administered J2185 line is billed that day: do not bill discarded drug when none of it was administered', text: 'JW' }],
      output: null,
    },
    {
      name: 'another JW line of the drug is not its administered line',
      csv: csv('C1,M1,PA1,2026-03-02,,J2185,JW,5,', 'C2,M1,PA1,2026-03-02,,J2185,JW,3,'),
      errors: [
        { message: /^J2185 with JW bills discarded drug on 2026-03-02, but no administered J2185 line/, text: 'JW' },
        { message: /^J2185 with JW bills discarded drug on 2026-03-02, but no administered J2185 line/, text: 'JW' },
      ],
      output: null,
    },
    {
      name: 'the administered line is another drug',
      csv: csv('C1,M1,PA1,2026-03-02,,J3370,,4,', 'C1,M1,PA1,2026-03-02,,J2185,JW,5,'),
      errors: [{ message: /^J2185 with JW bills discarded drug on 2026-03-02, but no administered J2185 line/, text: 'JW' }],
      output: null,
    },
    {
      name: 'the administered line is another NDC of the code',
      csv: csv('C1,M1,PA1,2026-03-02,,J2185,,25,63323-0508-20', 'C1,M1,PA1,2026-03-02,,J2185,JW,5,00143-9431-10'),
      errors: [{ message: /but no administered J2185 \(NDC 00143-9431-10\) line is billed that day/, text: 'JW' }],
      output: null,
    },
    {
      name: 'the administered line is the day before',
      csv: csv('C1,M1,PA1,2026-03-01,,J2185,,25,', 'C1,M1,PA1,2026-03-02,,J2185,JW,5,'),
      errors: [{ message: /on 2026-03-02, but no administered J2185 line/, text: 'JW' }],
      output: null,
    },
    {
      name: 'the administered line is another member\'s',
      csv: csv('C1,M2,PA1,2026-03-02,,J2185,,25,', 'C2,M1,PA2,2026-03-02,,J2185,JW,5,'),
      errors: [{ message: /^J2185 with JW bills discarded drug/, text: 'JW' }],
      output: null,
    },
    {
      name: 'JW among other modifiers points at JW',
      csv: csv('C1,M1,PA1,2026-03-02,,J2185,"KP JW",5,'),
      errors: [{ message: /^J2185 with JW/, text: 'JW' }],
      output: null,
    },
    {
      name: 'JSON: a lone JW line',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "J2185", "modifiers": "JW", "units": 5 }\n] }\n',
      errors: [{ message: /^J2185 with JW bills discarded drug on 2026-03-02/, text: 'JW' }],
      output: null,
    },
  ],
});
