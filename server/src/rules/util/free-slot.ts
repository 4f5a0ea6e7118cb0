// A claim line has four modifier slots: a modifier a rule asks to add needs a free one. With all
// four taken the add fix is not offered (fixes/change.ts), and the message says why, so the
// analyst is not left wondering where the fix went.
import { MAX_MODIFIERS } from '../../fixes/change';
import type { ServiceLine } from '../../model';

/** ' (its 4 modifier slots are taken: GY GA KX 59; …)' for a line with no free slot, else ''.
 *  Slots, not codes: "GY GY KX 59" fills four (fixes/change.ts counts them the same way). */
export function noFreeSlotNote(line: ServiceLine, mod: string): string {
  const held: string[] = [];
  for (const m of line.modifiers) if (m.code !== '') held.push(m.code);
  if (held.length < MAX_MODIFIERS) return '';
  return ` (its ${MAX_MODIFIERS} modifier slots are taken: ${held.join(' ')}; free one for ${mod}: pricing modifiers such as SH, SJ and JW come first)`;
}
