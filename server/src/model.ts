// The claim model: what the parsers produce and the rules read.
// Every value keeps the offset range it came from, so findings and fixes are
// offsets into the document text; positions are computed only at the LSP edge.
import type { Node as JsonNode } from 'jsonc-parser';

/** Half-open offset range [start, end) into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Canonical field names of claims-format.md, in the spec's order. */
export const FIELD_NAMES = [
  'claim_id', 'member_id', 'payer', 'auth_number', 'line', 'dos_from', 'dos_to', 'pos', 'hcpcs',
  'modifiers', 'modifier1', 'modifier2', 'modifier3', 'modifier4', 'units', 'charge', 'ndc',
  'ndc_unit', 'ndc_qty', 'wasted_units', 'vial', 'frequency', 'duration_min', 'notes',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const REQUIRED_FIELDS: readonly FieldName[] = ['claim_id', 'member_id', 'dos_from', 'hcpcs', 'units'];

export const PAYERS = ['commercial', 'medicare', 'medicare_advantage', 'medicaid'] as const;
export type Payer = (typeof PAYERS)[number];

export interface Field {
  readonly name: FieldName;
  /** The value as text: the CSV cell with quotes removed and `""` unescaped; a JSON string's
   *  content, or a JSON number/boolean's source text (a number with an exponent: its value as a
   *  plain decimal, `1e2` is '100'; JSON null: ''; a JSON `modifiers` array:
   *  its string, number and boolean elements as written, joined by spaces (see wrongTypeElements);
   *  another JSON list or object: '', see wrongType). */
  readonly text: string;
  /** The value's range: the CSV cell's text (inside the quotes when quoted), or the whole JSON
   *  value node (quotes included). Diagnostics point here. */
  readonly span: Span;
  /** The header cell (CSV) or the property key (JSON) that named the field. */
  readonly keySpan?: Span;
  /** CSV: the cell was quoted. JSON: the value was a string. */
  readonly quoted: boolean;
  /** JSON: the field sits on the claim object and the line inherits it. */
  readonly fromClaim?: boolean;
  /** JSON: the value is a list or an object, which the field cannot be read from. The key is
   *  there (not missing-field's), the value reads as empty, and invalid-value reports it. */
  readonly wrongType?: 'list' | 'object';
  /** JSON `modifiers` list: its elements that are lists or objects (no modifier can be read from
   *  them). They are left out of the line's modifiers and the text; invalid-value reports each. */
  readonly wrongTypeElements?: readonly WrongTypeElement[];
}

export interface WrongTypeElement {
  readonly type: 'list' | 'object';
  readonly span: Span;
}

/** One modifier code, from a `modifiers` cell/string/array element or a `modifierN` column. */
export interface Modifier {
  /** Upper-cased, trimmed. */
  readonly code: string;
  /** The modifier's own text range (one element of a list cell, or the whole cell). */
  readonly span: Span;
  readonly field: FieldName;
}

export interface CsvCell {
  /** Unquoted, unescaped content. */
  readonly text: string;
  /** The cell's text, inside the quotes when quoted. */
  readonly span: Span;
  /** The cell including its quotes. */
  readonly outer: Span;
  readonly quoted: boolean;
}

/** A line end a file may use: LF, CRLF, or a lone CR (old Mac "CSV (Macintosh)" exports). */
export type LineEnd = '\n' | '\r\n' | '\r';

export interface CsvRow {
  /** The row's text, without its line end. */
  readonly span: Span;
  readonly cells: readonly CsvCell[];
  /** The line end that follows the row ('' at end of file). */
  readonly eol: string;
}

/** Parsed values of a line. Absent or unreadable values are undefined (or '' for strings);
 *  the `invalid-value` / `missing-field` rules report the unreadable ones from the fields. */
export interface LineValues {
  readonly claimId: string;
  readonly memberId: string;
  /** Lower-cased payer text as written, '' when absent (the context supplies the default). */
  readonly payer: string;
  readonly authNumber: string;
  /** Days since 1970-01-01 (UTC). */
  readonly dosFrom?: number;
  /** Days since 1970-01-01; equals dosFrom when `dos_to` is empty. */
  readonly dosTo?: number;
  readonly pos: string;
  /** Trimmed, upper-cased. */
  readonly hcpcs: string;
  readonly units?: number;
  readonly charge?: number;
  /** Trimmed NDC as written. */
  readonly ndc: string;
  /** Trimmed, upper-cased. */
  readonly ndcUnit: string;
  readonly ndcQty?: number;
  readonly wastedUnits?: number;
  readonly vial?: 'single' | 'multi';
  /** Trimmed, lower-cased. */
  readonly frequency: string;
  readonly durationMin?: number;
  readonly notes: string;
}

export interface ServiceLine extends LineValues {
  /** 0-based position in file order. */
  readonly index: number;
  /** Index into ClaimDocument.claims. */
  readonly claimIndex: number;
  /** The CSV row's text (no line end) or the JSON line object. */
  readonly span: Span;
  readonly fields: Partial<Record<FieldName, Field>>;
  readonly modifiers: readonly Modifier[];
  /** Rule ids suppressed on this line (CSV disable comment, JSON `lint_disable`). */
  readonly disabled: ReadonlySet<string>;
  /** CSV: the row has more cells than the header and its values were read into the wrong fields
   *  (an unquoted comma): only its parse-error is reported on it, not the noise of misread values. */
  readonly misread?: boolean;
  /** CSV: the row. */
  readonly row?: CsvRow;
  /** CSV: the `# infusion-claims-disable-next-line` comment row above, when present. */
  readonly disableComment?: Span;
  /** JSON: the line object node (offsets into the text). */
  readonly node?: JsonNode;
}

export interface Claim {
  readonly index: number;
  readonly id: string;
  /** JSON: the claim object. CSV: from the first row's start to the last row's end. */
  readonly span: Span;
  readonly lines: readonly ServiceLine[];
  /** JSON: the claim object node. */
  readonly node?: JsonNode;
}

/** A structural problem found while reading: reported by the parse-error / missing-field rules. */
export interface ParseProblem {
  readonly ruleId: 'parse-error' | 'missing-field';
  readonly span: Span;
  readonly message: string;
  /** The ServiceLine.index the problem belongs to, when it belongs to one (for suppression). */
  readonly lineIndex?: number;
}

export interface CsvLayout {
  readonly header?: CsvRow;
  /** Column index of each recognised field. */
  readonly columns: Partial<Record<FieldName, number>>;
  /** All rows after the header, comment and blank lines excluded. */
  readonly rows: readonly CsvRow[];
  /** The file's dominant line end, used for new rows. */
  readonly eol: LineEnd;
  readonly bom: boolean;
}

/** A JSON claim object whose `"lines"` holds no line object (`"lines": []`): nothing to check,
 *  but still a claim of the file (the outline and folding show it; missing-field reports it). */
export interface LinelessClaim {
  /** The claim's own `claim_id` ('' when it has none). */
  readonly id: string;
  readonly span: Span;
  /** The `claim_id` value. */
  readonly idSpan?: Span;
  /** The claim's own `member_id` ('' when it has none). */
  readonly memberId: string;
}

export interface JsonLayout {
  readonly root?: JsonNode;
  /** Claims without lines, in file order (ClaimDocument.claims holds only claims with lines). */
  readonly linelessClaims: readonly LinelessClaim[];
  /** One indentation step as the file writes it ('  ', '    ', '\t'). */
  readonly indent: string;
  /** The file's dominant line end, used for new lines. */
  readonly eol: LineEnd;
}

export interface ClaimDocument {
  readonly format: 'csv' | 'json';
  readonly text: string;
  readonly lines: readonly ServiceLine[];
  readonly claims: readonly Claim[];
  readonly problems: readonly ParseProblem[];
  readonly csv?: CsvLayout;
  readonly json?: JsonLayout;
}
