// Shapes of the editor features' answers, in offsets. The LSP adapter converts them.
import type { Span } from '../model';

export interface HoverResult {
  /** Markdown shown to the user. */
  readonly markdown: string;
  /** The cell / value hovered. */
  readonly span: Span;
}

export type CompletionKind = 'code' | 'modifier' | 'unit' | 'field' | 'payer' | 'ndc' | 'value';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line shown beside the label (a descriptor). */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly sortText?: string;
  /** Text inserted in place of `CompletionResult.span`; defaults to label. */
  readonly insertText?: string;
  /** What the client filters on instead of the label (a code found by its descriptor's words). */
  readonly filterText?: string;
}

export interface CompletionResult {
  readonly items: readonly CompletionEntry[];
  /** The text the completion replaces (the cell's current text up to its end). */
  readonly span: Span;
  /** More items match than were returned (codes are capped): the client asks again as the user types. */
  readonly isIncomplete?: boolean;
}

export interface SymbolEntry {
  readonly name: string;
  readonly detail?: string;
  readonly kind: 'claim' | 'line';
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children?: readonly SymbolEntry[];
}

/** One row of "Look Up Code…": small, so the list of ~9,000 goes over the wire at once. The
 *  full markdown entry of the picked row is asked for separately (lookupMarkdown). */
export interface LookupEntry {
  /** The code or modifier. */
  readonly label: string;
  readonly kind: 'code' | 'modifier';
  /** Short descriptor, searched by words. */
  readonly description: string;
  /** Long descriptor, plain text, searched by words too. */
  readonly detail: string;
}

/** Text shown after a value (its descriptor), at an offset. */
export interface InlayHintEntry {
  readonly offset: number;
  readonly label: string;
  /** Plain text shown on hovering the hint (the long descriptor). */
  readonly tooltip?: string;
}
