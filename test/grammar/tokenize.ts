// Loads the extension's TextMate grammars the way VS Code does (vscode-textmate with the
// Oniguruma WASM regex engine) and tokenizes text, so tests can assert which scope a
// theme will see on each piece of a claim file.
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const SYNTAXES = path.resolve(__dirname, '..', '..', '..', 'syntaxes');
const GRAMMAR_FILES: Record<string, string> = {
  'text.claims.csv': 'claims-csv.tmLanguage.json',
  'source.claims.json': 'claims-json.tmLanguage.json',
};

export interface Token {
  text: string;
  /** Scope stack, outermost first; the last one is what a theme colors. */
  scopes: string[];
}

let registry: vsctm.Registry | undefined;

/**
 * The work vscode-textmate hands the regex engine, counted since the registry was made: `scans`
 * (one OnigScanner.findNextMatchSync each) and `chars` (the length of every OnigString: a line is
 * one, but a capture with nested `patterns` is tokenized again on a new string holding the line up
 * to that capture). Tests compare these between inputs; they never time anything.
 */
export const engineWork = { scans: 0, strings: 0, chars: 0 };

function getRegistry(): vsctm.Registry {
  if (registry) return registry;
  // loadWASM may run only once per process: the registry is cached for every test file.
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
    createOnigScanner: (patterns: string[]): vsctm.OnigScanner => {
      const scanner = new oniguruma.OnigScanner(patterns);
      // The same call vscode-textmate makes on the scanner itself (the option mask passes through).
      const find = scanner.findNextMatchSync.bind(scanner) as (...args: unknown[]) => vsctm.IOnigMatch | null;
      return {
        findNextMatchSync: (string, startPosition, options) => {
          engineWork.scans++;
          return find(string, startPosition, options);
        },
        dispose: () => scanner.dispose(),
      };
    },
    createOnigString: (s: string) => {
      engineWork.strings++;
      engineWork.chars += s.length;
      return new oniguruma.OnigString(s);
    },
  }));
  registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      if (!file) return null;
      const full = path.join(SYNTAXES, file);
      return vsctm.parseRawGrammar(fs.readFileSync(full, 'utf8'), full);
    },
  });
  return registry;
}

/** Tokenizes `text` line by line with the grammar `scopeName`; one token array per line. */
export async function tokenize(scopeName: string, text: string): Promise<Token[][]> {
  const grammar = await getRegistry().loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} not found`);
  let state = vsctm.INITIAL;
  const lines: Token[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const result = grammar.tokenizeLine(line, state);
    lines.push(result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    state = result.ruleStack;
  }
  return lines;
}

/** The innermost scope of the first token on `line` whose text is exactly `text`. */
export function scopeOf(line: Token[], text: string): string {
  const token = line.find((t) => t.text === text);
  if (!token) {
    throw new Error(`no token ${JSON.stringify(text)} on the line; tokens: ${line.map((t) => JSON.stringify(t.text)).join(' ')}`);
  }
  return token.scopes[token.scopes.length - 1];
}

/** All scopes of the token `text` (to check that a value sits inside a string, a header …). */
export function scopesOf(line: Token[], text: string): string[] {
  const token = line.find((t) => t.text === text);
  if (!token) throw new Error(`no token ${JSON.stringify(text)} on the line`);
  return token.scopes;
}
