// JSON edits on one line object: replace only value nodes (keeping their type), remove keys with
// one comma, add keys at the end in the object's style. A field the line inherits from its claim
// is never changed on the claim (the other lines inherit it too): the line gets its own key.
import type { Node } from 'jsonc-parser';
import type { ClaimDocument, Field, FieldName, ServiceLine } from '../model';
import type { TextEdit } from '../rules/types';
import { applyEdits } from './apply';
import { contiguous, MODIFIER_COLUMNS, NUMERIC_FIELDS, isNumeric, modifierColumnName, type LineChange } from './change';
import { endOf, insertAfterItemEdits, listEdits, type JsonStyle } from './json-list';
import { firstFieldOf, firstKeyedFieldOf, modifierSeparatorOf } from './doc-facts';
import { ModifierList } from './modifier-list';
import { hasLineEnd, withoutComments } from './text-scan';
import { fieldOf } from '../parse/fields';
import { idsOfString } from '../parse/disable-comment';
import { asciiUpper } from '../parse/ascii';

function styleOf(doc: ClaimDocument): JsonStyle {
  return { eol: doc.json?.eol ?? '\n', indent: doc.json?.indent ?? '  ' };
}

function keyOf(prop: Node): string {
  const key = prop.children?.[0]?.value;
  return typeof key === 'string' ? key.toLowerCase().replace(/[\s_.-]/g, '') : '';
}

/** A new value for a field's value node: a JSON number where the field was one and the value is
 *  a number JSON can write (`00143943110`, an NDC in digits, is not: a leading zero). */
function valueText(f: Field, value: string): string {
  return !f.quoted && isNumeric(value) && !/^-?0\d/.test(value) ? value : JSON.stringify(value);
}

/** The value as the file writes this field: a JSON number when the field is numeric there. */
function encodeNew(doc: ClaimDocument, name: FieldName, value: string, sample: Field | undefined): string {
  const example = sample ?? firstFieldOf(doc, name);
  const asNumber = example ? !example.quoted : NUMERIC_FIELDS.has(name);
  return asNumber && isNumeric(value) ? value : JSON.stringify(value);
}

/** The key text for a new property: the one the file already uses for this field, else the
 *  canonical name (a new modifierN key spelled like the file's other modifier keys). */
function keyText(doc: ClaimDocument, name: FieldName, sample: Field | undefined): string {
  const raw = rawKeyOf(doc, name, sample);
  return raw.startsWith('"') ? raw : JSON.stringify(modifierColumnName(name, (f) => keyNameOf(rawKeyOf(doc, f, undefined))));
}

function rawKeyOf(doc: ClaimDocument, name: FieldName, sample: Field | undefined): string {
  const field = sample?.keySpan ? sample : firstKeyedFieldOf(doc, name);
  return field?.keySpan ? doc.text.slice(field.keySpan.start, field.keySpan.end) : '';
}

