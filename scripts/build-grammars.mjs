// Writes syntaxes/claims-csv.tmLanguage.json and syntaxes/claims-json.tmLanguage.json.
// The grammars are generated (not hand-edited) because the modifier alternation comes from
// the CMS modifier file and the JSON grammar shares the CSV grammar's value patterns.
// Run: node scripts/build-grammars.mjs   (then npx mocha out/test/grammar/*.test.js)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Level II modifiers that contain a letter (numeric ones like 59 look like numbers and are colored as such). */
function modifierAlternation() {
  const rows = readFileSync(join(root, 'data', 'hcpcs_level2_modifiers_2025Q4.csv'), 'utf8').split(/\r?\n/).slice(1);
  const codes = rows.map((r) => r.split(',')[0].replace(/"/g, '')).filter((c) => /^[A-Z0-9]{2}$/.test(c) && /[A-Z]/.test(c));
  const byFirst = new Map();
  for (const c of [...new Set(codes)].sort()) byFirst.set(c[0], (byFirst.get(c[0]) ?? '') + c[1]);
  return '(?i:' + [...byFirst].map(([first, seconds]) => `${first}[${seconds}]`).join('|') + ')';
}
const B = '(?<=^|[,"])';                 // a cell (or JSON string) starts here
const E = '(?=[ \\t\\r]*(?:[,"]|$))';     // … and ends here
const cell = (re) => `${B}(?:${re})${E}`;
const MOD = modifierAlternation();

const values = {
  comment: 'Value classifiers: match one whole CSV cell or JSON string. Shared by both grammars (claims-json includes text.claims.csv#values).',
  patterns: [
    { include: '#ndc' }, { include: '#date' }, { include: '#code' }, { include: '#ndc-unit' },
    { include: '#modifiers' }, { include: '#enum' }, { include: '#number' },
  ],
};

const repository = {
  values,
  ndc: {
    comment: 'NDC: billing form 5-4-2 or 11 digits; display forms 4-4-2, 5-3-2, 5-4-1 or 10 digits lack the leading zero (ndc-format pads them).',
    patterns: [
      { match: cell('\\d{5}-\\d{4}-\\d{2}|\\d{11}'), name: 'variable.other.constant.ndc.claims' },
      { match: cell('\\d{4}-\\d{4}-\\d{2}|\\d{5}-\\d{3}-\\d{2}|\\d{5}-\\d{4}-\\d|\\d{10}'), name: 'variable.other.constant.ndc.unpadded.claims' },
    ],
  },
  date: {
    match: cell('\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}'),
    name: 'constant.numeric.date.claims',
  },
  code: {
    comment: 'HCPCS / CPT codes by the classes of rules.md. Case-insensitive: a lower-case code is still a code. Other letters (C, K, L, Q …) are left plain: claim ids such as C1001 look the same.',
    patterns: [
      { match: cell('(?i:J\\d{4})'), name: 'support.function.code.drug.claims' },
      { match: cell('(?i:B[45]\\d{3})'), name: 'support.function.code.drug.formula.claims' },
      { match: cell('(?i:S(?:9061|932[5-9]|93[3-7]\\d|949\\d|95[0-8]\\d|9590))'), name: 'keyword.control.code.per-diem.claims' },
      { match: cell('(?i:S(?:549[7-9]|550[0-2]))'), name: 'keyword.control.code.per-diem.catheter-care.claims' },
      { match: cell('(?i:S\\d{4})'), name: 'keyword.control.code.service.claims' },
      { match: cell('(?i:G00(?:6[89]|70|8[89]|90))'), name: 'keyword.other.code.professional.hit.claims' },
      { match: cell('(?i:G\\d{4})'), name: 'keyword.other.code.professional.claims' },
      { match: cell('9960[12]'), name: 'keyword.other.code.professional.nursing.claims' },
      { match: cell('(?i:[AE]\\d{4})'), name: 'support.type.code.supply.claims' },
    ],
  },
  'ndc-unit': {
    comment: 'NDC unit qualifiers (CTP05-1), case-insensitive as the server reads them; MG is not one (ndc-unit converts it to GR) but is colored so it can be seen.',
    match: cell('(?i:F2|GR|ML|UN|MG|ME)'),
    name: 'keyword.other.unit.ndc.claims',
  },
  modifiers: {
    comment: 'Up to four Level II modifiers (CMS list), separated by space, colon or hyphen (or a comma inside a quoted cell / JSON array). Case-insensitive, as the server reads them (it upper-cases). One flat match with a capture group (a scope name only) per modifier and separator: a capture with nested patterns makes vscode-textmate tokenize the line again up to that capture, which is quadratic on a long row of modifier cells.',
    match: `${B}(${MOD})${[1, 2, 3].map(() => `(?:([ :\\-])(${MOD}))?`).join('')}${E}`,
    captures: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((i) => [i, {
      name: i % 2 === 1 ? 'variable.parameter.modifier.claims' : 'punctuation.separator.modifier.claims',
    }])),
  },
  enum: {
    patterns: [
      { match: cell('commercial|medicare_advantage|medicare|medicaid'), name: 'constant.language.payer.claims' },
      { match: cell('single|multi'), name: 'constant.language.vial.claims' },
      { match: cell('(?i:q\\d+(?:\\.\\d+)?h|q\\d+d|daily|weekly|monthly|continuous)'), name: 'constant.language.frequency.claims' },
    ],
  },
  number: {
    match: cell('[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)'),
    name: 'constant.numeric.claims',
  },
};

const csvRepository = {
  comment: {
    patterns: [
      {
        match: '^[ \\t]*(#)[ \\t]*(infusion-claims-disable-next-line)\\b((?:(?!--)(?:(?![ \\t]--).)*)?)(.*)$',
        name: 'comment.line.number-sign.directive.claims',
        captures: {
          1: { name: 'punctuation.definition.comment.claims' },
          2: { name: 'keyword.control.directive.claims' },
          // The rule ids (up to a ' -- ' reason, left plain). One capture per line: re-tokenizing it is linear.
          3: { patterns: [{ match: '[a-z][a-z0-9]*(?:-[a-z0-9]+)*', name: 'constant.other.rule-id.claims' }] },
        },
      },
      {
        match: '^[ \\t]*(#).*$',
        name: 'comment.line.number-sign.claims',
        captures: { 1: { name: 'punctuation.definition.comment.claims' } },
      },
    ],
  },
  header: {
    comment: 'The header is the first row that is not a comment or blank: a block from the start of the file whose end match is that row (a begin/end cannot end on a child rule).',
    begin: '\\A',
    end: '^(\\x{FEFF}?)(?![ \\t]*#)([^\\r\\n]*\\S[^\\r\\n]*)$',
    endCaptures: {
      2: {
        name: 'meta.header.claims',
        patterns: [
          {
            match: '(")((?:[^"]|"")*)(")',
            captures: {
              1: { name: 'punctuation.definition.string.begin.claims' },
              2: { name: 'support.type.property-name.header.claims' },
              3: { name: 'punctuation.definition.string.end.claims' },
            },
          },
          { match: '[^,"]+', name: 'support.type.property-name.header.claims' },
          { match: ',', name: 'punctuation.separator.delimiter.claims' },
        ],
      },
    },
    patterns: [{ include: '#comment' }],
  },
  'quoted-cell': {
    comment: 'RFC 4180 quoted cell: may hold commas and newlines; "" is an escaped quote.',
    begin: '(?<=^|,)"',
    end: '"(?!")',
    name: 'string.quoted.double.claims',
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.claims' } },
    endCaptures: { 0: { name: 'punctuation.definition.string.end.claims' } },
    patterns: [{ match: '""', name: 'constant.character.escape.claims' }, { include: '#values' }],
  },
  separator: { match: ',', name: 'punctuation.separator.delimiter.claims' },
  ...repository,
};

const csv = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Claims CSV',
  information_for_contributors: 'Generated by scripts/build-grammars.mjs: edit that, then run it.',
  scopeName: 'text.claims.csv',
  comment: 'Home-infusion claim files in CSV (claims-format.md): codes colored by class, modifiers, NDCs, dates, numbers, quoted cells, the header row, # comments.',
  patterns: [
    // The header first: its begin (\\A) only matches at the very start, and it takes leading comments itself.
    { include: '#header' }, { include: '#comment' }, { include: '#quoted-cell' },
    { include: '#values' }, { include: '#separator' },
  ],
  repository: csvRepository,
};

