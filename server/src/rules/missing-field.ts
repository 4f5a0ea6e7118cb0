// missing-field: a required field (claim_id, member_id, dos_from, hcpcs, units) is absent, on
// the CSV header or the JSON line object, or a required cell/value is empty. The parsers find
// these; this rule reports them.
import { parseProblemRule } from './util/parse-problems';

export const rule = parseProblemRule({
  id: 'missing-field',
  scope: 'file', // findings depend on the parser's problems, header included
  defaultSeverity: 'error',
  description: 'A required field (claim_id, member_id, dos_from, hcpcs, units) is absent or empty.',
  policy: {
    seed: '003_2f3cc3c5f2518c84.txt',
    quote: 'Proper billing and submission guidelines must be followed. We require industry standard, compliant codes defined by CPT, HCPCS, and revenue codes for all claim submissions.',
  },
});
