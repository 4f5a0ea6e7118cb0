// JSON (JSONC) → claim model. Three shapes: { "claims": [claim, ...] }, [claim, ...], or one
// claim. A claim's fields are inherited by its lines (a line's own field overrides). Whatever
// jsonc-parser could read of a broken file is still turned into lines (its brackets repaired
// first where a half-typed file left them open or stray: json-recover.ts).
// The walk is loops over a fixed depth (root → claims → claim → lines → line → value), never
// recursion over the tree, so deeply nested input cannot overflow our stack.
import { findNodeAtOffset, parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import {
  REQUIRED_FIELDS,
  type Claim, type ClaimDocument, type Field, type FieldName, type JsonLayout, type LinelessClaim, type Modifier,
  type LineEnd, type ParseProblem, type ServiceLine, type WrongTypeElement,
} from '../model';
import { fieldOf, normalizeKey } from './fields';
import { DateCache, lineValues, makeLine, NO_IDS, REQUIRED_HINT, type Fields } from './line';
import { syntaxProblems } from './json-errors';
import { dominantEol } from './line-end';
import { plainDecimal, splitModifiers } from './values';
import { asciiUpper } from './ascii';
import { notUtf8Message, replacementRunEnd } from './not-utf8';
import { jsonTreeSteps } from './json-tree';
import { idsOfString } from './disable-comment';
import { mapBack, planRepairs } from './json-recover';
import { MAX_DEPTH } from './json-limits';
import { runToEnd } from '../steps';
import { setJsonState, type EolCounts } from './json-state';

const MODIFIER_KEYS: readonly FieldName[] = ['modifier1', 'modifier2', 'modifier3', 'modifier4'];

/** A field read from an object, with the value node it came from. */
interface ReadField {
  readonly field: Field;
  readonly node: JsonNode;
}

type ReadFields = Partial<Record<FieldName, ReadField>>;

interface ObjectParts {
  readonly fields: ReadFields;
  /** The same fields as a list, in key order (cheaper to merge than object spread). */
  readonly list: Array<[FieldName, ReadField]>;
  readonly disabled: string[];
  /** The `lines` property's value, when the object has that key. */
  readonly lines?: JsonNode;
  readonly linesKey?: JsonNode;
  readonly hasLinesKey: boolean;
  /** Some key was a field, `lines` or `lint_disable`: the object is a claim or line, however incomplete. */
  readonly known: boolean;
}

/** What a file's root may be (claims-format.md, JSON). */
const SHAPES = 'Expected claims: an object { "claims": [ ... ] }, a list of claims [ ... ], or one claim { ... }';
/** Keys named in a wrong-shape message, and their length: enough to recognise the object, not a whole record. */
const KEYS_SHOWN = 5;
const KEY_CHARS = 40;

class JsonReader {
  readonly problems: ParseProblem[] = [];
  readonly lines: ServiceLine[] = [];
  readonly linelessClaims: LinelessClaim[] = [];
  /** Claims as lines join them (claims-format.md: lines are grouped into claims by claim_id,
   *  so two claim objects or flat line objects with one claim_id are one claim, as in CSV). */
  private readonly groups: Array<{ id: string; lines: ServiceLine[]; start: number; end: number; node: JsonNode }> = [];
  private readonly groupByKey = new Map<string, number>();
  /** Claim-level empty values already reported (one problem, not one per inheriting line). */
  private readonly reportedEmpty = new Set<number>();
  private readonly dates = new DateCache();

  /** Sorted offsets of the syntax errors. */
  private errorOffsets: readonly number[] = [];
  /** The claims list whose items are read (claimNodes), when the root is one. */
  list: JsonNode | undefined;

  /** `firstIndex`: the ServiceLine.index of the first line read (json-incremental.ts reads one
   *  claim object of a file). */
  constructor(private readonly text: string, private readonly firstIndex = 0) {}

  // Keys repeat on every line: normalise each distinct key once.
  private readonly keys = new Map<string, string>();
  private readonly fieldsByKey = new Map<string, FieldName | undefined>();

  private keyOf(key: string): string {
    let k = this.keys.get(key);
    if (k === undefined) this.keys.set(key, (k = normalizeKey(key)));
    return k;
  }

  private fieldOfKey(key: string): FieldName | undefined {
    if (this.fieldsByKey.has(key)) return this.fieldsByKey.get(key);
    const name = fieldOf(key);
    this.fieldsByKey.set(key, name);
    return name;
  }

  /** `repaired`: the brackets json-recover.ts repaired (the objects they were in are half-written too). */
  setErrors(errors: readonly ParseError[], repaired: readonly ParseProblem[] = []): void {
    this.errorOffsets = [...errors.map((e) => e.offset), ...repaired.map((p) => p.span.start)].sort((a, b) => a - b);
  }

  /** A syntax error inside (or right at the end of) the node: it is half-written. */
  private broken(node: JsonNode): boolean {
    const offs = this.errorOffsets;
    let lo = 0;
    let hi = offs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offs[mid] < node.offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < offs.length && offs[lo] <= node.offset + node.length;
  }

  private problem(node: JsonNode, message: string, lineIndex?: number): void {
    this.problems.push({ ruleId: 'parse-error', span: spanOf(node), message, lineIndex });
  }

  /** The claim nodes of the three accepted shapes. */
  claimNodes(root: JsonNode): JsonNode[] {
    if (root.type === 'array') {
      this.list = root;
      return root.children ?? [];
    }
    if (root.type !== 'object') {
      this.problem(root, SHAPES);
      return [];
    }
    // As JSON.parse reads a repeated key, the last "claims" is the list; an earlier one is said to be skipped.
    let claims: JsonNode | undefined;
    let claimsKey: JsonNode | undefined;
    let found = false;
    for (const prop of root.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || normalizeKey(String(key.value)) !== 'claims') continue;
      if (claims) this.problem(claims, '"claims" is given twice in this file: only the last list is read; put every claim in one list');
      found = true;
      claims = value;
      claimsKey = key;
    }
    if (!found) return [root];
    this.besideClaims(root);
    if (!claims) return [];
    // One claim object where its list belongs: it can only mean that claim. Read as one; the
    // error on the key says what to type.
    if (claims.type === 'object' && claimsKey && this.isClaimOrLine(claims)) {
      this.problem(claimsKey, '"claims" must be a list: put the claim object in [ ], "claims": [ { ... } ] (it is read as one claim)');
      return [claims];
    }
    if (claims.type !== 'array') {
      this.problem(claims, '"claims" must be a list of claim objects: [ { ... }, ... ]');
      return [];
    }
    this.list = claims;
    return claims.children ?? [];
  }

  /**
   * A `{ "claims": [...] }` wrapper holds nothing else (claims-format.md: the root is that list, a
   * list of claims, or one claim; claims inherit nothing from the file). A key beside "claims" that
   * a claim or line would read (`"lines"`, a field, `lint_disable`) is read by none: a parse-error on
   * its value, so its line objects' codes or its payer never go unchecked without a word. Other
   * keys (an export's "version") are kept and ignored, as unknown keys are anywhere.
   */
  private besideClaims(root: JsonNode): void {
    for (const prop of root.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue; // a syntax error, already reported
      const written = String(key.value);
      const k = this.keyOf(written);
      if (k === 'claims') continue;
      const shown = JSON.stringify(written.length > KEY_CHARS ? written.slice(0, KEY_CHARS - 1) + '…' : written);
      if (k === 'lines') {
        const n = value.type === 'array' ? (value.children ?? []).filter((c) => c.type === 'object').length : 0;
        const unchecked = n === 0 ? '' : n === 1 ? ', so its line object is not checked' : `, so its ${n} line objects are not checked`;
        this.problem(value, `${shown} beside "claims" is not read${unchecked}: a file is { "claims": [ ... ] } or one claim, not both; move the lines into a claim in "claims"`);
      } else if (k === 'lintdisable') {
        this.problem(value, `${shown} beside "claims" is not read: claims inherit nothing from the file; put it on a claim or line object`);
      } else {
        const name = this.fieldOfKey(written);
        if (!name) continue;
        const as = normalizeKey(name) === k ? '' : ` (${name})`;
        this.problem(value, `${shown}${as} beside "claims" is not read: claims inherit nothing from the file; put it on each claim object in "claims"`);
      }
    }
  }

  /** An object with a key a claim or line reads (a field, "lines", lint_disable). */
  private isClaimOrLine(node: JsonNode): boolean {
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      if (!key) continue;
      const written = String(key.value);
      const k = this.keyOf(written);
      if (k === 'lines' || k === 'lintdisable' || this.fieldOfKey(written)) return true;
    }
    return false;
  }

  private fieldOfValue(name: FieldName, key: JsonNode, value: JsonNode): Field {
    const span = spanOf(value);
    const keySpan = spanOf(key);
    switch (value.type) {
      case 'string':
        // (A number json-recover.ts read as a text, `08`, has no quotes in the file.)
        return { name, text: String(value.value), span, keySpan, quoted: this.text.charCodeAt(span.start) === 0x22 };
      case 'number':
        return { name, text: this.numberText(value), span, keySpan, quoted: false };
      case 'boolean':
        return { name, text: this.text.slice(span.start, span.end), span, keySpan, quoted: false };
      case 'null':
        return { name, text: '', span, keySpan, quoted: false };
      case 'array':
        if (name === 'modifiers') return this.modifierList(name, value, span, keySpan);
        break;
    }
    // Valid JSON, so not a parse-error: the key is there with a value no field can hold. Kept as
    // an empty value, so the line is still read and fixed; invalid-value reports it.
    return { name, text: '', span, keySpan, quoted: false, wrongType: value.type === 'array' ? 'list' : 'object' };
  }

  /** A `modifiers` list: its text is the readable elements' (null is an empty slot, as "" is). A
   *  list or object element is valid JSON, so not a parse-error: it is marked for invalid-value. */
  private modifierList(name: FieldName, value: JsonNode, span: Field['span'], keySpan: Field['span']): Field {
    const parts: string[] = [];
    let wrong: WrongTypeElement[] | undefined;
    for (const el of value.children ?? []) {
      const text = this.elementText(el);
      if (text !== undefined) parts.push(text);
      else if (el.type === 'array' || el.type === 'object') (wrong ??= []).push({ type: el.type === 'array' ? 'list' : 'object', span: spanOf(el) });
    }
    return wrong ? { name, text: parts.join(' '), span, keySpan, quoted: false, wrongTypeElements: wrong }
      : { name, text: parts.join(' '), span, keySpan, quoted: false };
  }

  /** A modifiers list element as text, read as the same value in a field is (a number or a
   *  boolean as written); undefined for null, a list or an object. */
  private elementText(el: JsonNode): string | undefined {
    if (el.type === 'string') return String(el.value);
    if (el.type === 'number' || el.type === 'boolean') return this.text.slice(el.offset, el.offset + el.length);
    return undefined;
  }

  /** A JSON number's text: as written, or with an exponent (`1e2`, a JSON number all the same)
   *  its value as a plain decimal, which the values and the fixes read. Written beyond what a
   *  plain decimal can hold (`1e400`), it stays as written and is invalid-value's. */
  private numberText(node: JsonNode): string {
    const source = this.text.slice(node.offset, node.offset + node.length);
    if (!source.includes('e') && !source.includes('E')) return source;
    return plainDecimal(node.value as number) ?? source;
  }

  /** The fields, lint_disable ids and `lines` of a claim or line object. */
  private readObject(obj: JsonNode, isLine: boolean): ObjectParts {
    const fields: ReadFields = {};
    const list: Array<[FieldName, ReadField]> = [];
    const disabled: string[] = [];
    let lines: JsonNode | undefined;
    let linesKey: JsonNode | undefined;
    let hasLinesKey = false;
    let known = false;
    for (const prop of obj.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue; // a syntax error, already reported
      const k = this.keyOf(String(key.value));
      if (k === 'lines' && !isLine) {
        if (lines) this.problem(lines, '"lines" is given twice in this claim: only the last list is read; put every line object in one list');
        hasLinesKey = known = true;
        lines = value;
        linesKey = key;
      } else if (k === 'lintdisable') {
        known = true;
        this.readDisable(value, disabled);
      } else {
        const name = this.fieldOfKey(String(key.value));
        if (!name) continue; // unknown keys are kept and ignored
        known = true;
        const read = { field: this.fieldOfValue(name, key, value), node: value };
        const before = fields[name];
        if (before && name === 'notes') {
          // Notes given twice (a description or drug_name key beside notes): free text, neither
          // hides the other; the first that is not blank is read, as in CSV (csv-line.ts notesColumnOf).
          if (before.field.text.trim() !== '' || read.field.text.trim() === '') continue;
          list.splice(list.findIndex(([n]) => n === name), 1);
        } else if (before) {
          // A repeated key (or two aliases of one field): the last wins, as JSON.parse reads it,
          // and the value it hides is said to be skipped (its code would go unchecked).
          list.splice(list.findIndex(([n]) => n === name), 1);
          const ks = before.field.keySpan!;
          this.problem(before.node, repeatedKey(name, unescaped(this.text.slice(ks.start + 1, ks.end - 1)), String(key.value), this.text.slice(value.offset, value.offset + value.length)));
        }
        fields[name] = read;
        list.push([name, read]);
      }
    }
    return { fields, list, disabled, lines, linesKey, hasLinesKey, known };
  }

  private readDisable(value: JsonNode, into: string[]): void {
    if (value.type === 'string') {
      into.push(...idsOfString(String(value.value)));
      return;
    }
    if (value.type === 'array') {
      for (const el of value.children ?? []) {
        if (el.type === 'string') into.push(String(el.value).trim());
        else this.problem(el, 'lint_disable lists rule ids in quotes, e.g. ["auth-missing"]');
      }
      return;
    }
    this.problem(value, 'lint_disable must be a list of rule ids, e.g. ["auth-missing"]');
  }

  /** `isRoot`: the node is the file's root object (the one-claim shape). */
  readClaim(node: JsonNode, isRoot = false): void {
    if (node.type !== 'object') {
      this.problem(node, 'Expected a claim object { ... } here');
      return;
    }
    const claim = this.readObject(node, false);
    const lines: ServiceLine[] = [];
    if (!claim.hasLinesKey) {
      // A claim without "lines" is itself one service line (a flat line object), once it has
      // any field at all (`{}` while typing is nothing yet).
      if (claim.list.length > 0) lines.push(this.makeLine(node, node, [], [], claim));
      else if (!claim.known) this.unknownShape(node, isRoot);
    } else if (claim.lines && claim.lines.type !== 'array' && !(claim.lines.type === 'object' && claim.linesKey && this.isClaimOrLine(claim.lines))) {
      this.problem(claim.lines, '"lines" must be a list of line objects: [ { ... }, ... ]');
    } else {
      // The claim's fields as its lines inherit them (made once, shared by the lines).
      const inherited: Array<[FieldName, ReadField]> = claim.list.map(([name, r]) => [name, { field: { ...r.field, fromClaim: true }, node: r.node }]);
      const missing: Array<{ node: JsonNode; fields: readonly FieldName[]; index: number }> = [];
      // One line object where its list belongs: it can only mean that line. Read as one; the
      // error on the key says what to type.
      const one = claim.lines?.type === 'object' ? claim.lines : undefined;
      if (one) this.problem(claim.linesKey!, '"lines" must be a list: put the line object in [ ], "lines": [ { ... } ] (it is read as one line)');
      for (const el of one ? [one] : claim.lines?.children ?? []) {
        if (el.type !== 'object') {
          this.problem(el, 'Expected a line object { ... } here');
          continue;
        }
        lines.push(this.makeLine(el, node, inherited, claim.disabled, this.readObject(el, true), (fields, index) => missing.push({ node: el, fields, index })));
      }
      this.missingInClaim(node, claim, lines.length, missing);
    }
    // Nothing to check, but still a claim of the file, which no payer takes without a line.
    if (lines.length === 0 && claim.hasLinesKey) this.lineless(node, claim);
  }

  /**
   * An object whose keys are none of a claim's: another program's export (`{ "data": { "claims":
   * ... } }`, `{ "records": [...] }`) would otherwise be read as no claims at all and pass as
   * clean. Named by its keys, never its values (they may be patient data). `{}` while typing,
   * and a half-written object (it has its parse-error), say nothing.
   */
  private unknownShape(node: JsonNode, isRoot: boolean): void {
    const keys: string[] = [];
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const name = String(key.value);
      keys.push(JSON.stringify(name.length > KEY_CHARS ? name.slice(0, KEY_CHARS - 1) + '…' : name));
    }
    if (keys.length === 0 || this.broken(node)) return;
    const shown = keys.slice(0, KEYS_SHOWN).join(', ') + (keys.length > KEYS_SHOWN ? ` and ${keys.length - KEYS_SHOWN} more` : '');
    const found = keys.length === 1
      ? `found the key ${shown}, which is not a claim field or "lines"`
      : `found the keys ${shown}, none of which is a claim field or "lines"`;
    this.problem(node, isRoot ? `${SHAPES}; ${found}` : `Expected a claim object { ... } here; ${found}`);
  }

  /** The claim a line joins: the one of its claim_id, wherever in the file; a line without a
   *  claim_id stays with the other lines of its claim object. */
  private claimOf(claimId: string, claimNode: JsonNode): number {
    const key = claimId === '' ? `\0${claimNode.offset}` : claimId;
    let index = this.groupByKey.get(key);
    if (index === undefined) {
      index = this.groups.push({ id: claimId, lines: [], start: claimNode.offset, end: claimNode.offset + claimNode.length, node: claimNode }) - 1;
      this.groupByKey.set(key, index);
    }
    const group = this.groups[index];
    group.start = Math.min(group.start, claimNode.offset);
    group.end = Math.max(group.end, claimNode.offset + claimNode.length);
    return index;
  }

  /** The claims, once every line is read: in the order of their first lines. A claim of several
   *  objects spans from the first to the last (its node is the first). */
  claims(): Claim[] {
    return this.groups.map((g, index) => ({ index, id: g.id, span: { start: g.start, end: g.end }, lines: g.lines, node: g.node }));
  }

  /** A claim object with a `"lines"` key and no line object in it. */
  private lineless(node: JsonNode, claim: ObjectParts): void {
    const id = claim.fields.claim_id;
    const text = (name: FieldName): string => claim.fields[name]?.field.text.trim() ?? '';
    this.linelessClaims.push({ id: text('claim_id'), span: spanOf(node), idSpan: id?.field.span, memberId: text('member_id') });
    // `"lines": []` as written (a list with something else in it already has its problems; a
    // half-written claim gets its parse-error only).
    const list = claim.lines;
    if (list?.type !== 'array' || (list.children?.length ?? 0) > 0 || this.broken(node)) return;
    if (claim.disabled.includes('missing-field')) return; // no line to carry the suppression: honoured here
    const named = id && text('claim_id') ? `Claim ${text('claim_id')}` : 'This claim';
    this.problems.push({
      ruleId: 'missing-field',
      span: spanOf(list),
      message: `${named} has no service lines: add a line object to "lines" (claim_id, member_id, dos_from, hcpcs, units), or remove the claim`,
    });
  }

  /**
   * The required fields the line objects of one claim object lack (after inheritance). A field
   * none of its lines has (two lines or more) is one problem on the claim object, as a missing
   * column is one on a CSV header: an export without `member_id` is one diagnostic a claim, not
   * one a line. A field only some lines lack is reported on each of those line objects.
   */
  private missingInClaim(node: JsonNode, claim: ObjectParts, lineCount: number, missing: ReadonlyArray<{ node: JsonNode; fields: readonly FieldName[]; index: number }>): void {
    const everyLine = lineCount >= 2 && missing.length === lineCount
      ? REQUIRED_FIELDS.filter((f) => missing.every((m) => m.fields.includes(f)))
      : [];
    // No line owns it: a "lint_disable" on the claim is honoured here (one on a line is not: the
    // other lines still lack the field).
    if (everyLine.length > 0 && !this.broken(node) && !claim.disabled.includes('missing-field')) {
      const id = claim.fields.claim_id?.field.text.trim();
      const named = id ? `Claim ${id}` : 'This claim';
      const them = everyLine.length === 1 ? 'it' : 'them';
      this.problems.push({
        ruleId: 'missing-field',
        span: spanOf(node),
        message: `${named} is missing ${everyLine.join(', ')} on all ${lineCount} of its lines: add ${them} to the claim or to each line`,
      });
    }
    for (const m of missing) {
      const rest = everyLine.length === 0 ? m.fields : m.fields.filter((f) => !everyLine.includes(f));
      this.missingProblem(m.node, rest, m.index);
    }
  }

  /** `missing` (the line's required fields absent on it and its claim) goes to `onMissing` when
   *  given (missingInClaim), else is reported on the line object. */
  private makeLine(
    node: JsonNode, claimNode: JsonNode, inherited: ReadonlyArray<[FieldName, ReadField]>, claimDisabled: readonly string[], own: ObjectParts,
    onMissing?: (fields: readonly FieldName[], index: number) => void,
  ): ServiceLine {
    const index = this.firstIndex + this.lines.length;
    const read: ReadFields = {};
    const fields: Fields = {};
    for (const [name, r] of inherited) {
      read[name] = r;
      fields[name] = r.field;
    }
    for (const [name, r] of own.list) {
      read[name] = r;
      fields[name] = r.field;
    }

    const missing = REQUIRED_FIELDS.filter((f) => !read[f]);
    if (!onMissing) this.missingProblem(node, missing, index);
    else if (missing.length > 0) onMissing(missing, index);
    this.emptyProblems(read, index);
    const ids = claimDisabled.length + own.disabled.length;
    const values = lineValues((name) => fields[name]?.text, this.dates);
    const claimIndex = this.claimOf(values.claimId, claimNode);
    const line = makeLine(values, {
      index,
      claimIndex,
      span: spanOf(node),
      fields,
      modifiers: this.modifiersOf(read),
      disabled: ids === 0 ? NO_IDS : new Set([...claimDisabled, ...own.disabled]),
      node,
    });
    this.lines.push(line);
    this.groups[claimIndex].lines.push(line);
    return line;
  }

  /** Required fields missing on a line (and its claim): one problem on the line object. */
  private missingProblem(node: JsonNode, missing: readonly FieldName[], lineIndex: number): void {
    // A half-written object (a syntax error inside it) gets the parse-error only.
    if (missing.length === 0 || this.broken(node)) return;
    const list = this.otherList(node);
    const message = list !== undefined
      ? `Claim has no "lines": its ${list} list is not read, so it is checked as one line, which is missing ${missing.join(', ')}; put the line objects in "lines"`
      : missing.length === 1
        ? `Line is missing ${missing[0]}: add it to the line or to its claim`
        : `Line is missing ${missing.join(', ')}: add them to the line or to its claim`;
    this.problems.push({ ruleId: 'missing-field', span: spanOf(node), message, lineIndex });
  }

  /** A key of the object, neither a field nor "lines", whose value is a list holding objects
   *  (`"service_lines": [ { ... } ]`, another program's name for the lines), quoted as written;
   *  its name only, never its values. */
  private otherList(node: JsonNode): string | undefined {
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || value?.type !== 'array' || !value.children?.some((el) => el.type === 'object')) continue;
      const name = String(key.value);
      const k = this.keyOf(name);
      if (k === 'lines' || k === 'lintdisable' || this.fieldOfKey(name)) continue;
      return JSON.stringify(name.length > KEY_CHARS ? name.slice(0, KEY_CHARS - 1) + '…' : name);
    }
    return undefined;
  }

  /** Required values that are empty: reported on the value (a claim's value once). */
  private emptyProblems(read: ReadFields, lineIndex: number): void {
    for (const name of REQUIRED_FIELDS) {
      const r = read[name];
      // A list or object is not empty but unreadable: invalid-value's.
      if (!r || r.field.wrongType || r.field.text.trim() !== '') continue;
      if (r.field.fromClaim) {
        if (this.reportedEmpty.has(r.field.span.start)) continue;
        this.reportedEmpty.add(r.field.span.start);
      }
      this.problems.push({ ruleId: 'missing-field', span: r.field.span, message: `${name} is empty: enter ${REQUIRED_HINT[name]}`, lineIndex });
    }
  }

  private modifiersOf(read: ReadFields): Modifier[] {
    const out: Modifier[] = [];
    const list = read.modifiers;
    if (list) {
      const { node } = list;
      if (node.type === 'array') {
        // Lists and objects are on the field (wrongTypeElements), invalid-value's.
        for (const el of node.children ?? []) {
          const code = asciiUpper(this.elementText(el)?.trim() ?? '');
          if (code) out.push({ code, span: spanOf(el), field: 'modifiers' });
        }
      } else {
        out.push(...this.splitValue(node, 'modifiers'));
      }
    }
    for (const name of MODIFIER_KEYS) {
      const r = read[name];
      if (!r) continue;
      // One modifier per key: the whole value, trimmed (split would also accept "JW SH" here).
      const parts = this.splitValue(r.node, name);
      if (parts.length === 1) out.push(parts[0]);
      else if (parts.length > 1) {
        const first = parts[0].span.start;
        const last = parts[parts.length - 1].span.end;
        out.push({ code: asciiUpper(unescaped(this.text.slice(first, last))), span: { start: first, end: last }, field: name });
      }
    }
    return out;
  }

  /** Modifiers of a string (spans inside the quotes), number or boolean value. */
  private splitValue(node: JsonNode, field: FieldName): Modifier[] {
    if (node.type === 'string') {
      // Split the source between the quotes so spans are exact even with escapes.
      const start = node.offset + 1;
      // (A text whose closing quote json-recover.ts put in has none in the file.)
      const last = node.offset + node.length;
      const end = node.length > 1 && this.text.charCodeAt(last - 1) === 0x22 ? last - 1 : Math.max(start, last);
      const source = this.text.slice(start, end);
      const parts = splitModifiers(source, start, field);
      // An escaped character ("\u0053H" is SH) is read as JSON reads it; the span stays the source's.
      return source.includes('\\') ? parts.map((m) => ({ ...m, code: asciiUpper(unescaped(this.text.slice(m.span.start, m.span.end))) })) : parts;
    }
    // A number or a boolean as written (`true` is then invalid-value's, not dropped unseen).
    if (node.type === 'number' || node.type === 'boolean') return splitModifiers(this.text.slice(node.offset, node.offset + node.length), node.offset, field);
    return [];
  }
}

