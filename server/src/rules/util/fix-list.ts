// Small helpers shared by rules that offer modifier fixes.
import type { ServiceLine, Span } from '../../model';
import { fix } from '../../fixes/edit';
import type { Fix, TextEdit } from '../types';
import { codeSpan } from './field-span';

/** An unsafe (payment-changing) fix as a one-element list, or none when the edit primitives
 *  could not place the edit (e.g. no room for a fifth modifier). */
export function unsafeFix(title: string, edits: readonly TextEdit[]): Fix[] {
  return edits.length > 0 ? [fix(title, false, edits)] : [];
}

/** The modifier's own text range, else the line's code (else the line). */
export function modifierSpan(line: ServiceLine, code: string): Span {
  return line.modifiers.find((m) => m.code === code)?.span ?? codeSpan(line);
}
