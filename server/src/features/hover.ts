// Hover: codes, modifiers, NDCs, qualifiers, header cells / keys, diagnostics.
// Pure and cheap: the target is found by binary search over the parsed model's spans.
import { loadCodeSet } from '../codes/codeset';
import type { ClaimDocument, ServiceLine, Span } from '../model';
import type { Finding, LintOptions } from '../rules/types';
import { codeMarkdown, modifierMarkdown, quoteMarkdown } from './code-markdown';
import { fieldMarkdown } from './field-docs';
import { isModifierField, targetAt, touches, type Target } from './locate';
import { escapeMarkdown } from './markdown-escape';
import { ndcMarkdown } from './ndc-markdown';
import { ndcUnit, NDC_UNITS } from './ndc-units';
import { ruleDocUrl } from './rule-docs';
import { readableMessage } from '../rules/util/readable';
import { fieldOf, normalizeKey } from '../parse/fields';
import type { HoverResult } from './types';

function payerOf(line: ServiceLine | undefined, options: LintOptions): string {
  return line?.payer || options.payer || 'commercial';
}

function unitMarkdown(text: string): string {
  const u = ndcUnit(text);
  if (!u) {
    const known = NDC_UNITS.map((q) => `\`${q.code}\` ${q.descriptor}`).join(', ');
    const mg = text.trim().toUpperCase() === 'MG' ? ' Report milligrams as GR (grams): quantity ÷ 1000.' : '';
    // What was typed, cut short as a diagnostic's message is (a cell can hold a megabyte).
    return `**${escapeMarkdown(readableMessage(text.trim())) || '(empty)'}** is not an NDC unit qualifier.${mg} Use one of: ${known}.`;
  }
  return [`**${u.code}** · ${u.descriptor} (NDC unit qualifier, 837P CTP05-1)`, ...u.notes.map(quoteMarkdown)].join('\n\n');
}

/** The markdown of a field value: what the code, modifier, NDC or unit typed is; for any other
 *  field, and an empty cell of any field, what the field means (as every empty cell does). */
function valueMarkdown(target: Extract<Target, { kind: 'value' }>, options: LintOptions): string | undefined {
  const codes = loadCodeSet();
  const ctx = { line: target.line, lines: target.claimLines?.map((l) => l.line), payer: payerOf(target.line, options) };
  const typed = target.text.trim() !== '';
  if (target.field === 'hcpcs' && typed) return codeMarkdown(codes, target.text, ctx);
  if (isModifierField(target.field) && target.modifier) return modifierMarkdown(codes, target.modifier.code, ctx);
  if (target.field === 'ndc' && typed) return ndcMarkdown(codes, target.text, target.line, target.claimLines);
  if (target.field === 'ndc_unit' && typed) return unitMarkdown(target.text);
  return fieldMarkdown(target.field);
}

/** JSON keys that shape the file rather than name a field. */
const STRUCTURE_KEYS: Readonly<Record<string, string>> = {
  claims: 'the list of claims',
  lines: 'the claim\'s service lines, one object per line',
  lintdisable: 'rule ids turned off for this claim or line, e.g. `["auth-missing"]`',
};

/** A JSON claim-level value every line of the claim overrides: said, as it bills nothing. */
function unreadNote(target: Extract<Target, { kind: 'value' }>): string {
  return target.claimLines?.length === 0 ? `No line of this claim reads this value: each gives its own ${target.field}.` : '';
}

function targetMarkdown(doc: ClaimDocument, target: Target, options: LintOptions): string | undefined {
  if (target.kind === 'key') {
    if (target.field) return fieldMarkdown(target.field);
    const structure = doc.format === 'json' ? STRUCTURE_KEYS[normalizeKey(target.name)] : undefined;
    // The name as written, as text: a header `__tmp__` is no bold.
    const name = escapeMarkdown(readableMessage(target.name));
    if (structure) return `**${name}**: ${structure}`;
    const what = doc.format === 'csv' ? 'column' : 'key';
    // A field name, but not the one read: another column (key) gives the same field first (last).
    const repeated = fieldOf(target.name.trim());
    // Notes named again (a description column): read on the rows where the one before is blank.
    if (repeated === 'notes') return `**${name}** gives notes, as another ${what} of this ${doc.format === 'csv' ? 'header' : 'object'} does: where the one before it is blank, the notes are read here.`;
    if (repeated) return `**${name}** gives ${repeated}, as another ${what} of this ${doc.format === 'csv' ? 'header' : 'object'} does: this ${what} is not read.`;
    return `**${name || '(empty)'}** is not a claim field: the ${what} is kept and ignored.`;
  }
  const md = valueMarkdown(target, options);
  const unread = unreadNote(target);
  return md && unread ? `${md}\n\n${unread}` : md;
}

function findingMarkdown(f: Finding): string {
  // Messages quote the file's values: text, not Markdown.
  return `**${f.severity}** ${escapeMarkdown(f.message)} ([${f.ruleId}](${ruleDocUrl(f.ruleId)}))`;
}

/** Findings sorted by start, with their longest span: built once per findings array. */
interface FindingIndex {
  readonly sorted: readonly Finding[];
  readonly longest: number;
}
const findingIndexes = new WeakMap<readonly Finding[], FindingIndex>();

function indexOf(findings: readonly Finding[]): FindingIndex {
  let index = findingIndexes.get(findings);
  if (!index) {
    const sorted = [...findings].sort((a, b) => a.span.start - b.span.start);
    const longest = sorted.reduce((n, f) => Math.max(n, f.span.end - f.span.start), 0);
    findingIndexes.set(findings, (index = { sorted, longest }));
  }
  return index;
}

/** The findings whose range touches the offset, in file order: a binary search, then a short walk back. */
function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  if (findings.length === 0) return [];
  const { sorted, longest } = indexOf(findings);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].span.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const out: Finding[] = [];
  for (let i = lo - 1; i >= 0 && sorted[i].span.start >= offset - longest; i--) {
    if (touches(sorted[i].span, offset)) out.push(sorted[i]);
  }
  return out.reverse();
}

const union = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });

export function hoverAt(doc: ClaimDocument, offset: number, findings: readonly Finding[], options: LintOptions = {}): HoverResult | undefined {
  const target = targetAt(doc, offset);
  const content = target && targetMarkdown(doc, target, options);
  const here = findingsAt(findings, offset);
  if (!content && here.length === 0) return undefined;
  const parts = [...here.map(findingMarkdown), content].filter((p): p is string => !!p);
  const span = target && content
    ? (target.kind === 'value' && target.modifier ? target.modifier.span : target.span)
    : here.map((f) => f.span).reduce(union);
  return { markdown: parts.join('\n\n---\n\n'), span };
}
