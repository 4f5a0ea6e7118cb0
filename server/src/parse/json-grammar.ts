// JSON's grammar token by token, as jsonc-parser reads claim files (comments and trailing commas
// allowed): what the claims-list scan (json-items.ts) and the stepped tree (json-tree.ts) check
// before they trust a text. Anything jsonc-parser would report, and recover from as it can, makes
// them give up: that text is parsed whole, and the reader says what is wrong.
import { ScanError, SyntaxKind, type JSONScanner } from 'jsonc-parser';

/** What may come next (JSON's grammar, trailing commas allowed as JSONC does). */
const enum Want {
  /** A value, or `]` (just after `[` or a comma in a list). */
  ValueOrClose,
  /** A key, or `}` (just after `{` or a comma in an object). */
  KeyOrClose,
  Colon,
  /** A value (after a colon, or the root). */
  Value,
  /** A comma or the container's close. */
  CommaOrClose,
}

export const isScalar = (k: SyntaxKind): boolean => k === SyntaxKind.StringLiteral || k === SyntaxKind.NumericLiteral
  || k === SyntaxKind.TrueKeyword || k === SyntaxKind.FalseKeyword || k === SyntaxKind.NullKeyword;

/**
 * The next token that is not trivia, from a scanner made with trivia kept
 * (`createScanner(text, false)`); undefined on a scan error. A scanner that skips trivia itself
 * drops a trivia token's error: an unclosed block comment at the end would pass unseen.
 */
export function nextToken(s: JSONScanner): SyntaxKind | undefined {
  for (;;) {
    const kind = s.scan();
    if (s.getTokenError() !== ScanError.None || kind === SyntaxKind.Unknown) return undefined;
    if (kind < SyntaxKind.LineCommentTrivia || kind > SyntaxKind.Trivia) return kind;
  }
}

/** Claims nest about five deep; deeper than this, a text is read whole by jsonc-parser (the
 *  reader reports what is too deep). */
export const MAX_CHECKED_DEPTH = 64;

/** The grammar's state over one value: which tokens may come next, and the open containers. */
export class JsonGrammar {
  /** The open containers, innermost last: true for an object. */
  private readonly open: boolean[] = [];
  private want = Want.Value;

  /** `maxDepth`: deeper nesting is refused (the text is then read whole, where it is reported). */
  constructor(private readonly maxDepth = MAX_CHECKED_DEPTH) {}

  /** Containers open now: 0 once the value is complete. */
  get depth(): number {
    return this.open.length;
  }

  /** A string here is an object's key. */
  get keyWanted(): boolean {
    return this.want === Want.KeyOrClose;
  }

  /** The value is complete: nothing but the end of the text may follow the root. */
  get complete(): boolean {
    return this.want === Want.CommaOrClose && this.open.length === 0;
  }

  /** Takes the next token: false when the grammar does not allow it here. */
  accept(kind: SyntaxKind): boolean {
    const want = this.want;
    const valueWanted = want === Want.Value || want === Want.ValueOrClose;
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (!valueWanted || this.open.length >= this.maxDepth) return false;
      const isObject = kind === SyntaxKind.OpenBraceToken;
      this.open.push(isObject);
      this.want = isObject ? Want.KeyOrClose : Want.ValueOrClose;
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      const isObject = kind === SyntaxKind.CloseBraceToken;
      const closable = isObject ? want === Want.KeyOrClose || want === Want.CommaOrClose : want === Want.ValueOrClose || want === Want.CommaOrClose;
      if (!closable || this.open.length === 0 || this.open.pop() !== isObject) return false;
      this.want = Want.CommaOrClose;
    } else if (kind === SyntaxKind.CommaToken) {
      if (want !== Want.CommaOrClose || this.open.length === 0) return false;
      this.want = this.open[this.open.length - 1] ? Want.KeyOrClose : Want.ValueOrClose;
    } else if (kind === SyntaxKind.ColonToken) {
      if (want !== Want.Colon) return false;
      this.want = Want.Value;
    } else if (want === Want.KeyOrClose) {
      if (kind !== SyntaxKind.StringLiteral) return false;
      this.want = Want.Colon;
    } else if (isScalar(kind) && valueWanted) {
      this.want = Want.CommaOrClose;
    } else {
      return false; // EOF, or a token out of place
    }
    return true;
  }
}
