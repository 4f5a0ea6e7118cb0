// Loads the compiled CMS quarter (server/out/data, written by scripts/compile-data.mjs).
import type { CodeSet } from './types';

let cached: CodeSet | undefined;

export function loadCodeSet(): CodeSet {
  // TODO(codes): load the compiled indexes.
  cached ??= {
    quarter: 'none',
    code: () => undefined,
    modifier: () => undefined,
    ndc: () => [],
    ndcsForCode: () => [],
    resolveNdc10: () => [],
    allCodes: () => [],
    allModifiers: () => [],
  };
  return cached;
}
