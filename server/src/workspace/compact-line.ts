// A claim file's service lines packed into a few typed arrays: what the cross-file rules read of
// another file's line (the parsed values, the modifiers, and the spans related information points
// at), at about a third of the memory of line objects. The workspace index and the CLI hold
// thousands of files this way and make ServiceLine objects only for the members a lint asks for.
// Never the text, CSV rows or JSON nodes: those stay with the file they came from.
import type { Field, FieldName, Modifier, ServiceLine, Span } from '../model';

// Number columns (Float64: dates are days, amounts may have decimals; NaN = absent).
const N_FROM = 0, N_TO = 1, N_UNITS = 2, N_CHARGE = 3, N_NDC_QTY = 4, N_WASTED = 5, N_DURATION = 6;
const NUM_COLS = 7;
// Int32 columns: positions and spans (-1 = absent).
const I_INDEX = 0, I_CLAIM = 1, I_START = 2, I_END = 3, I_HCPCS_START = 4, I_HCPCS_END = 5, I_DUR_START = 6, I_DUR_END = 7,
  I_QUOTED = 8, I_MODS = 9;
const INT_COLS = 10;
// String columns.
const S_CLAIM = 0, S_MEMBER = 1, S_PAYER = 2, S_AUTH = 3, S_POS = 4, S_HCPCS = 5, S_NDC = 6, S_NDC_UNIT = 7, S_VIAL = 8, S_FREQ = 9;
const STR_COLS = 10;

const NOTHING_DISABLED: ReadonlySet<string> = new Set();
const NO_MODIFIERS: readonly Modifier[] = [];

/** A copy of a string that does not share memory with the file text it was cut from: V8 keeps a
 *  substring of 13+ characters as a view into its parent, which would keep the file's whole text
 *  alive through one NDC. Concatenating then slicing forces a flat copy. */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Codes, payers and members repeat on nearly every line of a workspace: one copy of each.
 *  Bounded, as values are whatever the files hold. */
const INTERNED = new Map<string, string>();
const MAX_INTERNED = 50_000;

function intern(s: string): string {
  const known = INTERNED.get(s);
  if (known !== undefined) return known;
  const copy = detach(s);
  if (INTERNED.size < MAX_INTERNED) INTERNED.set(copy, copy);
  return copy;
}

const num = (v: number | undefined): number => (v === undefined ? NaN : v);
const opt = (v: number): number | undefined => (Number.isNaN(v) ? undefined : v);

export class PackedLines {
  private constructor(
    readonly length: number,
    private readonly nums: Float64Array,
    private readonly ints: Int32Array,
    private readonly strs: readonly string[],
    /** Modifiers of all lines: line i's are [ints[i].I_MODS, ints[i+1].I_MODS). */
    private readonly modCodes: readonly string[],
    private readonly modFields: readonly FieldName[],
    private readonly modSpans: Int32Array,
  ) {}

  static of(lines: readonly ServiceLine[]): PackedLines {
    const n = lines.length;
    const nums = new Float64Array(n * NUM_COLS);
    const ints = new Int32Array((n + 1) * INT_COLS);
    const strs: string[] = new Array<string>(n * STR_COLS);
    const modCodes: string[] = [];
    const modFields: FieldName[] = [];
    const modSpans: number[] = [];
    // Claim ids and auth numbers repeat within a file, not across: one copy per file.
    const local = new Map<string, string>();
    const once = (s: string): string => {
      let v = local.get(s);
      if (v === undefined) local.set(s, (v = detach(s)));
      return v;
    };
    for (let i = 0; i < n; i++) {
      const l = lines[i];
      const nb = i * NUM_COLS;
      nums[nb + N_FROM] = num(l.dosFrom);
      nums[nb + N_TO] = num(l.dosTo);
      nums[nb + N_UNITS] = num(l.units);
      nums[nb + N_CHARGE] = num(l.charge);
      nums[nb + N_NDC_QTY] = num(l.ndcQty);
      nums[nb + N_WASTED] = num(l.wastedUnits);
      nums[nb + N_DURATION] = num(l.durationMin);
      const ib = i * INT_COLS;
      ints[ib + I_INDEX] = l.index;
      ints[ib + I_CLAIM] = l.claimIndex;
      ints[ib + I_START] = l.span.start;
      ints[ib + I_END] = l.span.end;
      const hcpcs = l.fields.hcpcs;
      const duration = l.durationMin === undefined ? undefined : l.fields.duration_min;
      ints[ib + I_HCPCS_START] = hcpcs ? hcpcs.span.start : -1;
      ints[ib + I_HCPCS_END] = hcpcs ? hcpcs.span.end : -1;
      ints[ib + I_DUR_START] = duration ? duration.span.start : -1;
      ints[ib + I_DUR_END] = duration ? duration.span.end : -1;
      ints[ib + I_QUOTED] = (hcpcs?.quoted ? 1 : 0) | (duration?.quoted ? 2 : 0);
      ints[ib + I_MODS] = modCodes.length;
      for (const m of l.modifiers) {
        modCodes.push(intern(m.code));
        modFields.push(m.field);
        modSpans.push(m.span.start, m.span.end);
      }
      const sb = i * STR_COLS;
      strs[sb + S_CLAIM] = once(l.claimId);
      strs[sb + S_MEMBER] = intern(l.memberId);
      strs[sb + S_PAYER] = intern(l.payer);
      strs[sb + S_AUTH] = once(l.authNumber);
      strs[sb + S_POS] = intern(l.pos);
      strs[sb + S_HCPCS] = intern(l.hcpcs);
      strs[sb + S_NDC] = intern(l.ndc);
      strs[sb + S_NDC_UNIT] = intern(l.ndcUnit);
      strs[sb + S_VIAL] = l.vial ?? '';
      strs[sb + S_FREQ] = intern(l.frequency);
    }
    ints[n * INT_COLS + I_MODS] = modCodes.length;
    return new PackedLines(n, nums, ints, strs, modCodes, modFields, Int32Array.from(modSpans));
  }

