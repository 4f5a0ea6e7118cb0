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

/**
 * What a descriptor shown beside a line's code or modifier adds about its dates (completion's
 * detail, the inlay hints): ` (added 2025-07-01)` when it began after the first date of service,
 * ` (terminated 2025-06-30)` when it ended before the last; with no date of service to judge by,
 * a terminated entry still names its termination date; '' otherwise.
 */
export function validityNote(entry: Dated, from: number | undefined, to: number | undefined = from): string {
  if (validityOn(entry, from) === 'not-yet-added') return ` (added ${isoDay(entry.added!)})`;
  if (validityOn(entry, to) === 'terminated') return ` (terminated ${isoDay(entry.terminated!)})`;
  if (from === undefined && entry.terminated !== undefined) return ` (terminated ${isoDay(entry.terminated)})`;
  return '';
}

/** Day number → YYYY-MM-DD. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
