// Entry point of the parsers: text → claim model.
import type { ClaimDocument } from '../model';
import { parseCsv } from './csv';
import { parseJson } from './json';

export type ClaimFormat = 'csv' | 'json';

/** Language id or file name → format. */
export function formatOf(languageIdOrPath: string): ClaimFormat | undefined {
  const s = languageIdOrPath.toLowerCase();
  if (s === 'claims-csv' || s.endsWith('.csv')) return 'csv';
  if (s === 'claims-json' || s.endsWith('.json')) return 'json';
  return undefined;
}

/** Parse a claim file. Never throws: unreadable parts become parse-error / missing-field problems. */
export function parseDocument(text: string, format: ClaimFormat): ClaimDocument {
  return format === 'json' ? parseJson(text) : parseCsv(text);
}
