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

export { ndcKey } from '../../codes/ndc-key';
