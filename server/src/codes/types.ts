// The reference-data interface. One module (./codeset) loads the compiled CMS quarter
// behind it, so a newer quarter drops in without touching rules or hover.

export interface HcpcsCode {
  readonly code: string;
  readonly long: string;
  readonly short: string;
  /** Medicare coverage code (`I` = not payable by Medicare). */
  readonly cov: string;
  /** Days since 1970-01-01 (UTC), from the code set's dates. */
  readonly added?: number;
  readonly effective?: number;
  readonly terminated?: number;
}

export interface ModifierInfo {
  readonly code: string;
  readonly long: string;
  readonly short: string;
}

export interface CrosswalkEntry {
  readonly hcpcs: string;
  /** 11 digits, no hyphens. */
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
  /** Crosswalk rows for an 11-digit NDC (digits only). */
  ndc(ndc11: string): readonly CrosswalkEntry[];
  /** Crosswalk rows billed under a HCPCS code. */
  ndcsForCode(hcpcs: string): readonly CrosswalkEntry[];
  /** The 11-digit NDCs of the crosswalk that a 10-digit unhyphenated NDC can pad to. */
  resolveNdc10(digits10: string): readonly string[];
  allCodes(): readonly HcpcsCode[];
  allModifiers(): readonly ModifierInfo[];
}
