// Facts about a whole document that fixes ask for again and again (every modifier fix asks for
// the separator the file uses, every JSON fix for how the file writes a field). Looked up once per
// document: scanning every line for every fix made fixes quadratic on big files. Views made for
// incremental linting (doc-view.ts) get the whole document's answer.
import { fullDocument } from '../doc-view';
import type { ClaimDocument, Field, FieldName } from '../model';
import { documentModifierSeparator } from './modifier-list';

/** How many times fixes have asked how the rest of their document is written (below). */
let asked = 0;
/** Fixes whose edits depend on other lines of their document (made while one of the functions
 *  below was asked: the engine's LazyFixesFinding marks them). A batch of a big file answers for
 *  its own lines only, so the CLI's SARIF report leaves such fixes out (cli/check.ts locatedEdits). */
const readOtherLines = new WeakSet<object>();

/** Make fixes, marking them when making them asked how other lines are written. */
export function makingFixes<T extends object>(make: () => readonly T[]): readonly T[] {
  const before = asked;
  const fixes = make();
  if (asked !== before) for (const f of fixes) readOtherLines.add(f);
  return fixes;
}

/** Whether a fix's edits depend on how other lines of its document are written (makingFixes). */
export function readsOtherLines(fix: object): boolean {
  return readOtherLines.has(fix);
}

/** The separator the document's modifier lists use ("SH:JW" → ":"), default a space. */
export function modifierSeparatorOf(doc: ClaimDocument, format: 'csv' | 'json'): string {
  asked++;
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
  asked++;
  const cache = cacheOf(doc).any;
  if (!cache.has(name)) cache.set(name, fullDocument(doc).lines.map((l) => l.fields[name]).find((f) => f !== undefined));
  return cache.get(name);
}

/** The first line's `name` field that has a key (JSON: a property the line or claim writes). */
export function firstKeyedFieldOf(doc: ClaimDocument, name: FieldName): Field | undefined {
  asked++;
  const cache = cacheOf(doc).keyed;
  if (!cache.has(name)) cache.set(name, fullDocument(doc).lines.map((l) => l.fields[name]).find((f) => f?.keySpan));
  return cache.get(name);
}
