// Whether a code (or modifier) is valid on a date of service: from its add date through its
// termination date, both inclusive (rules.md `code-inactive`; CMS's act_eff_dt is the date of the
// latest action, not the start of validity, so it is not used here).

export interface Dated {
  readonly added?: number;
  readonly terminated?: number;
}

export type Validity = 'valid' | 'not-yet-added' | 'terminated';

/** Validity of a dated entry on `day` (days since 1970-01-01); 'valid' when a date is unknown. */
export function validityOn(entry: Dated, day: number | undefined): Validity {
  if (day === undefined) return 'valid';
  if (entry.added !== undefined && day < entry.added) return 'not-yet-added';
  if (entry.terminated !== undefined && day > entry.terminated) return 'terminated';
  return 'valid';
}

/** Valid on every day of from..to (both ends, so every day between). */
export function validThrough(entry: Dated, from: number | undefined, to: number | undefined): boolean {
  return validityOn(entry, from) === 'valid' && validityOn(entry, to) === 'valid';
}

/** Day number → YYYY-MM-DD. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
