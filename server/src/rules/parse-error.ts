// parse-error: the text cannot be read at that place (unbalanced quote, broken JSON, wrong cell
// count). The parsers find these problems; this rule reports them.
import { parseProblemRule } from './util/parse-problems';

export const rule = parseProblemRule({
  id: 'parse-error',
  scope: 'file', // findings depend on the parser's problems, header included
  defaultSeverity: 'error',
  description: 'The claim file cannot be read at this place (unbalanced quote, broken JSON, wrong cell count).',
  policy: {
    seed: '000_63ccfced63bd6aad.txt',
    quote: 'Submit all bills for home infusion on a CMS 1500 form, or its electronic equivalent.',
  },
});