function keyNameOf(raw: string): string | undefined {
  if (!raw.startsWith('"')) return undefined;
  try {
    const key: unknown = JSON.parse(raw);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The text between a key and its value (`: ` or `:`), from the object's first property. */
function colonOf(text: string, props: readonly Node[]): string {
  const p = props[0];
  const key = p?.children?.[0];
  const value = p?.children?.[1];
  if (!key || !value) return ': ';
  const between = text.slice(endOf(key), value.offset);
  return /^\s*:\s*$/.test(between) && !hasLineEnd(between) ? between : ': ';
}

interface ObjectPlan {
  readonly replace: Map<Node, string>;
  readonly removed: Set<number>;
  readonly added: string[];
  readonly inner: TextEdit[];
}

/**
 * For a change of form only (an NDC padded, milligrams written as grams): edits that write `set`
 * over the values where the line inherits them all from its claim object, so every line that
 * inherits them is fixed at once. (The Problems list shows such a value once; a key added to one
 * line left the claim's value, and the finding, for the next line.) Undefined when the line does
 * not inherit them all, or another line of the claim inherits some but not all of them: 500 MG
 * made 0.5 GR on the claim would then misstate a line's own quantity beside it.
 */
export function claimValueEdits(line: ServiceLine, set: Partial<Record<FieldName, string>>): TextEdit[] | undefined {
  const names = (Object.keys(set) as FieldName[]).filter((n) => set[n] !== undefined);
  const fields = names.map((n) => line.fields[n]);
  if (names.length === 0 || fields.some((f) => !f?.fromClaim)) return undefined;
  // The line objects of its claim object, read from the tree (a fix may be made on a document
  // of this line alone: moved-findings' subDocument): each must give all of the fields or none.
  const siblings = line.node?.parent;
  if (siblings?.type !== 'array') return undefined;
  for (const other of siblings.children ?? []) {
    if (other.type !== 'object') continue;
    const own = new Set((other.children ?? []).map((p) => fieldOf(String(p.children?.[0]?.value ?? ''))));
    const given = names.filter((n) => own.has(n)).length;
    if (given !== 0 && given !== names.length) return undefined;
  }
  return names.map((n, i) => {
    const f = fields[i]!;
    const value = set[n]!;
    return { start: f.span.start, end: f.span.end, newText: valueText(f, value) };
  });
}

/** Edits that apply `change` to the line object, or undefined when the line has no object node. */
export function jsonLineEdits(doc: ClaimDocument, line: ServiceLine, change: LineChange): TextEdit[] | undefined {
  const obj = line.node;
  if (!obj || obj.type !== 'object') return undefined;
  const text = doc.text;
  const props = obj.children ?? [];
  const colon = colonOf(text, props);
  const plan: ObjectPlan = { replace: new Map(), removed: new Set(), added: [], inner: [] };
  const ownIndex = (f: Field | undefined): number =>
    f && !f.fromClaim ? props.findIndex((p) => p.children?.[1]?.offset === f.span.start) : -1;
  const addKey = (name: FieldName, valueText: string, sample: Field | undefined): void => {
    plan.added.push(keyText(doc, name, sample) + colon + valueText);
  };

  for (const [name, value] of Object.entries(change.set ?? {}) as [FieldName, string | undefined][]) {
    if (value === undefined) continue;
    const f = line.fields[name];
    const i = ownIndex(f);
    const valueNode = props[i]?.children?.[1];
    if (valueNode && f) {
      if (f.text === value && valueNode.type !== 'array') continue;
      plan.replace.set(valueNode, valueNode.type === 'array'
        ? `[${ModifierList.parse(value).all.map((c) => JSON.stringify(c)).join(', ')}]`
        : valueText(f, value));
    } else addKey(name, encodeNew(doc, name, value, f), f);
  }
  for (const name of change.clear ?? []) {
    const f = line.fields[name];
    const i = ownIndex(f);
    if (i >= 0) plan.removed.add(i);
    else if (f?.fromClaim && f.text !== '') addKey(name, '""', f); // inherited: emptied on this line only
  }
  if (!planModifiers(doc, line, change, props, plan, ownIndex, addKey)) return undefined;

  const edits: TextEdit[] = [...plan.inner];
  for (const [node, newText] of plan.replace) {
    if (!plan.removed.has(props.findIndex((p) => p.children?.[1] === node))) edits.push({ start: node.offset, end: endOf(node), newText });
  }
  edits.push(...listEdits(text, obj, props, plan.removed, plan.added, styleOf(doc)));
  return edits;
}

function planModifiers(
  doc: ClaimDocument, line: ServiceLine, change: LineChange, props: readonly Node[], plan: ObjectPlan,
  ownIndex: (f: Field | undefined) => number, addKey: (name: FieldName, valueText: string, sample: Field | undefined) => void,
): boolean {
  const adds = change.addModifiers ?? [];
  const removes = change.removeModifiers ?? [];
  if (adds.length === 0 && removes.length === 0) return true;
  const pairs = Math.min(adds.length, removes.length);
  const same = (a: string, b: string): boolean => asciiUpper(a.trim()) === asciiUpper(b.trim());
  const f = line.fields.modifiers;
  const i = ownIndex(f);
  const valueNode = props[i]?.children?.[1];

  if (valueNode?.type === 'array') {
    // An own array: replace, remove and append elements in the array's style.
    const elements = valueNode.children ?? [];
    const codes = elements.map((e) => (typeof e.value === 'string' ? e.value : ''));
    const removed = new Set<number>();
    const append: string[] = [];
    const present = (code: string): boolean => codes.some((c, n) => same(c, code) && !removed.has(n)) || append.some((a) => same(a, JSON.stringify(code)));
    adds.forEach((code, n) => {
      const at = n < pairs ? codes.findIndex((c) => same(c, removes[n]!)) : -1;
      if (at >= 0) {
        plan.inner.push({ start: elements[at]!.offset, end: endOf(elements[at]!), newText: JSON.stringify(code) });
        codes[at] = code;
      }
    });
    removes.slice(pairs).forEach((code) => {
      const at = codes.findIndex((c, n) => same(c, code) && !removed.has(n));
      if (at >= 0) removed.add(at);
    });
    for (const code of adds) if (!present(code)) append.push(JSON.stringify(code));
    plan.inner.push(...listEdits(doc.text, valueNode, elements, removed, append, styleOf(doc)));
    return true;
  }

  if (valueNode && f) {
    // An own string (or any other scalar): edit the list inside it.
    const list = ModifierList.parse(f.quoted ? f.text : '');
    applyToList(list, adds, removes, () => modifierSeparatorOf(doc, 'json'));
    const newText = JSON.stringify(list.toString());
    if (newText !== doc.text.slice(valueNode.offset, endOf(valueNode))) plan.replace.set(valueNode, newText);
    return true;
  }

  if (f?.fromClaim) {
    // Inherited from the claim: the line gets its own copy of the list, in the claim's type.
    const inherited = line.modifiers.filter((m) => m.field === 'modifiers').map((m) => m.code);
    const list = ModifierList.parse(f.quoted ? f.text : inherited.join(' '));
    applyToList(list, adds, removes, () => modifierSeparatorOf(doc, 'json'));
    addKey('modifiers', f.quoted ? JSON.stringify(list.toString()) : `[${list.all.map((c) => JSON.stringify(c)).join(', ')}]`, f);
    return true;
  }

  const slots: FieldName[] = MODIFIER_COLUMNS.filter((name) => line.fields[name] !== undefined);
  if (slots.length > 0) {
    // modifier1..4 keys: replace or remove the key holding the code; a new code takes the next key.
    const values = new Map<FieldName, string>(slots.map((name) => [name, line.fields[name]!.text]));
    const holding = (code: string): FieldName | undefined => [...values].find(([, v]) => same(v, code))?.[0];
    const pending: string[] = [];
    adds.forEach((code, n) => {
      const slot = n < pairs ? holding(removes[n]!) : undefined;
      if (slot) values.set(slot, code);
      else pending.push(code);
    });
    let emptied = -1; // the first slot a removal empties
    removes.slice(pairs).forEach((code) => {
      const slot = holding(code);
      if (!slot) return;
      values.set(slot, '');
      const at = slots.indexOf(slot);
      if (emptied < 0 || at < emptied) emptied = at;
    });
    if (emptied >= 0) {
      // The later modifiers move up into the gap.
      const later = slots.slice(emptied);
      const moved = contiguous(later.map((name) => values.get(name)!));
      later.forEach((name, k) => values.set(name, moved[k]));
    }
    for (const code of pending) {
      if (holding(code)) continue;
      const free = MODIFIER_COLUMNS.find((name) => (values.get(name) ?? '').trim() === '');
      if (!free) return false;
      values.set(free, code);
    }
    // Written once each, at the end: a key can be emptied by a removal and refilled by the shift.
    for (const name of MODIFIER_COLUMNS) {
      const value = values.get(name);
      const field = line.fields[name];
      const before = field?.text;
      if (value === undefined || value === before || (value === '' && (before ?? '').trim() === '')) continue;
      const at = ownIndex(field);
      if (value === '' && at >= 0) plan.removed.add(at);
      else if (at >= 0) plan.replace.set(props[at]!.children![1]!, JSON.stringify(value));
      else addKey(name, JSON.stringify(value), field);
    }
    return true;
  }

  // No modifiers at all: a new key, an array unless the file writes modifiers as strings.
  const codes = adds.filter((code, n) => adds.findIndex((c) => same(c, code)) === n);
  if (codes.length === 0) return true;
  const example = firstFieldOf(doc, 'modifiers');
  const valueText = example?.quoted
    ? JSON.stringify(codes.join(modifierSeparatorOf(doc, 'json')))
    : `[${codes.map((c) => JSON.stringify(c)).join(', ')}]`;
  addKey('modifiers', valueText, undefined);
  return true;
}

function applyToList(list: ModifierList, adds: readonly string[], removes: readonly string[], sep: () => string): void {
  const pairs = Math.min(adds.length, removes.length);
  const pending: string[] = [];
  adds.forEach((code, n) => {
    if (!(n < pairs && list.replace(removes[n]!, code))) pending.push(code);
  });
  removes.slice(pairs).forEach((code) => list.remove(code));
  for (const code of pending) if (!list.has(code)) list.add(code, sep);
}

/**
 * Whether the text holds `node` whole, as the parser read it: its own opening and closing bracket,
 * and no parse error inside. An object the parser closed by recovery (a line still being typed,
 * no `}` yet) ends where the parser gave up, not where the text's object ends: an edit that copies
 * or removes the whole node (a new line object after it, the line removed) would land inside the
 * open object or cut it short. Such fixes are not offered; edits to one value inside do not need it.
 */
function wholeInText(doc: ClaimDocument, node: Node): boolean {
  const brackets = node.type === 'object' ? '{}' : node.type === 'array' ? '[]' : undefined;
  const end = endOf(node);
  if (!brackets || node.length < 2 || doc.text[node.offset] !== brackets[0] || doc.text[end - 1] !== brackets[1]) return false;
  return !doc.problems.some((p) => p.ruleId === 'parse-error' && p.span.start >= node.offset && p.span.start < end);
}

/** Insert copies of the line object right after it, each with its change applied. The copies
 *  carry no comments: a comment says something of the line it was written on (jsonc-comments). */
export function jsonInsertAfterEdits(doc: ClaimDocument, line: ServiceLine, copies: readonly LineChange[]): TextEdit[] | undefined {
  const obj = line.node;
  const array = obj?.parent;
  if (!obj || array?.type !== 'array' || !array.children || !wholeInText(doc, obj)) return undefined;
  const start = obj.offset;
  const end = endOf(obj);
  const texts: string[] = [];
  for (const change of copies) {
    const edits = jsonLineEdits(doc, line, change);
    if (!edits || edits.some((e) => e.start < start || e.end > end)) return undefined;
    texts.push(withoutComments(applyEdits(doc.text.slice(start, end), edits.map((e) => ({ start: e.start - start, end: e.end - start, newText: e.newText })))));
  }
  const k = array.children.indexOf(obj);
  return k < 0 ? undefined : insertAfterItemEdits(doc.text, array, array.children, k, texts, styleOf(doc));
}

/** Remove the line object from its claim's `lines` array with one comma; the claim object too,
 *  from its list, when the line is its only line (a claim with no lines is no claim). */
export function jsonRemoveLineEdits(doc: ClaimDocument, line: ServiceLine): TextEdit[] | undefined {
  let obj = line.node;
  let array = obj?.parent;
  if (!obj || array?.type !== 'array' || !array.children) return undefined;
  const claim = array.parent?.type === 'property' ? array.parent.parent : undefined;
  if (array.children.length === 1 && claim?.type === 'object' && claim.parent?.type === 'array') {
    obj = claim;
    array = claim.parent;
  }
  if (!wholeInText(doc, obj)) return undefined;
  const items = array.children ?? [];
  const k = items.indexOf(obj);
  return k < 0 ? undefined : listEdits(doc.text, array, items, new Set([k]), [], styleOf(doc));
}

/** The claim object of a JSON finding at a value the line inherits from it (outside the line's
 *  own object, as a claim-level NDC shown once for all its lines): a `lint_disable` there is the
 *  one that silences it. Undefined for a finding on the line's own object. */
export function inheritedFrom(line: ServiceLine, span: { start: number } | undefined): Node | undefined {
  const obj = line.node;
  if (!obj || !span || (span.start >= obj.offset && span.start < endOf(obj))) return undefined;
  // line object → the lines array → the "lines" property → the claim object
  const claim = obj.parent?.parent?.parent;
  return claim?.type === 'object' && span.start >= claim.offset && span.start < endOf(claim) ? claim : undefined;
}

/** Append the rule id to the object's `lint_disable` (the line's, or `obj`: its claim object's),
 *  or add `"lint_disable": ["<id>"]`. */
export function jsonDisableEdits(doc: ClaimDocument, line: ServiceLine, ruleId: string, obj: Node | undefined = line.node): TextEdit[] | undefined {
  if (!obj || obj.type !== 'object') return undefined;
  const props = obj.children ?? [];
  const existing = props.find((p) => keyOf(p) === 'lintdisable')?.children?.[1];
  if (existing?.type === 'array') {
    return listEdits(doc.text, existing, existing.children ?? [], new Set(), [JSON.stringify(ruleId)], styleOf(doc));
  }
  if (existing?.type === 'string') {
    // The parser reads only a list; the ids written as one string become one.
    const ids = [...idsOfString(String(existing.value)), ruleId];
    return [{ start: existing.offset, end: endOf(existing), newText: `[${ids.map((id) => JSON.stringify(id)).join(', ')}]` }];
  }
  if (existing) return undefined;
  return listEdits(doc.text, obj, props, new Set(), [`"lint_disable"${colonOf(doc.text, props)}[${JSON.stringify(ruleId)}]`], styleOf(doc));
}
