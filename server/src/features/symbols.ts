// Document symbols: each claim, then its lines.
import type { ClaimDocument } from '../model';
import type { SymbolEntry } from './types';

export function documentSymbols(_doc: ClaimDocument): SymbolEntry[] {
  return []; // TODO(code intelligence)
}
