// What an edit of a JSON document needs from its last read to re-read only the claim object it
// changed (json-incremental.ts): the list of claims that was read, each line's claim object in
// it, and the file's line-end counts. Kept beside the document, not in it: the model stays what
// rules read.
import type { Node as JsonNode } from 'jsonc-parser';
import type { ClaimDocument } from '../model';

/** Line ends as the JSON reader counts them for the dominant one (json.ts eolCounts). */
export interface EolCounts {
  readonly crlf: number;
  readonly lf: number;
  /** Lone CRs. */
  readonly cr: number;
}

export interface JsonState {
  /** The claims list whose items were read: the root list, or the root object's "claims". */
  readonly list: JsonNode;
  /** Per line: the index of its claim object (an item of `list`); nondecreasing. */
  readonly itemOfLine: Int32Array;
  readonly eols: EolCounts;
}

const states = new WeakMap<ClaimDocument, JsonState>();

/** The state of a document read from a well-formed claims list (no syntax error, no bytes that
 *  were not UTF-8); undefined otherwise, or once the document was re-read for an edit. */
export function jsonStateOf(doc: ClaimDocument): JsonState | undefined {
  return states.get(doc);
}

export function setJsonState(doc: ClaimDocument, state: JsonState): void {
  states.set(doc, state);
}

/** The document's tree was changed in place for an edit: it can be re-read no more. */
export function forgetJsonState(doc: ClaimDocument): void {
  states.delete(doc);
}
