import * as assert from 'assert';
import { CsvScanner, CsvTable, tokenizeCsv, tokenizedRows, type TokenizedRow } from '../../server/src/parse/csv-tokenizer';

/** The text under each cell's span, per row, for the data rows. */
function cellTexts(text: string, rows: readonly TokenizedRow[]): string[][] {
  return rows.filter((r) => r.kind === 'data').map((r) => r.cells.map((c) => text.slice(c.span.start, c.span.end)));
}

function rowsOf(text: string): TokenizedRow[] {
  return tokenizedRows(tokenizeCsv(text).table);
}

describe('csv tokenizer', () => {
  it('splits plain rows with exact cell and row ranges', () => {
    const text = 'a,bb,\nccc,d,e';
    const rows = rowsOf(text);
    assert.deepStrictEqual(rows.map((r) => [r.span, r.eol, r.kind]), [
      [{ start: 0, end: 5 }, '\n', 'data'],
      [{ start: 6, end: 13 }, '', 'data'],
    ]);
    assert.deepStrictEqual(cellTexts(text, rows), [['a', 'bb', ''], ['ccc', 'd', 'e']]);
    assert.deepStrictEqual(rows[0].cells[2].span, { start: 5, end: 5 });
  });

  it('keeps ranges exact after CRLF line ends', () => {
    const text = 'a,b\r\nc,d\r\n';
    const rows = rowsOf(text);
    assert.deepStrictEqual(rows.map((r) => [r.span, r.eol]), [[{ start: 0, end: 3 }, '\r\n'], [{ start: 5, end: 8 }, '\r\n']]);
    assert.deepStrictEqual(rows[1].cells.map((c) => c.span), [{ start: 5, end: 6 }, { start: 7, end: 8 }]);
    assert.strictEqual(tokenizeCsv(text).eol, '\r\n');
  });

  it('tolerates a lone CR as a line end', () => {
    const text = 'a,b\rc,d';
    assert.deepStrictEqual(cellTexts(text, rowsOf(text)), [['a', 'b'], ['c', 'd']]);
    assert.strictEqual(rowsOf(text)[0].eol, '\r');
  });

  it('counts lone CRs for the dominant line end: a Mac CSV adds rows with CR', () => {
    assert.deepStrictEqual((({ eol, crlf, lf, cr }) => [eol, crlf, lf, cr])(tokenizeCsv('a,b\rc,d\re,f\r')), ['\r', 0, 0, 3]);
    assert.strictEqual(tokenizeCsv('a,b\rc,d\r\ne,f\r\n').eol, '\r\n', 'the most rows win');
    assert.strictEqual(tokenizeCsv('a,b\rc,d\ne,f').eol, '\n', 'a tie goes to LF');
    assert.strictEqual(tokenizeCsv('a,b').eol, '\n', 'no line end: LF');
  });

  it('skips a BOM and keeps offsets into the original text', () => {
    const text = '\uFEFFclaim_id,units\nC1,2\n';
    const { table, bom } = tokenizeCsv(text);
    const rows = tokenizedRows(table);
    assert.strictEqual(bom, true);
    assert.deepStrictEqual(rows[0].span, { start: 1, end: 15 });
    assert.strictEqual(rows[0].cells[0].text, 'claim_id');
    assert.deepStrictEqual(rows[0].cells[0].span, { start: 1, end: 9 });
    assert.deepStrictEqual(cellTexts(text, rows), [['claim_id', 'units'], ['C1', '2']]);
  });

  it('reads quoted cells: commas, newlines and "" escapes, span inside and outer with the quotes', () => {
    const text = 'x,"a,b","say ""hi""","line1\nline2",""\nnext,row';
    const rows = rowsOf(text);
    assert.strictEqual(rows.length, 2);
    const cells = rows[0].cells;
    assert.deepStrictEqual(cells.map((c) => c.text), ['x', 'a,b', 'say "hi"', 'line1\nline2', '']);
    assert.deepStrictEqual(cells.map((c) => c.quoted), [false, true, true, true, true]);
    assert.strictEqual(text.slice(cells[1].span.start, cells[1].span.end), 'a,b');
    assert.strictEqual(text.slice(cells[1].outer.start, cells[1].outer.end), '"a,b"');
    assert.strictEqual(text.slice(cells[2].span.start, cells[2].span.end), 'say ""hi""');
    assert.strictEqual(text.slice(cells[3].span.start, cells[3].span.end), 'line1\nline2');
    assert.deepStrictEqual(cells[4].span, { start: cells[4].outer.start + 1, end: cells[4].outer.start + 1 });
    // The row spans its quoted newline; the next row starts after the real line end.
    assert.strictEqual(text.slice(rows[0].span.start, rows[0].span.end), 'x,"a,b","say ""hi""","line1\nline2",""');
    assert.deepStrictEqual(rows[1].cells.map((c) => c.text), ['next', 'row']);
  });

  it('reads "" escapes in long quoted cells (a pasted document) as in short ones: quote runs, lone surrogates, 8K-character pieces', () => {
    // Past 4,096 characters a cell is unescaped through a character buffer, not a regular expression.
    const unit = 'a""b""""c\ud800 é ""x""';
    for (const repeat of [1, 300, 5000]) {
      const content = unit.repeat(repeat);
      const [row] = rowsOf(`x,"${content}",y\n`);
      assert.strictEqual(row.cells[1].text, content.replace(/""/g, '"'), `${content.length} characters`);
      assert.deepStrictEqual(row.cells.map((c) => c.text).filter((_, i) => i !== 1), ['x', 'y']);
    }
    // An escaped quote at the end of the content, and text after the closing quote.
    const tail = `${'q""'.repeat(3000)}""`;
    const [row] = rowsOf(`"${tail}"after,z\n`);
    assert.strictEqual(row.cells[0].text, `${tail.replace(/""/g, '"')}after`);
  });

  it('reports an unclosed quote at the quote and reads the following lines as rows', () => {
    const text = 'a,b,c\n1,"oops,3\n4,5,6\n7,"x",9\n';
    const rows = rowsOf(text);
    assert.strictEqual(rows.length, 4);
    assert.deepStrictEqual(rows[1].issues, [{ kind: 'unclosed-quote', column: 1, span: { start: 8, end: 9 } }]);
    // Ended at its first comma, the row has the header's 3 cells: the quote was a slip, and the
    // cells after it are read (and checked) as the user meant them.
    assert.deepStrictEqual(rows[1].cells.map((c) => c.text), ['1', 'oops', '3']);
    assert.deepStrictEqual(rows[1].cells[1].outer, { start: 8, end: 13 });
    assert.deepStrictEqual(rows[2].cells.map((c) => c.text), ['4', '5', '6']);
    assert.deepStrictEqual(rows[3].cells.map((c) => c.text), ['7', 'x', '9']);
    assert.strictEqual(rows[3].issues, undefined);
  });

  it('an unclosed quote runs to the line end when splitting it would not give the header\'s cells', () => {
    const text = 'a,b,c,d\n1,"Smith, John\n4,5,6,7\n';
    const rows = rowsOf(text);
    assert.deepStrictEqual(rows[1].issues?.map((i) => i.kind), ['unclosed-quote']);
    assert.deepStrictEqual(rows[1].cells.map((c) => c.text), ['1', 'Smith, John']);
    assert.deepStrictEqual(rows[2].cells.map((c) => c.text), ['4', '5', '6', '7']);
  });

  it('a stray quote closed by a later one does not swallow the whole rows between them', () => {
    // The `"` ending row 3 is a well-placed closing quote, but row 2 inside the "cell" reads as a
    // whole row of the header's 5 cells: row 1's quote was a slip.
    const text = 'a,b,c,d,e\n1,"x,2,3,4\n5,6,7,8,9\n10,11,12,13,14"\n';
    const rows = rowsOf(text);
    assert.strictEqual(rows.length, 4);
    assert.deepStrictEqual(rows[1].issues, [{ kind: 'unclosed-quote', column: 1, span: { start: 12, end: 13 } }]);
    assert.deepStrictEqual(rows[1].cells.map((c) => c.text), ['1', 'x', '2', '3', '4']);
    assert.deepStrictEqual(rows[2].cells.map((c) => c.text), ['5', '6', '7', '8', '9']);
    assert.deepStrictEqual(rows[3].cells.map((c) => c.text), ['10', '11', '12', '13', '14"']);
  });

  it('a multi-line note whose lines read like rows stays one cell when its row then has every cell', () => {
    // "BP 120/80, HR 72, …" has the header's worth of commas, but the quote closes cleanly and
    // leaves the row with its 7 cells: a note, as RFC 4180 allows, not a stray quote.
    const text = 'claim_id,member_id,auth,dos_from,hcpcs,units,notes\n' +
      'C1,M1,PA,2026-03-02,99601,1,"Visit notes:\nBP 120/80, HR 72, T 98.6, RR 16, SpO2 98, pain 0, ok"\nC2,M1,PA,2026-03-03,99601,1,ok\n';
    const rows = rowsOf(text);
    assert.strictEqual(rows.length, 3);
    assert.strictEqual(rows[1].issues, undefined);
    assert.strictEqual(rows[1].cells[6].text, 'Visit notes:\nBP 120/80, HR 72, T 98.6, RR 16, SpO2 98, pain 0, ok');
    assert.deepStrictEqual(rows[2].cells.map((c) => c.text), ['C2', 'M1', 'PA', '2026-03-03', '99601', '1', 'ok']);
  });

  it('a run of U+FFFD (bytes that were not UTF-8) is one issue per row, at the first run, with its column', () => {
    const text = 'a,b,c\n1,x\uFFFD\uFFFDy,\uFFFD\n4,"\uFFFD",6\n7,8,9\n';
    const rows = rowsOf(text);
    assert.deepStrictEqual(rows[1].issues, [{ kind: 'not-utf8', column: 1, span: { start: 9, end: 11 } }]);
    assert.deepStrictEqual(rows[2].issues, [{ kind: 'not-utf8', column: 1, span: { start: 18, end: 19 } }]);
    assert.strictEqual(rows[3].issues, undefined);
    assert.deepStrictEqual(rows[1].cells.map((c) => c.text), ['1', 'x\uFFFD\uFFFDy', '\uFFFD']);
  });

  it('a multi-line quoted note whose lines do not read as rows stays one cell', () => {
    const text = 'a,b,c,d,e\n1,2,3,4,"line one, with a comma\nline two\nline, three"\n5,6,7,8,9\n';
    const rows = rowsOf(text);
    assert.strictEqual(rows.length, 3);
    assert.strictEqual(rows[1].issues, undefined);
    assert.strictEqual(rows[1].cells[4].text, 'line one, with a comma\nline two\nline, three');
    assert.deepStrictEqual(rows[2].cells.map((c) => c.text), ['5', '6', '7', '8', '9']);
  });

  it('an unclosed quote on the last line runs to the end of the text', () => {
    const text = 'a,b\n1,"never closed';
    const rows = rowsOf(text);
    assert.deepStrictEqual(rows[1].issues?.map((i) => i.kind), ['unclosed-quote']);
    assert.strictEqual(rows[1].cells[1].text, 'never closed');
    assert.deepStrictEqual(rows[1].span, { start: 4, end: text.length });
  });

  it('reports text after a closing quote and keeps it in the value', () => {
    const text = '"ab"cd,e\n';
    const [row] = rowsOf(text);
    assert.deepStrictEqual(row.issues, [{ kind: 'text-after-quote', column: 0, span: { start: 4, end: 6 } }]);
    assert.strictEqual(row.cells[0].text, 'abcd');
    assert.deepStrictEqual(row.cells[0].outer, { start: 0, end: 6 });
    assert.strictEqual(row.cells[1].text, 'e');
  });

  it('keeps a quote inside an unquoted cell as text', () => {
    assert.deepStrictEqual(rowsOf('12" tubing,x').map((r) => r.cells.map((c) => c.text)), [['12" tubing', 'x']]);
  });

  it('marks comment and blank lines (spaces, and separator-only rows) as not data', () => {
    const text = '# note, with "quote\n\n   \n,,,\na,b\n';
    const rows = rowsOf(text);
    assert.deepStrictEqual(rows.map((r) => r.kind), ['comment', 'blank', 'blank', 'blank', 'data']);
    assert.deepStrictEqual(rows[0].span, { start: 0, end: 19 });
    assert.deepStrictEqual(rows[4].cells.map((c) => c.text), ['a', 'b']);
  });

  it('re-tokenises from any row boundary (for incremental use)', () => {
    const text = 'a,b\n"c\nd",e\nf,g\n';
    const scanner = new CsvScanner(text, new CsvTable(text));
    const r2 = scanner.scanRow(12); // "f,g" first, then back to row 2
    const r1 = scanner.scanRow(4);
    const table = scanner.table;
    assert.deepStrictEqual(table.row(r2).cells.map((c) => c.text), ['f', 'g']);
    assert.deepStrictEqual(table.row(r1).cells.map((c) => c.text), ['c\nd', 'e']);
    assert.strictEqual(table.row(r1).next, 12);
  });

  it('an empty text has no rows', () => {
    assert.deepStrictEqual(rowsOf(''), []);
    assert.deepStrictEqual(rowsOf('\uFEFF'), []);
  });

  it('handles a 1 MB cell and binary bytes without losing rows', () => {
    const big = 'x'.repeat(1 << 20);
    const text = `a,b\n1,${big}\n2,"${big}"\n`;
    const rows = rowsOf(text);
    assert.strictEqual(rows.length, 3);
    assert.strictEqual(rows[1].cells[1].text.length, 1 << 20);
    assert.strictEqual(rows[2].cells[1].text.length, 1 << 20);
    const binary = 'a,b\n' + Array.from({ length: 512 }, (_, i) => String.fromCharCode(i % 256)).join('') + '\nz,y\n';
    const brows = rowsOf(binary);
    assert.deepStrictEqual(brows[brows.length - 1].cells.map((c) => c.text), ['z', 'y']);
  });

  it('tokenises 100k rows in linear time', () => {
    const row = 'C1001,M001,commercial,PA7731,2026-03-02,J2185,JW SH,30,96.00,63323-0508-20,UN,3,"a, b"\n';
    const text = row.repeat(100_000);
    const t = process.hrtime.bigint();
    const { table } = tokenizeCsv(text);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    assert.strictEqual(table.rowCount, 100_000);
    assert.strictEqual(table.cellCount, 1_300_000);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });
});