const json = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Claims JSON',
  information_for_contributors: 'Generated by scripts/build-grammars.mjs: edit that, then run it.',
  scopeName: 'source.claims.json',
  comment: 'Home-infusion claim files in JSON with comments and trailing commas. String values are classified with the CSV grammar\'s value patterns (text.claims.csv#values).',
  patterns: [{ include: '#value' }],
  repository: {
    comments: {
      patterns: [
        { begin: '/\\*', end: '\\*/', name: 'comment.block.claims', captures: { 0: { name: 'punctuation.definition.comment.claims' } } },
        { match: '(//).*$', name: 'comment.line.double-slash.claims', captures: { 1: { name: 'punctuation.definition.comment.claims' } } },
      ],
    },
    value: {
      patterns: [
        { include: '#comments' }, { include: '#object' }, { include: '#array' }, { include: '#string' },
        { include: '#number' }, { include: '#constant' },
      ],
    },
    object: {
      begin: '\\{',
      end: '\\}',
      name: 'meta.structure.dictionary.claims',
      beginCaptures: { 0: { name: 'punctuation.definition.dictionary.begin.claims' } },
      endCaptures: { 0: { name: 'punctuation.definition.dictionary.end.claims' } },
      patterns: [
        { include: '#comments' },
        { include: '#key' },
        {
          begin: ':',
          end: '(,)|(?=\\})',
          name: 'meta.structure.dictionary.value.claims',
          beginCaptures: { 0: { name: 'punctuation.separator.dictionary.key-value.claims' } },
          endCaptures: { 1: { name: 'punctuation.separator.dictionary.pair.claims' } },
          patterns: [{ include: '#value' }],
        },
        { match: ',', name: 'punctuation.separator.dictionary.pair.claims' },
      ],
    },
    key: {
      comment: 'A field name (claims-format.md "Fields"); colored like JSON keys in every theme.',
      begin: '"',
      end: '"',
      name: 'support.type.property-name.json.claims',
      beginCaptures: { 0: { name: 'punctuation.support.type.property-name.begin.claims' } },
      endCaptures: { 0: { name: 'punctuation.support.type.property-name.end.claims' } },
      patterns: [{ include: '#escape' }],
    },
    array: {
      begin: '\\[',
      end: '\\]',
      name: 'meta.structure.array.claims',
      beginCaptures: { 0: { name: 'punctuation.definition.array.begin.claims' } },
      endCaptures: { 0: { name: 'punctuation.definition.array.end.claims' } },
      patterns: [{ include: '#value' }, { match: ',', name: 'punctuation.separator.array.claims' }],
    },
    string: {
      begin: '"',
      end: '"',
      name: 'string.quoted.double.claims',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.claims' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.claims' } },
      patterns: [{ include: '#escape' }, { include: 'text.claims.csv#values' }],
    },
    escape: { match: '\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})', name: 'constant.character.escape.claims' },
    number: { match: '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?', name: 'constant.numeric.claims' },
    constant: { match: '\\b(?:true|false|null)\\b', name: 'constant.language.json.claims' },
  },
};

writeFileSync(join(root, 'syntaxes', 'claims-csv.tmLanguage.json'), JSON.stringify(csv, null, 2) + '\n');
writeFileSync(join(root, 'syntaxes', 'claims-json.tmLanguage.json'), JSON.stringify(json, null, 2) + '\n');