/** The problem on a value a later key of the same field hides. */
function repeatedKey(name: FieldName, earlier: string, later: string, laterValue: string): string {
  const value = laterValue.length > KEY_CHARS ? laterValue.slice(0, KEY_CHARS - 1) + '…' : laterValue;
  return earlier === later
    ? `"${earlier}" is given twice in this object: only the last, ${value}, is read; remove one of them`
    : `"${earlier}" and "${later}" both give ${name} in this object: only the last, ${JSON.stringify(later)}: ${value}, is read; remove one of them`;
}

function spanOf(node: JsonNode): { start: number; end: number } {
  return { start: node.offset, end: node.offset + node.length };
}

/** The offset where nesting first gets deeper than max (strings and comments skipped). */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return 0;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The value nested too deep, to skip: from the outermost of the brackets that open, one right
 * after another (only spaces between), the level that gets deeper than max, to its closer (or,
 * never closed, to the end of that line); undefined when nothing is deeper than max. Strings are
 * skipped; a loop, and no more than max + 1 openers kept.
 */
function tooDeepValue(text: string, max: number): { start: number; end: number } | undefined {
  const at = tooDeepAt(text, max);
  if (at === 0) return undefined; // (at 0 the depth is 1)
  // Walk back over openers, spaces and keys (`{"a":{"a":…`): the run of openers the too-deep one
  // is in; the value is its outermost.
  let start = at;
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      start = i;
    } else if (c === 0x3a) {
      let j = i - 1;
      while (j >= 0 && isBlank(text.charCodeAt(j))) j--;
      if (text.charCodeAt(j) !== 0x22) break;
      for (j--; j >= 0 && !(text.charCodeAt(j) === 0x22 && text.charCodeAt(j - 1) !== 0x5c); j--);
      if (j < 0) break;
      i = j;
    } else if (!isBlank(c)) {
      break;
    }
  }
  // Its closer: depth back to 0, strings skipped.
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return { start, end: i + 1 };
    }
  }
  // Never closed: up to the end of the line it gets too deep on (a line object's own `}` is then
  // missing, which the bracket repair says).
  // The closers and comma that end that line are the line's own, not the value's.
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  for (let c = text.charCodeAt(end - 1); end - start > 2 && (isBlank(c) || c === 0x2c || c === 0x7d || c === 0x5d); c = text.charCodeAt(--end - 1));
  return end - start >= 2 ? { start, end } : undefined;
}

