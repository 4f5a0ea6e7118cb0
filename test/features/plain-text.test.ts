// Markdown → plain text for clients that show no Markdown (LSP contentFormat ['plaintext']).
import * as assert from 'assert';
import { escapeMarkdown } from '../../server/src/features/markdown-escape';
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
    ['an escaped backtick opens no code span', 'a \\`b\\` c `d\\` e', 'a `b` c d\\ e'],
    ['escaped brackets are no link', '\\[a\\](b) and [c](d)', '[a](b) and c (d)'],
    ['bold around escaped marks', '**\\_\\_tmp\\_\\_** is', '__tmp__ is'],
  ];
  for (const [name, markdown, plain] of cases) {
    it(name, () => assert.strictEqual(markdownToPlainText(markdown), plain));
  }

  it('the escaped text of a file or of the CMS data comes back as written', () => {
    const texts = ['>=50% of x', '__tmp__', 'auth_number', 'a|b', '1. first', '- item', '# h', '<b>x</b>', 'x `code` y', '[a](b)', 'C:\\dir\\', '~~s~~', '&amp;', '+ x', '===', '_x_ and *y*', '**bold**', '\\*'];
    for (const text of texts) {
      assert.strictEqual(markdownToPlainText(escapeMarkdown(text)), text, text);
      assert.strictEqual(markdownToPlainText(`**${escapeMarkdown(text)}** · ${escapeMarkdown(text)}`), `${text} · ${text}`, `bold ${text}`);
    }
  });

  it('escapes what would be Markdown, and only that', () => {
    assert.strictEqual(escapeMarkdown('>=50% of a pt\'s'), '\\>=50% of a pt\'s');
    assert.strictEqual(escapeMarkdown('__tmp__'), '\\_\\_tmp\\_\\_');
    assert.strictEqual(escapeMarkdown('claim_id auth_number'), 'claim_id auth_number', 'inside a word, _ emphasises nothing');
    assert.strictEqual(escapeMarkdown('1. one'), '1\\. one');
    assert.strictEqual(escapeMarkdown('- a - b'), '\\- a - b');
    assert.strictEqual(escapeMarkdown('NDC 00143-9431-10 (J2185), 1.5 units'), 'NDC 00143-9431-10 (J2185), 1.5 units');
  });
});
