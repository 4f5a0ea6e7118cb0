// Entry point of the parsers: text → claim model.
import type { ClaimDocument } from '../model';
import { parseCsv, parseCsvSteps } from './csv';
import { parseJson, parseJsonSteps } from './json';

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

/** parseDocument a step at a time, for the server's lints of big texts (engine.ts lintTextSteps):
 *  a JSON text in several steps (json.ts parseJsonSteps), CSV in one. */
export function* parseDocumentSteps(text: string, format: ClaimFormat): Generator<void, ClaimDocument> {
  return format === 'json' ? yield* parseJsonSteps(text) : yield* parseCsvSteps(text);
}