/** One indentation step as the file writes it: the smallest indent of the first indented lines
 *  (lines ending with `eol`, the file's line end). */
export function detectIndent(text: string, eol: LineEnd = '\n'): string {
  const end = eol === '\r' ? '\r' : '\n'; // the last character of each line end
  let best = 0;
  let seen = 0;
  for (let i = text.indexOf(end); i >= 0 && seen < 50; i = text.indexOf(end, i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (c === 0x09) return '\t';
    if (c !== 0x20) continue;
    let n = 1;
    while (text.charCodeAt(i + 1 + n) === 0x20) n++;
    const next = text.charCodeAt(i + 1 + n);
    if (next === 0x0a || next === 0x0d || Number.isNaN(next)) continue; // a blank line
    seen++;
    if (best === 0 || n < best) best = n;
  }
  return best > 0 ? ' '.repeat(Math.min(best, 8)) : '  ';
}

/** The dominant line end, counted as the CSV tokenizer counts rows' (a lone CR included). */
export function detectEol(text: string): LineEnd {
  return eolOf(eolCounts(text));
}

export function eolOf(counts: EolCounts): LineEnd {
  return dominantEol(counts.crlf, counts.lf, counts.cr);
}

/** The line ends of text[from, to): a LF is a CRLF's when the character before it (even before
 *  `from`) is a CR; a CR is lone when the character after it (even at `to`) is not a LF. */
export function eolCounts(text: string, from = 0, to = text.length): EolCounts {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 0x0d) crlf++;
    else lf++;
  }
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 0x0a) cr++;
  return { crlf, lf, cr };
}

