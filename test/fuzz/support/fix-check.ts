// The properties every quick fix must keep (claims-format.md "Bad input": "A quick fix never
// drops or reorders text it was not asked to change"; rules.md: "An edit changes only the cells it
// must, keeps the file's quoting, separators, line ends and column order"). `checkFix` applies one
// fix to a file and returns what it broke, in words, for the failure report.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../../../server/src/engine';
import { applyEdits } from '../../../server/src/fixes/apply';
import { FIELD_NAMES, type ClaimDocument, type FieldName, type ServiceLine } from '../../../server/src/model';
import { fieldOf, normalizeKey } from '../../../server/src/parse/fields';
import type { Finding, Fix, TextEdit } from '../../../server/src/rules/types';

const MODIFIER_FIELDS: readonly FieldName[] = ['modifiers', 'modifier1', 'modifier2', 'modifier3', 'modifier4'];

/** What a fix (by its rules.md title) may change: which fields, on which lines, and the line count. */
export interface FixScope {
  readonly fields: ReadonlySet<FieldName>;
  /** 'own': the finding's line (and inserted copies); 'any': any line (moving a modifier). */
  readonly lines: 'own' | 'any';
  readonly shape: 'same' | 'remove' | 'insert';
  /** The problem may not follow the line into its inserted copies (false: the inserted line is
   *  another service, e.g. the 99602 add-on, which can have its own problem of the same rule). */
  readonly copies: boolean;
}

function scope(fields: readonly FieldName[], shape: FixScope['shape'] = 'same', lines: FixScope['lines'] = 'own', copies = true): FixScope {
  return { fields: new Set(fields), lines, shape, copies };
}

/** The scope a fix names, from its title. Unknown titles throw (a new fix needs a scope here). */
export function scopeOf(fix: Fix): FixScope {
  const t = fix.title;
  if (t.startsWith('Disable ')) return scope([]);
  if (t.startsWith('Pad NDC to 11 digits')) return scope(['ndc']);
  if (t.startsWith('Convert to GR')) return scope(['ndc_unit', 'ndc_qty']);
  if (t.startsWith('Set units to')) return scope(['units']);
  // "Use J3373 with 100 units": the crosswalk's code and the units counted in its dosage.
  if (/^Use [A-Z0-9]{5} with \S+ units\b/.test(t)) return scope(['hcpcs', 'units']);
  if (t.startsWith('Use subsequent-visit code') || /^Use [A-Z0-9]{5}\b/.test(t)) return scope(['hcpcs']);
  if (/^(Add|Remove|Replace) modifier|^Replace (SH|SJ|KP|KQ) with/.test(t) || t.startsWith('Add modifier')) return scope(MODIFIER_FIELDS);
  if (/^Make \S+ the primary/.test(t)) return scope(MODIFIER_FIELDS, 'same', 'any');
  if (t.startsWith('Remove bundled line')) return scope([], 'remove');
  if (t.startsWith('Split wastage onto a JW line')) return scope(['units', 'wasted_units', 'charge', 'ndc_qty', ...MODIFIER_FIELDS], 'insert');
  // The copies of an initial-visit HIT G-code bill the subsequent-visit code.
  if (t.startsWith('Itemize dates of service')) return scope(['dos_from', 'dos_to', 'hcpcs', 'units', 'charge', 'ndc_qty', 'wasted_units', 'duration_min'], 'insert');
  // The 99602 line copies the visit (member, dates, place, modifiers) with its own code and units.
  if (t.startsWith('Add 99602 line')) return scope(['hcpcs', 'units', 'charge', 'duration_min'], 'insert', 'own', false);
  throw new Error(`no scope known for the fix "${t}"`);
}

export interface FixProblem {
  /** Short, stable name of the broken property (for grouping). */
  readonly property: string;
  readonly detail: string;
}

function isInsideCrlf(text: string, at: number): boolean {
  return at > 0 && at < text.length && text.charCodeAt(at - 1) === 0x0d && text.charCodeAt(at) === 0x0a;
}

function isInsidePair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const hi = text.charCodeAt(at - 1);
  const lo = text.charCodeAt(at);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** Apply the edits as an editor does: positions (line/character) through a TextDocument. */
export function applyAsEditor(text: string, edits: readonly TextEdit[]): string {
  const doc = TextDocument.create('file:///fix', 'plaintext', 1, text);
  return TextDocument.applyEdits(doc, edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })));
}

/** Line ends of a text: counts of CRLF, lone LF, lone CR. */
export function lineEnds(text: string): { crlf: number; lf: number; cr: number } {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) { crlf++; i++; } else cr++;
    } else if (c === 0x0a) lf++;
  }
  return { crlf, lf, cr };
}

