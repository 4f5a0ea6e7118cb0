// code-format: the procedure code must be a CPT code (4 digits + digit/F/T/U) or a HCPCS Level II
// code (letter + 4 digits). Letter case is not a format problem: codes are case-insensitive and
// every other rule reads the upper-cased code, so `j2185` is accepted as J2185.
import { isCptCode, isLevel2Code } from '../codes/classes';
import { asciiUpper, firstNonAscii, notAsciiLetter, trimmed } from '../parse/ascii';
import type { Rule } from './types';

/** A code with a modifier written after it, as the policies write them ("S9501-SH", 002). */
const CODE_WITH_MODIFIER = /^([A-Z]\d{4}|\d{4}[0-9FTU])\s*[-:\s]\s*([A-Z0-9]{2})$/;

function messageFor(written: string, code: string): string {
  const glued = CODE_WITH_MODIFIER.exec(code);
  if (glued) {
    return `Code ${written} has modifier ${glued[2]} written into it: bill ${glued[1]} as the code and put ${glued[2]} in the line's modifiers`;
  }
  const other = firstNonAscii(written);
  if (other !== undefined) {
    return `Code ${written} is not a procedure code: ${notAsciiLetter(other)}; bill a HCPCS Level II code (a letter A-Z and 4 digits, e.g. J2185) or a CPT code (5 characters, e.g. 99601)`;
  }
  return `Code ${written} is not a procedure code: bill a HCPCS Level II code (a letter and 4 digits, e.g. J2185) or a CPT code (5 characters, e.g. 99601)`;
}

export const rule: Rule = {
  meta: {
    id: 'code-format',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'error',
    description: 'hcpcs is neither a CPT code nor a HCPCS Level II code.',
    policy: {
      seed: '001_ccf6386e4c9aa503.txt',
      quote: 'The billing office is expected to submit claims for services rendered using valid codes from the Health Insurance Portability and Accountability Act (HIPAA) approved code sets.',
    },
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      // The parsed code is the written one trimmed and upper-cased: a valid one needs no Field.
      if (isCptCode(line.hcpcs) || isLevel2Code(line.hcpcs)) continue;
      const field = line.fields.hcpcs;
      const written = trimmed(field?.text);
      if (!field || written === '') continue; // an empty code is missing-field's
      const code = asciiUpper(written);
      if (isCptCode(code) || isLevel2Code(code)) continue;
      ctx.report({ span: field.span, line, message: messageFor(written, code) });
    }
  },
};