/** How claim files are read: JSONC, trailing commas allowed. */
export const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true } as const;

/** Values nested too deep skipped in one text, at most (each costs a parse that overflowed). */
const MAX_DEEP_SKIPS = 8;

/** jsonc-parser's tree of `source`, its syntax errors into `errors`. jsonc-parser recurses per
 *  nesting level: absurdly deep input overflows its stack. The value nested too deep is then
 *  skipped (a problem at its start, `[]` or `{}` read in its place) and the rest read. */
function parseWhole(source: string, errors: ParseError[], problems: ParseProblem[], repaired: ParseProblem[], notWellFormed: boolean): JsonNode | undefined {
  let text = source;
  const skipped: Array<{ start: number; end: number }> = [];
  for (let skips = 0; ; skips++) {
    try {
      const root = parseOnce(text, source.length, errors, repaired, notWellFormed || skips > 0);
      // The `[]` or `{}` read for a skipped value spans all of it.
      for (const deep of skipped) {
        const node = root && findNodeAtOffset(root, deep.start + 1);
        if (node?.offset === deep.start && node.length === 2) (node as { length: number }).length = deep.end - deep.start;
      }
      return root;
    } catch {
      errors.length = 0;
      repaired.length = 0;
      const deep = skips < MAX_DEEP_SKIPS ? tooDeepValue(text, MAX_DEPTH) : undefined;
      const at = deep ? deep.start : tooDeepAt(text, MAX_DEPTH);
      problems.push({
        ruleId: 'parse-error',
        span: { start: at, end: Math.min(at + 1, source.length) },
        message: deep
          ? `Nested more than ${MAX_DEPTH} levels deep: a claim file needs only a few levels; this value is not read; remove the extra brackets`
          : `Nested more than ${MAX_DEPTH} levels deep: a claim file needs only a few levels; remove the extra brackets`,
      });
      if (!deep) return undefined;
      skipped.push(deep);
      // Offsets stay the file's: the value becomes `[]` or `{}` and spaces.
      text = text.slice(0, deep.start) + (text.charCodeAt(deep.start) === 0x7b ? '{}' : '[]') + ' '.repeat(deep.end - deep.start - 2) + text.slice(deep.end);
    }
  }
}