/** The raw source text of a field (JSON: the value node with its quotes; CSV: the cell with its quotes). */
function rawField(doc: ClaimDocument, line: ServiceLine, name: FieldName): string | undefined {
  const f = line.fields[name];
  if (!f) return undefined;
  if (doc.format === 'csv') {
    const col = doc.csv!.columns[name];
    const cell = col === undefined ? undefined : line.row?.cells[col];
    return cell ? doc.text.slice(cell.outer.start, cell.outer.end) : doc.text.slice(f.span.start, f.span.end);
  }
  return doc.text.slice(f.span.start, f.span.end);
}

/** Cells of a CSV row that no field names (unknown columns), by header text. */
function unknownCells(doc: ClaimDocument, line: ServiceLine): Map<string, string> {
  const out = new Map<string, string>();
  const header = doc.csv?.header;
  const known = new Set(Object.values(doc.csv?.columns ?? {}));
  header?.cells.forEach((h, i) => {
    if (known.has(i)) return;
    const cell = line.row?.cells[i];
    out.set(`${i}:${h.text}`, cell ? doc.text.slice(cell.outer.start, cell.outer.end) : '<none>');
  });
  return out;
}

/** Properties of a JSON line object that name no field (unknown keys, lint_disable), raw. */
function unknownProps(doc: ClaimDocument, line: ServiceLine, skipDisable: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const prop of line.node?.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v) continue;
    const key = String(k.value);
    if (fieldOf(key) !== undefined) continue;
    if (skipDisable && normalizeKey(key) === 'lintdisable') continue;
    out.set(key, doc.text.slice(v.offset, v.offset + v.length));
  }
  return out;
}

/** The claim object of a JSON line, without its lines (nor the keys `except` names): claim-level
 *  properties, raw. */
function claimProps(doc: ClaimDocument, claimIndex: number, except: (key: string) => boolean = () => false): string {
  const node = doc.claims[claimIndex]?.node;
  if (!node || node.type !== 'object') return '';
  return (node.children ?? [])
    .filter((p) => normalizeKey(String(p.children?.[0]?.value ?? '')) !== 'lines' && !except(String(p.children?.[0]?.value ?? '')))
    .map((p) => doc.text.slice(p.offset, p.offset + p.length))
    .join('\n');
}

