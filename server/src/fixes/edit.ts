// Format-aware edit primitives for fixes (CSV and JSON). Pure data: offset edits.
import type { ClaimDocument, ServiceLine } from '../model';
import type { Fix } from '../rules/types';

/** "Disable <rule-id> for this line": a CSV comment row above, or JSON `lint_disable`. */
export function disableRuleFix(_doc: ClaimDocument, _line: ServiceLine, _ruleId: string): Fix | undefined {
  return undefined; // TODO(fixes)
}