  memberId(i: number): string {
    return this.strs[i * STR_COLS + S_MEMBER];
  }

  dosFrom(i: number): number | undefined {
    return opt(this.nums[i * NUM_COLS + N_FROM]);
  }

  /** Bytes held in typed arrays and string slots (not the shared, interned strings). */
  get bytes(): number {
    return this.nums.byteLength + this.ints.byteLength + this.modSpans.byteLength + (this.strs.length + this.modCodes.length * 2) * 8;
  }

  /** Line i as a ServiceLine: values, modifiers, the line's span and its code's and minutes' spans.
   *  No text of any field, no notes, no suppressions (they belong to the file that reports). */
  line(i: number): ServiceLine {
    const nb = i * NUM_COLS;
    const ib = i * INT_COLS;
    const sb = i * STR_COLS;
    const ints = this.ints;
    const fields: Partial<Record<FieldName, Field>> = {};
    const quoted = ints[ib + I_QUOTED];
    if (ints[ib + I_HCPCS_START] >= 0) {
      fields.hcpcs = { name: 'hcpcs', text: '', span: { start: ints[ib + I_HCPCS_START], end: ints[ib + I_HCPCS_END] }, quoted: (quoted & 1) !== 0 };
    }
    if (ints[ib + I_DUR_START] >= 0) {
      fields.duration_min = { name: 'duration_min', text: '', span: { start: ints[ib + I_DUR_START], end: ints[ib + I_DUR_END] }, quoted: (quoted & 2) !== 0 };
    }
    const m0 = ints[ib + I_MODS];
    const m1 = ints[ib + INT_COLS + I_MODS];
    let modifiers = NO_MODIFIERS;
    if (m1 > m0) {
      const list: Modifier[] = [];
      for (let m = m0; m < m1; m++) {
        const span: Span = { start: this.modSpans[m * 2], end: this.modSpans[m * 2 + 1] };
        list.push({ code: this.modCodes[m], span, field: this.modFields[m] });
      }
      modifiers = list;
    }
    const vial = this.strs[sb + S_VIAL];
    return {
      claimId: this.strs[sb + S_CLAIM],
      memberId: this.strs[sb + S_MEMBER],
      payer: this.strs[sb + S_PAYER],
      authNumber: this.strs[sb + S_AUTH],
      dosFrom: opt(this.nums[nb + N_FROM]),
      dosTo: opt(this.nums[nb + N_TO]),
      pos: this.strs[sb + S_POS],
      hcpcs: this.strs[sb + S_HCPCS],
      units: opt(this.nums[nb + N_UNITS]),
      charge: opt(this.nums[nb + N_CHARGE]),
      ndc: this.strs[sb + S_NDC],
      ndcUnit: this.strs[sb + S_NDC_UNIT],
      ndcQty: opt(this.nums[nb + N_NDC_QTY]),
      wastedUnits: opt(this.nums[nb + N_WASTED]),
      vial: vial === 'single' || vial === 'multi' ? vial : undefined,
      frequency: this.strs[sb + S_FREQ],
      durationMin: opt(this.nums[nb + N_DURATION]),
      // Free text is not needed across files (and is where patient details end up).
      notes: '',
      index: ints[ib + I_INDEX],
      claimIndex: ints[ib + I_CLAIM],
      span: { start: ints[ib + I_START], end: ints[ib + I_END] },
      fields,
      modifiers,
      disabled: NOTHING_DISABLED,
    };
  }
}
