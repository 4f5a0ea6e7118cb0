// A claim file's service lines packed into a few typed arrays: what the cross-file rules read of
// another file's line (the parsed values, the modifiers, and the spans related information points
// at), at about a third of the memory of line objects. The workspace index and the CLI hold
// thousands of files this way and make ServiceLine objects only for the members a lint asks for.
// Never the text, CSV rows or JSON nodes: those stay with the file they came from.
import type { Field, FieldName, Modifier, ServiceLine, Span } from '../model';
import type { ExternalLine, ReachLine } from '../rules/types';
import { detach } from '../detach';

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
    /** Per line, STR_COLS ids into `table`. */
    private readonly strs: Int32Array,
    /** The file's distinct strings (codes, members and payers are the shared, interned copies). */
    private readonly table: readonly string[],
    /** Modifiers of all lines: line i's are [ints[i].I_MODS, ints[i+1].I_MODS). */
    private readonly modCodes: readonly string[],
    private readonly modFields: readonly FieldName[],
    private readonly modSpans: Int32Array,
  ) {}

  /** The lines as they are, in their order. */
  static of(lines: readonly ServiceLine[]): PackedLines {
    const builder = new PackedLinesBuilder(lines.length);
    lines.forEach((l, i) => builder.add(l, { shift: 0, index: l.index, claimIndex: l.claimIndex, slot: i }));
    return builder.build();
  }

  /** @internal (PackedLinesBuilder.build) */
  static made(
    length: number, nums: Float64Array, ints: Int32Array, strs: Int32Array, table: readonly string[], modCodes: readonly string[],
    modFields: readonly FieldName[], modSpans: Int32Array,
  ): PackedLines {
    return new PackedLines(length, nums, ints, strs, table, modCodes, modFields, modSpans);
  }

  memberId(i: number): string {
    return this.table[this.strs[i * STR_COLS + S_MEMBER]];
  }

  dosFrom(i: number): number | undefined {
    return opt(this.nums[i * NUM_COLS + N_FROM]);
  }

  dosTo(i: number): number | undefined {
    return opt(this.nums[i * NUM_COLS + N_TO]);
  }

  claimId(i: number): string {
    return this.table[this.strs[i * STR_COLS + S_CLAIM]];
  }

  /** What reach predicates read of line i (rules/types.ts, ReachLine), without making the line. */
  probe(i: number): ReachLine {
    const sb = i * STR_COLS;
    return { hcpcs: this.table[this.strs[sb + S_HCPCS]], authNumber: this.table[this.strs[sb + S_AUTH]] };
  }

  /** Where line i starts in its file. */
  start(i: number): number {
    return this.ints[i * INT_COLS + I_START];
  }

  /**
   * Whether line i here and line j of `other` give the cross-file rules the same line: every value,
   * modifier and which of its fields are there, but not where it is (its index, claim index and
   * spans, which only move when lines before it come or go). The workspace index compares a file's
   * lines before and after a change with it (workspace/changed-members.ts).
   */
  sameValues(i: number, other: PackedLines, j: number): boolean {
    for (let c = 0; c < NUM_COLS; c++) {
      const x = this.nums[i * NUM_COLS + c];
      const y = other.nums[j * NUM_COLS + c];
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
    for (let c = 0; c < STR_COLS; c++) {
      if (this.table[this.strs[i * STR_COLS + c]] !== other.table[other.strs[j * STR_COLS + c]]) return false;
    }
    const a = i * INT_COLS;
    const b = j * INT_COLS;
    if (this.ints[a + I_QUOTED] !== other.ints[b + I_QUOTED]) return false;
    if ((this.ints[a + I_HCPCS_START] < 0) !== (other.ints[b + I_HCPCS_START] < 0)) return false;
    if ((this.ints[a + I_DUR_START] < 0) !== (other.ints[b + I_DUR_START] < 0)) return false;
    const m0 = this.ints[a + I_MODS];
    const n0 = other.ints[b + I_MODS];
    const count = this.ints[a + INT_COLS + I_MODS] - m0;
    if (other.ints[b + INT_COLS + I_MODS] - n0 !== count) return false;
    for (let m = 0; m < count; m++) {
      if (this.modCodes[m0 + m] !== other.modCodes[n0 + m] || this.modFields[m0 + m] !== other.modFields[n0 + m]) return false;
    }
    return true;
  }

  /** Bytes held in typed arrays and string slots (not the shared, interned strings). */
  get bytes(): number {
    return this.nums.byteLength + this.ints.byteLength + this.strs.byteLength + this.modSpans.byteLength + (this.table.length + this.modCodes.length * 2) * 8;
  }

  /** Line i as a ServiceLine: values, modifiers, the line's span and its code's and minutes' spans.
   *  No text of any field, no notes, no suppressions (they belong to the file that reports). */
  line(i: number): ServiceLine {
    const nb = i * NUM_COLS;
    const ib = i * INT_COLS;
    const sb = i * STR_COLS;
    const ints = this.ints;
    const str = (col: number): string => this.table[this.strs[sb + col]];
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
    const vial = str(S_VIAL);
    return {
      claimId: str(S_CLAIM),
      memberId: str(S_MEMBER),
      payer: str(S_PAYER),
      authNumber: str(S_AUTH),
      dosFrom: opt(this.nums[nb + N_FROM]),
      dosTo: opt(this.nums[nb + N_TO]),
      pos: str(S_POS),
      hcpcs: str(S_HCPCS),
      units: opt(this.nums[nb + N_UNITS]),
      charge: opt(this.nums[nb + N_CHARGE]),
      ndc: str(S_NDC),
      ndcUnit: str(S_NDC_UNIT),
      ndcQty: opt(this.nums[nb + N_NDC_QTY]),
      wastedUnits: opt(this.nums[nb + N_WASTED]),
      vial: vial === 'single' || vial === 'multi' ? vial : undefined,
      frequency: str(S_FREQ),
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

/**
 * A packed line as another file's line (ExternalLine), made into a ServiceLine when first read.
 * An open document is handed every line of its members (lsp/workspace-index.ts, `lines`), of which
 * its rules read only those its lines reach (workspace/window.ts, picked by the packed values): a
 * year of daily exports made 73,000 line objects for each open file, where an edit reads a day's.
 */
export class PackedExternalLine implements ExternalLine {
  #line: ServiceLine | undefined = undefined;

  constructor(readonly uri: string, readonly packed: PackedLines, readonly at: number) {}

  get line(): ServiceLine {
    return (this.#line ??= this.packed.line(this.at));
  }
}

/** Where a line added to a builder belongs in its file: what to add to its offsets (a line
 *  parsed from a part of the file has offsets into that part), its index and claim index, and its
 *  slot: its place in the file's order (lines may be added in any order; `build` puts them in the
 *  order of their slots). */
export interface LinePlace {
  readonly shift: number;
  readonly index: number;
  readonly claimIndex: number;
  readonly slot: number;
}

/**
 * Packs lines one at a time, in any order, each into its slot (at most `slots`, each used once),
 * so that a big file can be packed part by part (cli/cross-file.ts) without holding all its line
 * objects at once. A line's strings are ids into the file's table of distinct strings.
 */
export class PackedLinesBuilder {
  private readonly nums: Float64Array;
  private readonly ints: Int32Array;
  private readonly strs: Int32Array;
  private readonly table: string[] = [];
  /** string → its id in `table` (this file's). */
  private readonly ids = new Map<string, number>();
  private readonly used: Uint8Array;
  private readonly modCodes: string[] = [];
  private readonly modFields: FieldName[] = [];
  private readonly modSpans: number[] = [];
  /** Per slot: where its modifiers are in the mod arrays, [modFrom, modTo). */
  private readonly modFrom: Int32Array;
  private readonly modTo: Int32Array;
  private readonly local = new Map<string, string>();

  constructor(private readonly slots: number) {
    this.nums = new Float64Array(slots * NUM_COLS);
    this.ints = new Int32Array((slots + 1) * INT_COLS);
    this.strs = new Int32Array(slots * STR_COLS);
    this.used = new Uint8Array(slots);
    this.modFrom = new Int32Array(slots);
    this.modTo = new Int32Array(slots);
  }

  add(l: ServiceLine, at: LinePlace): void {
    const { shift, slot } = at;
    if (!(slot >= 0 && slot < this.slots) || this.used[slot]) throw new RangeError('PackedLinesBuilder: a slot out of range or used twice');
    this.used[slot] = 1;
    const nb = slot * NUM_COLS;
    const nums = this.nums;
    nums[nb + N_FROM] = num(l.dosFrom);
    nums[nb + N_TO] = num(l.dosTo);
    nums[nb + N_UNITS] = num(l.units);
    nums[nb + N_CHARGE] = num(l.charge);
    nums[nb + N_NDC_QTY] = num(l.ndcQty);
    nums[nb + N_WASTED] = num(l.wastedUnits);
    nums[nb + N_DURATION] = num(l.durationMin);
    const ib = slot * INT_COLS;
    const ints = this.ints;
    const hcpcs = l.fields.hcpcs;
    const duration = l.durationMin === undefined ? undefined : l.fields.duration_min;
    ints[ib + I_INDEX] = at.index;
    ints[ib + I_CLAIM] = at.claimIndex;
    ints[ib + I_START] = l.span.start + shift;
    ints[ib + I_END] = l.span.end + shift;
    ints[ib + I_HCPCS_START] = hcpcs ? hcpcs.span.start + shift : -1;
    ints[ib + I_HCPCS_END] = hcpcs ? hcpcs.span.end + shift : -1;
    ints[ib + I_DUR_START] = duration ? duration.span.start + shift : -1;
    ints[ib + I_DUR_END] = duration ? duration.span.end + shift : -1;
    ints[ib + I_QUOTED] = (hcpcs?.quoted ? 1 : 0) | (duration?.quoted ? 2 : 0);
    this.modFrom[slot] = this.modCodes.length;
    for (const m of l.modifiers) {
      this.modCodes.push(intern(m.code));
      this.modFields.push(m.field);
      this.modSpans.push(m.span.start + shift, m.span.end + shift);
    }
    this.modTo[slot] = this.modCodes.length;
    const sb = slot * STR_COLS;
    const strs = this.strs;
    strs[sb + S_CLAIM] = this.id(l.claimId, false);
    strs[sb + S_MEMBER] = this.id(l.memberId, true);
    strs[sb + S_PAYER] = this.id(l.payer, true);
    strs[sb + S_AUTH] = this.id(l.authNumber, false);
    strs[sb + S_POS] = this.id(l.pos, true);
    strs[sb + S_HCPCS] = this.id(l.hcpcs, true);
    strs[sb + S_NDC] = this.id(l.ndc, true);
    strs[sb + S_NDC_UNIT] = this.id(l.ndcUnit, true);
    strs[sb + S_VIAL] = this.id(l.vial ?? '', true);
    strs[sb + S_FREQ] = this.id(l.frequency, true);
  }

  /** The lines added, in the order of their slots (unused slots left out). The builder is spent. */
  build(): PackedLines {
    const { nums, ints, strs, used } = this;
    const modCodes: string[] = [];
    const modFields: FieldName[] = [];
    const modSpans: number[] = [];
    // Moved down over the unused slots, in place: slot j goes to i <= j.
    let i = 0;
    for (let j = 0; j < this.slots; j++) {
      if (!used[j]) continue;
      if (i !== j) {
        nums.copyWithin(i * NUM_COLS, j * NUM_COLS, (j + 1) * NUM_COLS);
        ints.copyWithin(i * INT_COLS, j * INT_COLS, (j + 1) * INT_COLS);
        strs.copyWithin(i * STR_COLS, j * STR_COLS, (j + 1) * STR_COLS);
      }
      ints[i * INT_COLS + I_MODS] = modCodes.length;
      for (let m = this.modFrom[j]; m < this.modTo[j]; m++) {
        modCodes.push(this.modCodes[m]);
        modFields.push(this.modFields[m]);
        modSpans.push(this.modSpans[m * 2], this.modSpans[m * 2 + 1]);
      }
      i++;
    }
    const n = i;
    ints[n * INT_COLS + I_MODS] = modCodes.length;
    return PackedLines.made(
      n, nums.slice(0, n * NUM_COLS), ints.slice(0, (n + 1) * INT_COLS), strs.slice(0, n * STR_COLS), this.table,
      modCodes, modFields, Int32Array.from(modSpans),
    );
  }

  /** The id of a string in this file's table. `shared`: a value that repeats across files (codes,
   *  members, payers), kept as one interned copy for all; claim ids and auth numbers repeat only
   *  within a file: a detached copy of their own. */
  private id(s: string, shared: boolean): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.table.push(shared ? intern(s) : detach(s)) - 1;
      this.ids.set(s, id);
    }
    return id;
  }
}
