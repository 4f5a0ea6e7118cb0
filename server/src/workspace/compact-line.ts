// A service line reduced to what the cross-file rules read of another file's line: the parsed
// values, the modifiers, and the spans related information points at. The workspace index and the
// CLI keep thousands of files' lines in memory, so they keep this, never the parsed document
// (its text, CSV rows and JSON nodes stay with the file they came from).
import type { Field, FieldName, ServiceLine } from '../model';

/** Fields whose spans the cross-file rules point at on another file's line (related information):
 *  the code, and the nursing visit's minutes. Their `text` is dropped: no rule reads it there. */
const KEPT_FIELDS: readonly FieldName[] = ['hcpcs', 'duration_min'];

const NOTHING_DISABLED: ReadonlySet<string> = new Set();

/** A copy of a string that does not share memory with the file text it was cut from: V8 keeps a
 *  substring of 13+ characters as a view into its parent, which would keep every file's whole
 *  text alive through one NDC. Concatenating then slicing forces a flat copy. */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Codes repeat on nearly every line of a workspace: one copy of each. Bounded, as values are
 *  whatever the files hold. */
const INTERNED = new Map<string, string>();
const MAX_INTERNED = 20_000;

function intern(s: string): string {
  const known = INTERNED.get(s);
  if (known !== undefined) return known;
  const copy = detach(s);
  if (INTERNED.size < MAX_INTERNED) INTERNED.set(copy, copy);
  return copy;
}

function spanOnly(f: Field): Field {
  return { name: f.name, text: '', span: { start: f.span.start, end: f.span.end }, quoted: f.quoted };
}

export function compactLine(line: ServiceLine): ServiceLine {
  const fields: Partial<Record<FieldName, Field>> = {};
  for (const name of KEPT_FIELDS) {
    const f = line.fields[name];
    if (f) fields[name] = spanOnly(f);
  }
  return {
    claimId: detach(line.claimId),
    memberId: intern(line.memberId),
    payer: intern(line.payer),
    authNumber: detach(line.authNumber),
    dosFrom: line.dosFrom,
    dosTo: line.dosTo,
    pos: intern(line.pos),
    hcpcs: intern(line.hcpcs),
    units: line.units,
    charge: line.charge,
    ndc: intern(line.ndc),
    ndcUnit: intern(line.ndcUnit),
    ndcQty: line.ndcQty,
    wastedUnits: line.wastedUnits,
    vial: line.vial,
    frequency: intern(line.frequency),
    durationMin: line.durationMin,
    // Free text is not needed across files (and is where patient details end up).
    notes: '',
    index: line.index,
    claimIndex: line.claimIndex,
    span: { start: line.span.start, end: line.span.end },
    fields,
    modifiers: line.modifiers.map((m) => ({ code: intern(m.code), span: { start: m.span.start, end: m.span.end }, field: m.field })),
    // Suppression applies to the file that reports, not to the lines it compares with.
    disabled: NOTHING_DISABLED,
  };
}
