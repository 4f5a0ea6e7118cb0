// Drug-wastage helpers shared by the jw-* rules (000 "Drug Wastage").
import type { Modifier, ServiceLine } from '../../model';

/** JW: drug amount discarded / not administered to any patient. */
export const JW = 'JW';

/** The line's JW modifier, when it carries one. */
export function jwModifier(line: ServiceLine): Modifier | undefined {
  return line.modifiers.find((m) => m.code === JW);
}

/** The line reports discarded units on itself (`wasted_units` > 0). */
export function reportsWastage(line: ServiceLine): boolean {
  return line.wastedUnits !== undefined && line.wastedUnits > 0;
}

/** NDC in a comparable form: 11 digits when the hyphenated form can be padded to 5-4-2,
 *  otherwise its digits. Lets `0409-4332-01` match `00409433201`. */
export function ndcKey(ndc: string): string {
  const parts = ndc.trim().split('-');
  if (parts.length === 3 && parts.every((p) => /^\d+$/.test(p)) && parts[0].length <= 5 && parts[1].length <= 4 && parts[2].length <= 2) {
    return parts[0].padStart(5, '0') + parts[1].padStart(4, '0') + parts[2].padStart(2, '0');
  }
  return ndc.replace(/\D/g, '');
}