function parseOnce(source: string, length: number, errors: ParseError[], repaired: ParseProblem[], notWellFormed: boolean): JsonNode | undefined {
  // Brackets a half-typed file left open or stray (json-recover.ts): read as they were meant,
  // each repair a parse-error where it is (none for a text with errors everywhere: not JSON).
  // A text known not to be well-formed is scanned for them first (one parse, not two: a
  // 16 MB text's parse takes about a second).
  let repairs = notWellFormed ? planRepairs(source) : undefined;
  if (!repairs) {
    const root = parseTree(source, errors, PARSE_OPTIONS);
    // (Every repair is at a syntax error: the same repairs either way, a function of the text.)
    if (!notWellFormed && errors.length > 0) repairs = planRepairs(source);
    if (!repairs) return withinText(root, errors, length);
  }
  errors.length = 0;
  const fixed = parseTree(repairs.text, errors, PARSE_OPTIONS);
  mapBack(fixed, errors, repairs.insertions);
  repaired.push(...repairs.problems);
  return withinText(fixed, errors, length);
}

/**
 * The tree and errors with nothing past the end of the text. jsonc-parser counts a block comment
 * left open at the end of a CRLF text one character too long (`/* note\r\n` is 9 characters, its
 * token 10), and with it the nodes that end there and the error: a diagnostic and a fix's edit
 * past the end. Only nodes ending at the end of the text can, the last child at each level.
 */
