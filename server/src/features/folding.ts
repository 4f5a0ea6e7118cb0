// Folding: one range per claim. CSV: each run of contiguous rows of one claim (a claim whose rows
// are interleaved with another's folds run by run). JSON: each claim object, with lines or
// without (`"lines": []`). A range that spans a
// single line is left out: there is nothing to fold.
import type { Node as JsonNode } from 'jsonc-parser';
import type { ClaimDocument, ServiceLine, Span } from '../model';
import { normalizeKey } from '../parse/fields';

const multiLine = (text: string, s: Span): boolean => /[\r\n]/.test(text.slice(s.start, s.end));

function csvRuns(doc: ClaimDocument): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < doc.lines.length) {
    let j = i;
    while (j + 1 < doc.lines.length && doc.lines[j + 1].claimIndex === doc.lines[i].claimIndex) j++;
    if (j > i) out.push({ start: doc.lines[i].span.start, end: doc.lines[j].span.end });
    i = j + 1;
  }
  return out;
}

/** The claim object a JSON line is in: the object holding its "lines" list, or the line itself
 *  (a flat line object is its own claim object). */
function claimObjectOf(line: ServiceLine): JsonNode | undefined {
  const list = line.node?.parent;
  const property = list?.type === 'array' ? list.parent : undefined;
  const key = property?.type === 'property' ? property.children?.[0]?.value : undefined;
  return typeof key === 'string' && normalizeKey(key) === 'lines' ? property!.parent : line.node;
}

export function foldingRanges(doc: ClaimDocument): Span[] {
  if (doc.format === 'csv') return csvRuns(doc);
  // Each claim object (objects of one claim_id apart from each other fold one by one).
  const objects = new Set<JsonNode>();
  for (const line of doc.lines) {
    const obj = claimObjectOf(line);
    if (obj) objects.add(obj);
  }
  const spans = [...[...objects].map((o) => ({ start: o.offset, end: o.offset + o.length })), ...(doc.json?.linelessClaims ?? []).map((c) => c.span)];
  return spans.filter((s) => multiLine(doc.text, s)).sort((a, b) => a.start - b.start);
}
