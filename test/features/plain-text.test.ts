// Markdown → plain text for clients that show no Markdown (LSP contentFormat ['plaintext']).
import * as assert from 'assert';
import { markdownToPlainText } from '../../server/src/features/plain-text';

describe('features: Markdown as plain text', () => {
  const cases: Array<[string, string, string]> = [
    ['bold and a middle dot', '**J2185** · Meropenem', 'J2185 · Meropenem'],
    ['emphasis around a quote with emphasis in it', 'text. _“will *deny* for missing NDC.”_ — seed 000', 'text. “will deny for missing NDC.” — seed 000'],
    ['code spans; underscores inside words stay', 'Also accepted as: `claim_number`, claim_id', 'Also accepted as: claim_number, claim_id'],
    ['a link keeps its address', 'add SH ([concurrent-therapy-modifier](https://x.test/c.md))', 'add SH (concurrent-therapy-modifier (https://x.test/c.md))'],
    ['a table loses its rule line, keeps its rows', '| a | b |\n|---|---|\n| 1 | 2 |', '| a | b |\n| 1 | 2 |'],
    ['a horizontal rule stays', 'message\n\n---\n\nentry', 'message\n\n---\n\nentry'],
    ['escaped marks', '5 \\* 2 \\| 3', '5 * 2 | 3'],
    ['a code span is literal, backslashes included', 'see `a\\_b` and a\\_b', 'see a\\_b and a_b'],
    ['a list stays a list', '- one\n- two', '- one\n- two'],
  ];
  for (const [name, markdown, plain] of cases) {
    it(name, () => assert.strictEqual(markdownToPlainText(markdown), plain));
  }
});
