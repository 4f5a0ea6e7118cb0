// A parse tree for well-formed JSON text, built a step at a time: the nodes jsonc-parser's
// parseTree makes, node for node (test/parse/json-tree.test.ts), with a yield every so many
// tokens. jsonc-parser parses in one call: a 24 MB document kept the server from answering for
// 3–4 s. Only well-formed text: each token is checked against the grammar as the tree is built
// (a separate scan first cost a fifth of reading a big file), and on the first one out of place
// the builder gives up; jsonc-parser's error recovery is not repeated here.
import { createScanner, SyntaxKind, type Node as JsonNode, type NodeType } from 'jsonc-parser';
import { JsonGrammar, nextToken } from './json-grammar';

/** Tokens read between two yields: some tens of milliseconds. */
const STEP_TOKENS = 100_000;

/** A node while the tree is built (jsonc-parser's Node is read-only). */
interface Building {
  type: NodeType;
  offset: number;
  length: number;
  parent?: Building;
  children?: Building[];
  value?: unknown;
  colonOffset?: number;
}

function typeOf(value: unknown): NodeType {
  return value === null ? 'null' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
}

/**
 * The tree of `source` (comments and trailing commas allowed, as the reader parses it), yielding
 * every `stepTokens` tokens: `root` undefined for an empty text; undefined when the text is not
 * well-formed (or nests deeper than MAX_CHECKED_DEPTH), for jsonc-parser to parse and report.
 */
export function* jsonTreeSteps(source: string, stepTokens = STEP_TOKENS): Generator<void, { root: JsonNode | undefined } | undefined> {
  const s = createScanner(source, false);
  const grammar = new JsonGrammar();
  // Under an artificial list, as parseTree builds it.
  let current: Building = { type: 'array', offset: -1, length: -1, children: [], parent: undefined };
  const add = (node: Building): Building => {
    current.children!.push(node);
    return node;
  };
  // A property ends with its value.
  const endProperty = (end: number): void => {
    if (current.type === 'property') {
      current.length = end - current.offset;
      current = current.parent!;
    }
  };
  const literal = (value: unknown): void => {
    const offset = s.getTokenOffset();
    const length = s.getTokenLength();
    add({ type: typeOf(value), offset, length, parent: current, value });
    endProperty(offset + length);
  };
  let tokens = 0;
  for (let kind = nextToken(s); kind !== SyntaxKind.EOF; kind = nextToken(s)) {
    if (kind === undefined || !grammar.accept(kind)) return undefined;
    const offset = s.getTokenOffset();
    const length = s.getTokenLength();
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
        current = add({ type: 'object', offset, length: -1, parent: current, children: [] });
        break;
      case SyntaxKind.OpenBracketToken:
        current = add({ type: 'array', offset, length: -1, parent: current, children: [] });
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        current.length = offset + length - current.offset;
        current = current.parent!;
        endProperty(offset + length);
        break;
      case SyntaxKind.ColonToken:
        if (current.type === 'property') current.colonOffset = offset;
        break;
      case SyntaxKind.StringLiteral:
        if (current.type === 'object') {
          // In an object, a string is a key (a value's parent is its property).
          current = add({ type: 'property', offset, length: -1, parent: current, children: [] });
          current.children!.push({ type: 'string', value: s.getTokenValue(), offset, length, parent: current });
        } else {
          literal(s.getTokenValue());
        }
        break;
      case SyntaxKind.NumericLiteral:
        literal(Number(s.getTokenValue()));
        break;
      case SyntaxKind.NullKeyword:
        literal(null);
        break;
      case SyntaxKind.TrueKeyword:
        literal(true);
        break;
      case SyntaxKind.FalseKeyword:
        literal(false);
        break;
      default:
        break; // commas: a value already ended its property
    }
    if (++tokens % stepTokens === 0) yield;
  }
  // The end of the text: the root must be complete (or absent: an empty text, as jsonc-parser allows).
  if (grammar.depth > 0 || (current.children!.length > 0 && !grammar.complete)) return undefined;
  const root = current.children![0];
  if (root) delete root.parent;
  return { root: root as JsonNode | undefined };
}
