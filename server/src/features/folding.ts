// Folding: one range per claim, in both formats.
import type { ClaimDocument, Span } from '../model';

export function foldingRanges(_doc: ClaimDocument): Span[] {
  return []; // TODO(code intelligence)
}
