// Hover: codes, modifiers, NDCs, qualifiers, header cells / keys, diagnostics.
import type { ClaimDocument } from '../model';
import type { Finding, LintOptions } from '../rules/types';
import type { HoverResult } from './types';

export function hoverAt(_doc: ClaimDocument, _offset: number, _findings: readonly Finding[], _options: LintOptions = {}): HoverResult | undefined {
  return undefined; // TODO(code intelligence)
}
