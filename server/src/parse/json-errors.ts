// jsonc-parser's syntax error codes in a billing analyst's words. jsonc-parser reports a
// cascade of errors at one place (e.g. at the end of a truncated file); they are merged so
// each place gets one problem that says what to type.
import type { ParseError } from 'jsonc-parser';
import type { ParseProblem } from '../model';

/** jsonc-parser's UnexpectedEndOfString (json-recover.ts closes such a text itself, and says so). */
export const UNCLOSED_TEXT_MESSAGE = 'Unclosed text: end it with "';

/** jsonc-parser's InvalidCharacter in a text: json-recover.ts reads a text on across a line break, and says so. */
export const LINE_BREAK_IN_TEXT_MESSAGE = 'Line break or control character inside text: remove it or write it as an escape (\\n)';

// ParseErrorCode is a const enum in jsonc-parser's typings; the numbers are its values.
const MESSAGES: Readonly<Record<number, string>> = {
  1: 'Unexpected character: remove it, or put the text in double quotes',
  2: 'Not a valid number: write plain digits such as 30 or 1.5',
  3: 'Expected a field name in double quotes, e.g. "hcpcs"',
  4: 'Expected a value: a "text", a number, [ ... ] or { ... }',
  5: 'Expected a colon between the field name and its value',
  6: 'Expected a comma between values',
  7: 'Expected } to close the object',
  8: 'Expected ] to close the list',
  9: 'Unexpected text after the end of the data: remove it',
  10: 'Unclosed comment: end it with */',
  11: 'Unclosed comment: end it with */',
  12: UNCLOSED_TEXT_MESSAGE,
  13: 'Incomplete number: finish it or remove it',
  14: 'Invalid \\u escape: use four hex digits, e.g. \\u00e9',
  15: 'Invalid escape in text: write a backslash as \\\\',
  16: LINE_BREAK_IN_TEXT_MESSAGE,
};

const VALUE_EXPECTED = 4;
const CLOSE_BRACE = 7;
const CLOSE_BRACKET = 8;
/** Past this many, a file is not JSON at all (e.g. binary): more errors would only add noise. */
const MAX_SYNTAX_PROBLEMS = 100;

/** The closing brackets a truncated file still needs, as one message. */
function endOfFileMessage(codes: readonly number[]): string {
  const closers = codes.filter((c) => c === CLOSE_BRACE || c === CLOSE_BRACKET).map((c) => (c === CLOSE_BRACE ? '}' : ']'));
  const valueMissing = codes.includes(VALUE_EXPECTED);
  if (closers.length === 0) {
    const other = codes.find((c) => c !== VALUE_EXPECTED);
    if (other !== undefined && MESSAGES[other]) return `Unexpected end of file: ${lowerFirst(MESSAGES[other])}`;
    return valueMissing ? 'Unexpected end of file: a value is missing' : 'Unexpected end of file';
  }
  const close = closers.length === 1
    ? `close the ${closers[0] === '}' ? 'object with }' : 'list with ]'}`
    : `close the open objects and lists with ${closers.join('')}`;
  return valueMissing ? `Unexpected end of file: a value is missing, then ${close}` : `Unexpected end of file: ${close}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** One parse-error problem per error place; the errors at the end of the text are merged. */
export function syntaxProblems(errors: readonly ParseError[], textLength: number): ParseProblem[] {
  const out: ParseProblem[] = [];
  const atEnd: number[] = [];
  let lastOffset = -1;
  for (const e of errors) {
    if (e.offset >= textLength) {
      atEnd.push(e.error);
      continue;
    }
    if (e.offset === lastOffset) continue; // a cascade at one place: the first error says it
    lastOffset = e.offset;
    if (out.length === MAX_SYNTAX_PROBLEMS) {
      out.push({ ruleId: 'parse-error', span: { start: e.offset, end: e.offset + e.length }, message: 'More syntax errors follow: fix the ones above first (is this a JSON file?)' });
      break;
    }
    const message = MESSAGES[e.error] ?? 'The text cannot be read as JSON here';
    out.push({ ruleId: 'parse-error', span: { start: e.offset, end: e.offset + e.length }, message });
  }
  if (atEnd.length > 0 && out.length <= MAX_SYNTAX_PROBLEMS) {
    out.push({ ruleId: 'parse-error', span: { start: textLength, end: textLength }, message: endOfFileMessage(atEnd) });
  }
  return out;
}
