// Building a ServiceLine: shared by the CSV and JSON parsers so both formats read values the
// same way.
import type { Node as JsonNode } from 'jsonc-parser';
import type { CsvRow, FieldName, LineValues, Modifier, ServiceLine, Span } from '../model';
import type { Field } from '../model';
import { parseDate, parseDecimal } from './values';
import { asciiUpper, trimmed } from './ascii';

export type Fields = Partial<Record<FieldName, Field>>;

/** A field's text, or undefined when the line has no such field. */
export type TextOf = (name: FieldName) => string | undefined;

function decimal(s: string | undefined): number | undefined {
  return s === undefined || s.length === 0 ? undefined : parseDecimal(s);
}

/** Dates repeat on nearly every row: a per-parse cache avoids re-reading them. */
export class DateCache {
  private readonly map = new Map<string, number | undefined>();
  read(s: string): number | undefined {
    if (s.length === 0) return undefined;
    if (this.map.has(s)) return this.map.get(s);
    const d = parseDate(s);
    if (this.map.size < 10_000) this.map.set(s, d);
    return d;
  }
}

/** The parsed values of a line (absent or unreadable: '' or undefined). */
export function lineValues(textOf: TextOf, dates: DateCache = new DateCache()): LineValues {
  const dosFrom = dates.read(trimmed(textOf('dos_from')));
  const toText = trimmed(textOf('dos_to'));
  const vial = trimmed(textOf('vial')).toLowerCase();
  return {
    claimId: trimmed(textOf('claim_id')),
    memberId: trimmed(textOf('member_id')),
    payer: trimmed(textOf('payer')).toLowerCase(),
    authNumber: trimmed(textOf('auth_number')),
    dosFrom,
    dosTo: toText === '' ? dosFrom : dates.read(toText),
    pos: trimmed(textOf('pos')),
    hcpcs: asciiUpper(trimmed(textOf('hcpcs'))),
    units: decimal(textOf('units')),
    charge: decimal(textOf('charge')),
    ndc: trimmed(textOf('ndc')),
    ndcUnit: asciiUpper(trimmed(textOf('ndc_unit'))),
    ndcQty: decimal(textOf('ndc_qty')),
    wastedUnits: decimal(textOf('wasted_units')),
    vial: vial === 'single' || vial === 'multi' ? vial : undefined,
    frequency: trimmed(textOf('frequency')).toLowerCase(),
    durationMin: decimal(textOf('duration_min')),
    notes: trimmed(textOf('notes')),
  };
}

export interface LineParts {
  readonly index: number;
  readonly claimIndex: number;
  readonly span: Span;
  readonly fields: Fields;
  readonly modifiers: readonly Modifier[];
  readonly disabled: ReadonlySet<string>;
  readonly row?: CsvRow;
  readonly disableComment?: Span;
  readonly node?: JsonNode;
}

/**
 * A ServiceLine from its values and parts. One object literal with every property in a fixed
 * order: all lines share one hidden class, which keeps building 100k lines fast and the rules'
 * property reads monomorphic.
 */
export function makeLine(v: LineValues, parts: LineParts): ServiceLine {
  return {
    claimId: v.claimId,
    memberId: v.memberId,
    payer: v.payer,
    authNumber: v.authNumber,
    dosFrom: v.dosFrom,
    dosTo: v.dosTo,
    pos: v.pos,
    hcpcs: v.hcpcs,
    units: v.units,
    charge: v.charge,
    ndc: v.ndc,
    ndcUnit: v.ndcUnit,
    ndcQty: v.ndcQty,
    wastedUnits: v.wastedUnits,
    vial: v.vial,
    frequency: v.frequency,
    durationMin: v.durationMin,
    notes: v.notes,
    index: parts.index,
    claimIndex: parts.claimIndex,
    span: parts.span,
    fields: parts.fields,
    modifiers: parts.modifiers,
    disabled: parts.disabled,
    row: parts.row,
    disableComment: parts.disableComment,
    node: parts.node,
  };
}

/** The words a missing-field message uses to say what to enter. */
export const REQUIRED_HINT: Readonly<Partial<Record<FieldName, string>>> = {
  claim_id: 'the claim id that groups the lines of one claim',
  member_id: "the patient's member id",
  dos_from: 'the date of service (YYYY-MM-DD)',
  hcpcs: 'the HCPCS or CPT code billed',
  units: 'the service units billed',
};

export const NO_IDS: ReadonlySet<string> = new Set();
export const NO_MODIFIERS: readonly Modifier[] = [];
