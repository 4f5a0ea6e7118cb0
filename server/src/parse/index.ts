// Entry point of the parsers: text → claim model.
import type { ClaimDocument } from '../model';

export type ClaimFormat = 'csv' | 'json';

/** Language id or file name → format. */
export function formatOf(languageIdOrPath: string): ClaimFormat | undefined {
  const s = languageIdOrPath.toLowerCase();
  if (s === 'claims-csv' || s.endsWith('.csv')) return 'csv';
  if (s === 'claims-json' || s.endsWith('.json')) return 'json';
  return undefined;
}

export function parseDocument(text: string, format: ClaimFormat): ClaimDocument {
  // TODO(parsers): replaced by parse/csv.ts and parse/json.ts.
  return { format, text, lines: [], claims: [], problems: [] };
}
