// Hover, completion, document symbols and folding: the pure features of ../features answer in
// offsets from the kept analysis; this file only turns their answers into LSP shapes.
import {
  CompletionItemKind,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type MarkupContent,
  type Position,
  type Range,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import { completionDocumentation, completionsAt } from '../features/completion';
import { foldingRanges } from '../features/folding';
import { hoverAt } from '../features/hover';
import { inlayHints, type HintedValues } from '../features/inlay-hints';
import { documentSymbols } from '../features/symbols';
import { markdownToPlainText } from '../features/plain-text';
import type { CompletionKind, SymbolEntry } from '../features/types';
import type { Analysis } from './analysis';
import { notAfter, toRange, type Positions } from './convert';

/** The features write Markdown; a client that lists only plaintext for a feature gets it
 *  without the marks (a client that lists no formats gets Markdown, as before LSP 3.0 did). */
export function markupOf(formats: readonly MarkupKind[] | undefined): MarkupKind {
  return formats && formats.length > 0 && !formats.includes(MarkupKind.Markdown) ? MarkupKind.PlainText : MarkupKind.Markdown;
}

function content(markdown: string, kind: MarkupKind): MarkupContent {
  return { kind, value: kind === MarkupKind.Markdown ? markdown : markdownToPlainText(markdown) };
}

export function hover(a: Analysis, pos: Positions, at: Position, kind: MarkupKind = MarkupKind.Markdown): Hover | null {
  const r = hoverAt(a.doc, pos.offsetAt(at), a.findings, a.options);
  if (!r) return null;
  return { contents: content(r.markdown, kind), range: toRange(pos, r.span) };
}

/** The descriptors after the values of `range`. */
export function inlayHintsIn(a: Analysis, pos: Positions, range: Range, values: HintedValues): InlayHint[] {
  return inlayHints(a.doc, { start: pos.offsetAt(range.start), end: pos.offsetAt(range.end) }, values).map((h): InlayHint => {
    const hint: InlayHint = { position: pos.positionAt(h.offset), label: h.label, paddingLeft: true };
    if (h.tooltip) hint.tooltip = h.tooltip;
    return hint;
  });
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  code: CompletionItemKind.Constant,
  modifier: CompletionItemKind.EnumMember,
  unit: CompletionItemKind.Unit,
  field: CompletionItemKind.Field,
  payer: CompletionItemKind.EnumMember,
  ndc: CompletionItemKind.Value,
  value: CompletionItemKind.Value,
};

/** What a code or modifier item carries to completionItem/resolve, which adds its documentation. */
interface ResolveData {
  readonly uri: string;
  readonly position: Position;
  readonly kind: CompletionKind;
}

export function completion(a: Analysis, pos: Positions, at: Position, kind: MarkupKind = MarkupKind.Markdown): CompletionList | null {
  // Code and modifier items go without their markdown entries (200 of them, re-asked at each
  // keystroke while the list is incomplete); the client resolves the one it shows.
  const r = completionsAt(a.doc, pos.offsetAt(at), a.options, { lazyDocumentation: true });
  if (!r) return null;
  const range = toRange(pos, r.span);
  // LSP wants the replaced range on the cursor's line and around it (the engine's span holds the
  // cursor; a quoted cell with a line break in it can still span lines). Otherwise an item inserts
  // plainly at the cursor, which only the label itself can do: an item that brings quotes (a bare
  // JSON value or key, a quoted cell replaced whole) would land beside the text it was to replace.
  const usable = range.start.line === at.line && range.end.line === at.line
    && range.start.character <= at.character && at.character <= range.end.character;
  const items: CompletionItem[] = [];
  for (const e of r.items) {
    const newText = e.insertText ?? e.label;
    if (!usable && newText !== e.label) continue;
    const item: CompletionItem = { label: e.label, kind: COMPLETION_KINDS[e.kind] };
    if (e.detail) item.detail = e.detail;
    if (e.documentation) item.documentation = content(e.documentation, kind);
    else if (e.kind === 'code' || e.kind === 'modifier') item.data = { uri: a.uri, position: at, kind: e.kind } satisfies ResolveData;
    if (e.sortText) item.sortText = e.sortText;
    if (e.filterText) item.filterText = e.filterText;
    if (usable) item.textEdit = { range, newText };
    items.push(item);
  }
  return { isIncomplete: r.isIncomplete === true, items };
}

/** completionItem/resolve: the documentation of a code or modifier item, for the line it completes. */
export function resolveCompletion(a: Analysis, pos: Positions, item: CompletionItem, kind: MarkupKind = MarkupKind.Markdown): CompletionItem {
  const data = item.data as ResolveData | undefined;
  if (item.documentation || !data?.position) return item;
  const markdown = completionDocumentation(a.doc, pos.offsetAt(data.position), data.kind, item.label);
  return markdown ? { ...item, documentation: content(markdown, kind) } : item;
}

function contains(outer: Range, inner: Range): boolean {
  return notAfter(outer.start, inner.start) && notAfter(inner.end, outer.end);
}

const symbolName = (e: SymbolEntry): string => e.name || '(unnamed)';
const symbolKind = (e: SymbolEntry): SymbolKind => (e.kind === 'claim' ? SymbolKind.Object : SymbolKind.Field);

function toDocumentSymbol(pos: Positions, e: SymbolEntry): DocumentSymbol {
  const range = toRange(pos, e.span);
  const selection = toRange(pos, e.selectionSpan);
  return {
    name: symbolName(e),
    detail: e.detail,
    kind: symbolKind(e),
    range,
    // LSP requires the selection inside the range; a feature bug must not make clients reject the list.
    selectionRange: contains(range, selection) ? selection : range,
    children: e.children?.map((c) => toDocumentSymbol(pos, c)),
  };
}

/** Claims, then their lines: hierarchical when the client takes it, else flat with container names. */
export function symbols(a: Analysis, pos: Positions, hierarchical: boolean): DocumentSymbol[] | SymbolInformation[] {
  const entries = documentSymbols(a.doc);
  if (hierarchical) return entries.map((e) => toDocumentSymbol(pos, e));
  const flat: SymbolInformation[] = [];
  const walk = (e: SymbolEntry, container?: string) => {
    flat.push({
      name: symbolName(e),
      kind: symbolKind(e),
      location: { uri: a.uri, range: toRange(pos, e.span) },
      containerName: container,
    });
    e.children?.forEach((c) => walk(c, e.name));
  };
  entries.forEach((e) => walk(e));
  return flat;
}

/** One range per claim. A JSON claim keeps its closing brace visible, as JSON folding does. */
export function folding(a: Analysis, pos: Positions): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const span of foldingRanges(a.doc)) {
    const startLine = pos.positionAt(span.start).line;
    let endLine = pos.positionAt(span.end).line;
    if (a.format === 'json' && /[}\]]/.test(a.doc.text.charAt(span.end - 1))) endLine--;
    if (endLine > startLine) out.push({ startLine, endLine, kind: 'region' });
  }
  return out;
}