function withinText(root: JsonNode | undefined, errors: ParseError[], length: number): JsonNode | undefined {
  for (let n = root; n && n.offset + n.length > length; n = n.children?.[n.children.length - 1]) {
    (n as { length: number }).length = length - n.offset;
  }
  for (const [i, e] of errors.entries()) {
    if (e.offset + e.length > length) errors[i] = { ...e, length: Math.max(0, length - e.offset) };
  }
  return root;
}

export function parseJson(text: string): ClaimDocument {
  return runToEnd(parseJsonSteps(text, false));
}

/** Claim objects read between two yields of parseJsonSteps. */
const STEP_CLAIMS = 500;

/**
 * parseJson a step at a time (`inSteps`): well-formed text has its tree built (json-tree.ts) and
 * its claims read a step at a time; any other text is parsed in one step by jsonc-parser, which
 * reports what is wrong. The same document either way.
 */
export function* parseJsonSteps(text: string, inSteps = true): Generator<void, ClaimDocument> {
  // A BOM becomes a space of the same length, so node offsets stay offsets into `text`.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const reader = new JsonReader(source);
  const errors: ParseError[] = [];
  const built = inSteps ? yield* jsonTreeSteps(source) : undefined;
  const repaired: ParseProblem[] = [];
  const read = reader.problems.length;
  const root = built ? built.root : parseWhole(source, errors, reader.problems, repaired, inSteps);
  // A value nested too deep was skipped: the tree is not the text's (no incremental re-read).
  const skippedDeep = reader.problems.length > read;
  const notUtf8 = notUtf8Problems(source);
  reader.problems.push(...repaired, ...syntaxProblems(errors, source.length), ...notUtf8);
  reader.setErrors(errors, repaired);
  const itemOfLine: number[] = [];
  if (root) {
    let read = 0;
    for (const claim of reader.claimNodes(root)) {
      reader.readClaim(claim, claim === root);
      while (itemOfLine.length < reader.lines.length) itemOfLine.push(read);
      if (++read % STEP_CLAIMS === 0 && inSteps) yield;
    }
  }
  const problems = reader.problems.sort((a, b) => a.span.start - b.span.start);
  const eols = eolCounts(source);
  const eol = eolOf(eols);
  const json: JsonLayout = { root, linelessClaims: reader.linelessClaims, indent: detectIndent(source, eol), eol };
  const doc: ClaimDocument = { format: 'json', text, lines: reader.lines, claims: reader.claims(), problems, json };
  // A well-formed claims list: an edit inside one of its claim objects can re-read just that one.
  if (reader.list && errors.length === 0 && repaired.length === 0 && notUtf8.length === 0 && !skippedDeep) setJsonState(doc, { list: reader.list, itemOfLine: Int32Array.from(itemOfLine), eols });
  return doc;
}

