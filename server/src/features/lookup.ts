// "Infusion Claims: Look Up Code…": every code and modifier, searchable by code or words. The list
// holds the descriptors only (building ~9,000 markdown entries up front took most of a second);
// the picked entry's markdown (the same as hover, without a line's context) is built on demand.
import { loadCodeSet } from '../codes/codeset';
import { knownEntryMarkdown } from './code-markdown';
import type { LookupEntry } from './types';

let cached: LookupEntry[] | undefined;

export function lookupEntries(): LookupEntry[] {
  if (!cached) {
    const codes = loadCodeSet();
    cached = [
      ...codes.allCodes().map((c): LookupEntry => ({ label: c.code, kind: 'code', description: c.short, detail: c.long })),
      ...codes.allModifiers().map((m): LookupEntry => ({ label: m.code, kind: 'modifier', description: m.short, detail: m.long })),
    ];
  }
  return cached;
}

/** The full markdown entry of one code or modifier; undefined when the code set does not know it. */
export function lookupMarkdown(kind: LookupEntry['kind'], label: string): string | undefined {
  return knownEntryMarkdown(loadCodeSet(), kind, label);
}
