// The rule registry, sorted by id. One module per rule under ./rules/ (eslint style);
// the catalog test checks that every rule here has its doc page and its table tests.
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
].sort((a: Rule, b: Rule) => a.meta.id.localeCompare(b.meta.id));

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
