// The reference-data interface. One module (./codeset) loads the compiled CMS quarter
// behind it, so a newer quarter drops in without touching rules or hover.
import type { PolicyId } from './policies';

export interface HcpcsCode {
  readonly code: string;
  readonly long: string;
  readonly short: string;
  /** Medicare coverage code (`I` = not payable by Medicare). */
  readonly cov: string;
  /** Days since 1970-01-01 (UTC), from the code set's dates. A code is valid from `added`
   *  through `terminated` (codes/validity.ts). `effective` is CMS's "action effective date", the
   *  day the latest change (e.g. the termination) took effect, not the start of validity:
   *  J3370 has effective 2025-07-01 and terminated 2025-06-30. */
  readonly added?: number;
  readonly effective?: number;
  readonly terminated?: number;
  /** Set for the CPT codes 99601/99602: not in the CMS files (AMA copyright), described in this
   *  policy's words instead (codes/cpt.ts). Undefined for every CMS code. */
  readonly policy?: PolicyId;
  /** The policy its short label comes from, when another than `policy`'s (99601/99602: 001's code list). */
  readonly labelPolicy?: PolicyId;
}

export interface ModifierInfo {
  readonly code: string;
  readonly long: string;
  readonly short: string;
  /** Medicare coverage code of the modifier file. */
  readonly cov?: string;
  readonly added?: number;
  readonly effective?: number;
  readonly terminated?: number;
}

export interface CrosswalkEntry {
  readonly hcpcs: string;
  /** 11 digits, no hyphens (a CMS alternate id: its text without hyphens, as CMS writes it). */
  readonly ndc11: string;
  /** 5-4-2 as CMS prints it. */
  readonly ndcDashed: string;
  readonly labeler: string;
  readonly drug: string;
  readonly dosage: string;
  readonly pkgSize: number;
  readonly pkgQty: number;
  /** Billable units per item (vial). */
  readonly billUnits: number;
  /** Billable units per 11-digit NDC package. */
  readonly billUnitsPkg: number;
}

export interface CodeSet {
  /** e.g. "2025Q4". */
  readonly quarter: string;
  code(code: string): HcpcsCode | undefined;
  modifier(code: string): ModifierInfo | undefined;
  /** Crosswalk rows for an 11-digit NDC (digits only), or for a CMS alternate id (GG100,
   *  `EsanoAC-0101`), hyphens and case ignored. */
  ndc(ndc11: string): readonly CrosswalkEntry[];
  /** Crosswalk rows billed under a HCPCS code. */
  ndcsForCode(hcpcs: string): readonly CrosswalkEntry[];
  /** The 11-digit NDCs of the crosswalk that a 10-digit unhyphenated NDC can pad to. */
  resolveNdc10(digits10: string): readonly string[];
  /** Every CMS code in file order, then the policy-described CPT codes (99601, 99602). */
  allCodes(): readonly HcpcsCode[];
  allModifiers(): readonly ModifierInfo[];
}
