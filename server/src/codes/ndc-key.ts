// Comparing NDCs written in different forms (duplicate lines, KP/KQ, JW's administered line):
// one package is one key however it is written, 10 digits without hyphens included when the NDC
// directory knows a single package for them (0143943110 is 00143-9431-10, as 0143-9431-10 is).
import { loadCodeSet } from './codeset';
import { parseNdc } from './ndc';
import { asciiUpper } from '../parse/ascii';

/** The 11 digits of the one package the text names (itself, or through the directory), else undefined. */
export function packageKey(text: string): string | undefined {
  const parsed = parseNdc(text);
  if (parsed.ndc11) return parsed.ndc11;
  if (parsed.form === '10-digit') {
    const candidates = loadCodeSet().resolveNdc10(parsed.digits);
    if (candidates.length === 1) return candidates[0];
  }
  return undefined;
}

/** The 11 digits when the text or the directory determines them, else the text (trimmed, upper case). */
export function ndcKey(text: string): string {
  return packageKey(text) ?? asciiUpper(text.trim());
}
