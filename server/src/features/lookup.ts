// "Infusion Claims: Look Up Code…": every code and modifier, searchable by code or words, each
// with its full markdown entry (the same as hover, without a line's context).
import { loadCodeSet } from '../codes/codeset';
import { codeMarkdown, modifierMarkdown } from './code-markdown';
import type { LookupEntry } from './types';

let cached: LookupEntry[] | undefined;

export function lookupEntries(): LookupEntry[] {
  if (!cached) {
    const codes = loadCodeSet();
    cached = [
      ...codes.allCodes().map((c): LookupEntry => ({ label: c.code, kind: 'code', description: c.short, detail: codeMarkdown(codes, c.code) })),
      ...codes.allModifiers().map((m): LookupEntry => ({ label: m.code, kind: 'modifier', description: m.short, detail: modifierMarkdown(codes, m.code) })),
    ];
  }
  return cached;
}