/** What reading some items of a claims list gives (json-incremental.ts). */
export interface ClaimItemsRead {
  /** Their claimIndex counts these items' own claims (0, 1, ...): the caller numbers them in the file. */
  readonly lines: readonly ServiceLine[];
  /** Per line: the index of its item among those read. */
  readonly itemOfLine: readonly number[];
  readonly problems: readonly ParseProblem[];
  readonly linelessClaims: readonly LinelessClaim[];
}

/** Items of a well-formed claims list (no syntax error in them), their nodes at their offsets in
 *  `source`, read as parseJson reads them; their lines numbered from `firstIndex`. */
export function readClaimItems(source: string, items: readonly JsonNode[], firstIndex: number): ClaimItemsRead {
  const reader = new JsonReader(source, firstIndex);
  const itemOfLine: number[] = [];
  items.forEach((item, i) => {
    reader.readClaim(item, false);
    while (itemOfLine.length < reader.lines.length) itemOfLine.push(i);
  });
  return { lines: reader.lines, itemOfLine, problems: reader.problems.sort((a, b) => a.span.start - b.span.start), linelessClaims: reader.linelessClaims };
}

/** At most this many not-UTF-8 problems a JSON file (a binary file would give thousands). */
const MAX_NOT_UTF8 = 100;

/** One parse-error per run of U+FFFD (bytes that were not UTF-8 text, see not-utf8.ts). */
function notUtf8Problems(source: string): ParseProblem[] {
  const problems: ParseProblem[] = [];
  for (let at = source.indexOf('\uFFFD'); at >= 0 && problems.length < MAX_NOT_UTF8; at = source.indexOf('\uFFFD', at)) {
    const end = replacementRunEnd(source, at, source.length);
    problems.push({ ruleId: 'parse-error', span: { start: at, end }, message: notUtf8Message(source, at, end) });
    at = end;
  }
  return problems;
}

/** A JSON string's source text (between its quotes) as its value; the source when it is not valid. */
function unescaped(source: string): string {
  if (!source.includes('\\')) return source;
  try {
    return JSON.parse(`"${source}"`) as string;
  } catch {
    return source;
  }
}
