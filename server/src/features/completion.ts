// Completion in code, modifier, ndc_unit, ndc and payer cells, and field names in the header / keys.
import type { ClaimDocument } from '../model';
import type { LintOptions } from '../rules/types';
import type { CompletionResult } from './types';

export function completionsAt(_doc: ClaimDocument, _offset: number, _options: LintOptions = {}): CompletionResult | undefined {
  return undefined; // TODO(code intelligence)
}
