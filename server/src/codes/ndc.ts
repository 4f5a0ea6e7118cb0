// NDC normalisation (000: "11 digits in a 5-4-2 format"; shorter package displays get a leading
// zero in the short segment). Pure text functions: the rules, the fixes and hover share them.
import { detach } from '../detach';

/** How an NDC is written. */
export type NdcForm =
  | '5-4-2' // already the billing form, hyphenated
  | '4-4-2' // labeler lacks its leading zero
  | '5-3-2' // product lacks its leading zero
  | '5-4-1' // package lacks its leading zero
  | '11-digit' // 11 digits, no hyphens (the billing form without hyphens)
  | '10-digit' // 10 digits, no hyphens: which segment lacks its zero is unknown
  | 'invalid'; // anything else: other segment lengths, other characters

export interface ParsedNdc {
  readonly form: NdcForm;
  /** The digits as written (hyphens removed); '' for an invalid NDC with other characters. */
  readonly digits: string;
  /** The 11-digit billing NDC when the form determines it (all forms but 10-digit and invalid). */
  readonly ndc11?: string;
  readonly hyphenated: boolean;
}

/** The segment lengths of each hyphenated display form, and where its zero goes. */
const HYPHENATED: ReadonlyArray<{ form: NdcForm; lengths: readonly [number, number, number]; pad: 0 | 1 | 2 | -1 }> = [
  { form: '5-4-2', lengths: [5, 4, 2], pad: -1 },
  { form: '4-4-2', lengths: [4, 4, 2], pad: 0 },
  { form: '5-3-2', lengths: [5, 3, 2], pad: 1 },
  { form: '5-4-1', lengths: [5, 4, 1], pad: 2 },
];

/** NDCs repeat on thousands of lines and several rules read each: classify each text once.
 *  (ParsedNdc is read-only, so sharing the object is safe.) Bounded: cleared when full. Keys are
 *  detached copies: a JSON document's NDC is a slice of its text, and would keep it alive. */
const parsedNdcs = new Map<string, ParsedNdc>();
const MAX_CACHED_NDCS = 20_000;

/** Classify an NDC as written (surrounding whitespace ignored). */
export function parseNdc(text: string): ParsedNdc {
  let parsed = parsedNdcs.get(text);
  if (parsed === undefined) {
    if (parsedNdcs.size >= MAX_CACHED_NDCS) parsedNdcs.clear();
    parsedNdcs.set(detach(text), (parsed = classifyNdc(text)));
  }
  return parsed;
}

function classifyNdc(text: string): ParsedNdc {
  const t = text.trim();
  if (/^\d{11}$/.test(t)) return { form: '11-digit', digits: t, ndc11: t, hyphenated: false };
  if (/^\d{10}$/.test(t)) return { form: '10-digit', digits: t, hyphenated: false };
  const m = /^(\d+)-(\d+)-(\d+)$/.exec(t);
  if (m) {
    const segs = [m[1], m[2], m[3]];
    for (const h of HYPHENATED) {
      if (segs.every((s, i) => s.length === h.lengths[i])) {
        const padded = segs.map((s, i) => (i === h.pad ? `0${s}` : s));
        return { form: h.form, digits: segs.join(''), ndc11: padded.join(''), hyphenated: true };
      }
    }
    return { form: 'invalid', digits: segs.join(''), hyphenated: true };
  }
  return { form: 'invalid', digits: '', hyphenated: t.includes('-') };
}

/** The 11-digit billing NDC (digits only) when the text determines it, else undefined. */
export function toNdc11(text: string): string | undefined {
  return parseNdc(text).ndc11;
}

/** 11 digits → `12345-6789-01`. */
export function hyphenateNdc11(ndc11: string): string {
  return `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`;
}

/** How to write a corrected NDC: the `infusionClaims.ndcFormat` setting applied to the original. */
export function writeNdc11(ndc11: string, style: 'keep' | 'hyphenated' | 'digits', originalHyphenated: boolean): string {
  const hyphens = style === 'hyphenated' || (style === 'keep' && originalHyphenated);
  return hyphens ? hyphenateNdc11(ndc11) : ndc11;
}
