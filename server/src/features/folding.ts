// Folding: one range per claim. CSV: each run of contiguous rows of one claim (a claim whose rows
// are interleaved with another's folds run by run). JSON: the claim object, with lines or
// without (`"lines": []`). A range that spans a
// single line is left out: there is nothing to fold.
import type { ClaimDocument, Span } from '../model';

const multiLine = (text: string, s: Span): boolean => text.slice(s.start, s.end).includes('\n');

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

export function foldingRanges(doc: ClaimDocument): Span[] {
  if (doc.format === 'csv') return csvRuns(doc);
  const spans = [...doc.claims, ...(doc.json?.linelessClaims ?? [])].map((c) => c.span);
  return spans.filter((s) => multiLine(doc.text, s)).sort((a, b) => a.start - b.start);
}