function show(s: string | undefined): string {
  return s === undefined ? 'absent' : JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

/** Compare two lines field by field, except the fields `allowed` (which may change or appear empty). */
function compareLines(
  before: ClaimDocument, a: ServiceLine, after: ClaimDocument, b: ServiceLine, allowed: ReadonlySet<FieldName>, what: string, problems: FixProblem[],
  skipDisable: boolean,
): void {
  for (const name of FIELD_NAMES) {
    const fa = a.fields[name];
    const fb = b.fields[name];
    if (allowed.has(name)) continue;
    // A column the fix added for another line's named field shows up empty here.
    if (!fa && fb && fb.text === '' && before.format === 'csv') continue;
    const ra = rawField(before, a, name);
    const rb = rawField(after, b, name);
    if (fa?.text !== fb?.text || ra !== rb) {
      problems.push({ property: `unnamed field changed: ${name}`, detail: `${what}: ${name} was ${show(ra)}, is ${show(rb)}` });
    }
  }
  if (before.format === 'csv') {
    const ua = unknownCells(before, a);
    const ub = unknownCells(after, b);
    for (const [k, v] of ua) {
      if (ub.get(k) !== v) problems.push({ property: 'unknown column changed', detail: `${what}: column ${k} was ${show(v)}, is ${show(ub.get(k))}` });
    }
  } else {
    const ua = unknownProps(before, a, skipDisable);
    const ub = unknownProps(after, b, skipDisable);
    for (const [k, v] of ua) {
      if (ub.get(k) !== v) problems.push({ property: 'unknown key changed', detail: `${what}: key ${k} was ${show(v)}, is ${show(ub.get(k))}` });
    }
  }
}

/** Two readings of a file with the same lines: what changed outside the `allowed` fields
 *  (every line, unknown columns/keys, suppressions). For fixes applied in bulk (the CLI's --fix). */
export function changesOutside(before: ClaimDocument, after: ClaimDocument, allowed: ReadonlySet<FieldName>): FixProblem[] {
  const problems: FixProblem[] = [];
  if (before.lines.length !== after.lines.length) {
    return [{ property: 'line count', detail: `${before.lines.length} lines before, ${after.lines.length} after` }];
  }
  for (const a of before.lines) {
    const b = after.lines[a.index];
    compareLines(before, a, after, b, allowed, `line ${a.index + 1}`, problems, false);
    if ([...a.disabled].sort().join() !== [...b.disabled].sort().join()) problems.push({ property: 'suppressions changed', detail: `line ${a.index + 1}` });
  }
  return problems;
}

export interface FixContext {
  readonly text: string;
  readonly format: 'csv' | 'json';
  readonly doc: ClaimDocument;
  readonly findings: readonly Finding[];
  /** The file quotes every cell (CSV): new cells must be quoted too. */
  readonly allQuoted?: boolean;
  /** The file indents with this (JSON): new lines must too. */
  readonly indent?: string;
}

function lineOfSpan(doc: ClaimDocument, start: number): number | undefined {
  return doc.lines.find((l) => l.span.start <= start && start <= l.span.end)?.index;
}

/** Apply `fix` of `finding` to the file and check every property; [] when all hold. */
export function checkFix(ctx: FixContext, finding: Finding, fix: Fix): FixProblem[] {
  const problems: FixProblem[] = [];
  const { text, format, doc } = ctx;
  const edits = fix.edits;

  // 1. Edits are well formed and expressible as LSP positions.
  for (const e of edits) {
    if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) {
      problems.push({ property: 'edit out of range', detail: `[${e.start}, ${e.end}) in a text of ${text.length}` });
      return problems;
    }
    for (const at of [e.start, e.end]) {
      if (isInsideCrlf(text, at)) problems.push({ property: 'edit splits a CRLF', detail: `edit boundary ${at} between \\r and \\n` });
      if (isInsidePair(text, at)) problems.push({ property: 'edit splits a surrogate pair', detail: `edit boundary ${at}` });
    }
  }
  let fixed: string;
  try {
    fixed = applyEdits(text, edits);
  } catch (err) {
    problems.push({ property: 'edits overlap', detail: String(err) });
    return problems;
  }

  // 2. The editor (positions) gets the same text, and everything outside the edits is byte for byte the same.
  const viaEditor = applyAsEditor(text, edits);
  if (viaEditor !== fixed) problems.push({ property: 'editor applies it differently', detail: 'TextDocument.applyEdits(positions) ≠ applyEdits(offsets)' });
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  let from = 0;
  let shift = 0;
  for (const e of sorted) {
    const kept = text.slice(from, e.start);
    if (viaEditor.slice(from + shift, from + shift + kept.length) !== kept) {
      problems.push({ property: 'text outside the edits changed', detail: `between ${from} and ${e.start}` });
      break;
    }
    shift += e.newText.length - (e.end - e.start);
    from = e.end;
  }
  if (viaEditor.slice(from + shift) !== text.slice(from)) problems.push({ property: 'text outside the edits changed', detail: `after ${from}` });

  // 3. Still readable, in the file's own style.
  const relinted = lintText(fixed, format);
  const after = relinted.doc;
  const count = (fs: readonly { ruleId: string }[], id: string) => fs.filter((f) => f.ruleId === id).length;
  if (count(relinted.findings, 'parse-error') > count(ctx.findings, 'parse-error')) {
    const pe = relinted.findings.find((f) => f.ruleId === 'parse-error')!;
    problems.push({ property: 'fix makes a parse-error', detail: pe.message });
  }
  if (count(relinted.findings, 'missing-field') > count(ctx.findings, 'missing-field')) {
    problems.push({ property: 'fix makes a missing-field', detail: relinted.findings.find((f) => f.ruleId === 'missing-field')!.message });
  }
  if (text.startsWith('\uFEFF') !== fixed.startsWith('\uFEFF')) problems.push({ property: 'BOM changed', detail: '' });
  const endsBefore = lineEnds(text);
  const endsAfter = lineEnds(fixed);
  if (endsBefore.lf === 0 && endsBefore.crlf > 0 && endsAfter.lf > 0) problems.push({ property: 'LF added to a CRLF file', detail: `${endsAfter.lf} bare LF` });
  if (endsBefore.crlf === 0 && endsBefore.lf > 0 && endsAfter.crlf > 0) problems.push({ property: 'CRLF added to an LF file', detail: `${endsAfter.crlf} CRLF` });
  if (ctx.allQuoted && format === 'csv') {
    const rows = [after.csv?.header, ...(after.csv?.rows ?? [])];
    if (rows.some((row) => row?.cells.some((c) => !c.quoted))) problems.push({ property: 'unquoted cell in an all-quoted file', detail: '' });
  }
  if (ctx.indent && format === 'json') {
    const other = ctx.indent === '\t' ? ' ' : '\t';
    const old = new Set(text.split(/\r?\n/));
    const bad = fixed.split(/\r?\n/).find((l) => !old.has(l) && /^[ \t]*/.exec(l)![0].includes(other));
    if (bad !== undefined) problems.push({ property: 'indentation style changed', detail: `new line indented with ${other === '\t' ? 'a tab' : 'spaces'}: ${show(bad)}` });
  }

  // 4. Only the cells the fix names changed; every other line is as it was.
  const sc = scopeOf(fix);
  const target = finding.lineIndex ?? lineOfSpan(doc, finding.span.start);
  if (target === undefined) return problems;
  const delta = after.lines.length - doc.lines.length;
  const own = doc.lines[target];
  // Itemizing inserts one line per later date; the other inserting fixes one line.
  const inserts = fix.title.startsWith('Itemize') && own.dosFrom !== undefined && own.dosTo !== undefined ? own.dosTo - own.dosFrom : 1;
  const expectDelta = sc.shape === 'same' ? delta === 0 : sc.shape === 'remove' ? delta === -1 : delta === inserts;
  if (!expectDelta) {
    problems.push({ property: `line count (${sc.shape})`, detail: `${doc.lines.length} lines before, ${after.lines.length} after` });
    return problems;
  }
  const mapped = (i: number): number | undefined => {
    if (sc.shape === 'remove') return i === target ? undefined : i < target ? i : i - 1;
    if (sc.shape === 'insert') return i <= target ? i : i + delta;
    return i;
  };
  const isDisable = fix.title.startsWith('Disable ');
  // A finding at a value the line inherits from its JSON claim object (outside the line's own
  // object): its disable fix goes on the claim ("… for this claim"), and a safe fix of form
  // rewrites the claim's value, so every line of that object may change in the fix's fields.
  const claimOf = (l: ServiceLine): unknown => l.node?.parent?.parent?.parent;
  const atClaim = format === 'json' && own.node !== undefined && (finding.span.start < own.node.offset || finding.span.start >= own.node.offset + own.node.length);
  if (isDisable && fix.title.endsWith(' for this claim') !== atClaim) {
    problems.push({ property: 'disable scope', detail: `"${fix.title}" for a finding ${atClaim ? 'at the claim object' : 'on its line'}` });
  }
  const fromClaimObject = (a: ServiceLine): boolean => atClaim && claimOf(a) === claimOf(own);
  const fixFieldKey = (key: string): boolean => {
    const name = fieldOf(key);
    return name !== undefined && sc.fields.has(name);
  };
  for (const a of doc.lines) {
    const j = mapped(a.index);
    if (j === undefined) continue;
    const b = after.lines[j];
    const shared = fromClaimObject(a);
    const mine = sc.lines === 'any' || a.index === target || shared;
    compareLines(doc, a, after, b, mine ? sc.fields : new Set(), `line ${a.index + 1}`, problems, isDisable && a.index === target);
    const da = [...a.disabled].sort().join(',');
    const db = [...b.disabled].sort().join(',');
    const disabledHere = isDisable && (a.index === target || shared);
    if (!disabledHere && da !== db) problems.push({ property: 'suppressions changed', detail: `line ${a.index + 1}: ${da} → ${db}` });
    if (disabledHere && shared && db !== [...new Set([...a.disabled, finding.ruleId])].sort().join(',')) {
      problems.push({ property: 'claim disable', detail: `line ${a.index + 1}: ${da} → ${db}` });
    }
    const except = shared ? (key: string): boolean => (isDisable ? normalizeKey(key) === 'lintdisable' : fixFieldKey(key)) : undefined;
    if (format === 'json' && claimProps(doc, a.claimIndex, except) !== claimProps(after, b.claimIndex, except)) {
      problems.push({ property: 'claim object changed', detail: `claim of line ${a.index + 1}` });
    }
  }
  if (sc.shape === 'insert') {
    for (let k = 1; k <= delta; k++) {
      const b = after.lines[target + k];
      compareLines(doc, own, after, b, sc.fields, `inserted line ${target + k + 1}`, problems, true);
      if (fix.title.startsWith('Add 99602') && b.hcpcs !== '99602') problems.push({ property: 'inserted line', detail: `hcpcs ${b.hcpcs}` });
    }
  }

  // 5. The finding is gone: no finding of the same rule on the line (or its inserted copies).
  // A line spanning several dates can have a different problem of the same rule on another of
  // its dates (a per diem second on one day, third on the next): there, the same message must go.
  if (sc.shape !== 'remove') {
    const lines = new Set<number>([mapped(target)!]);
    // Copies must not carry the problem over; a new line (99602) may have its own (the day's total).
    if (sc.shape === 'insert' && sc.copies) for (let k = 1; k <= delta; k++) lines.add(target + k);
    const oneDay = own.dosFrom === own.dosTo;
    const left = relinted.findings.filter((f) => f.ruleId === finding.ruleId && f.lineIndex !== undefined && lines.has(f.lineIndex)
      && (oneDay || f.message === finding.message));
    if (left.length > 0) problems.push({ property: 'finding not gone', detail: `${finding.ruleId} still on line ${left[0].lineIndex! + 1}: ${left[0].message}` });
  }
  return problems;
}
