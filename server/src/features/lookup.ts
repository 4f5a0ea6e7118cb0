// "Infusion Claims: Look Up Code…": every code and modifier, searchable by code or words.
import type { LookupEntry } from './types';

export function lookupEntries(): LookupEntry[] {
  return []; // TODO(code intelligence)
}
