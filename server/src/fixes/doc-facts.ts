// Facts about a whole document that fixes ask for again and again (every modifier fix asks for
// the separator the file uses, every JSON fix for how the file writes a field). Looked up once per
// document: scanning every line for every fix made fixes quadratic on big files. Views made for
// incremental linting (doc-view.ts) get the whole document's answer.
import { fullDocument } from '../doc-view';
import type { ClaimDocument, Field, FieldName } from '../model';
import { documentModifierSeparator } from './modifier-list';

/** The separator the document's modifier lists use ("SH:JW" → ":"), default a space. */
export function modifierSeparatorOf(doc: ClaimDocument, format: 'csv' | 'json'): string {
  return documentModifierSeparator(fullDocument(doc).lines, format);
}

interface FirstFields {
  readonly any: Map<FieldName, Field | undefined>;
  readonly keyed: Map<FieldName, Field | undefined>;
}

const firstFields = new WeakMap<ClaimDocument, FirstFields>();

function cacheOf(doc: ClaimDocument): FirstFields {
  const root = fullDocument(doc);
  let cache = firstFields.get(root);
  if (!cache) firstFields.set(root, (cache = { any: new Map(), keyed: new Map() }));
  return cache;
}

/** The first line's `name` field, in file order (a file's example of how it writes the field). */
export function firstFieldOf(doc: ClaimDocument, name: FieldName): Field | undefined {
  const cache = cacheOf(doc).any;
  if (!cache.has(name)) cache.set(name, fullDocument(doc).lines.map((l) => l.fields[name]).find((f) => f !== undefined));
  return cache.get(name);
}

/** The first line's `name` field that has a key (JSON: a property the line or claim writes). */
export function firstKeyedFieldOf(doc: ClaimDocument, name: FieldName): Field | undefined {
  const cache = cacheOf(doc).keyed;
  if (!cache.has(name)) cache.set(name, fullDocument(doc).lines.map((l) => l.fields[name]).find((f) => f?.keySpan));
  return cache.get(name);
}
