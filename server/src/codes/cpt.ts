// CPT 99601 / 99602. CPT descriptors are AMA copyright and are not in the CMS files, so these
// two codes are described only in the policies' own words (quoted verbatim from seeds/), each
// naming the seed it comes from. test/codes/cpt.test.ts checks each quote against its seed.
import type { PolicyId } from './policies';

export interface PolicyQuote {
  readonly policy: PolicyId;
  /** Verbatim text of the seed. */
  readonly quote: string;
}

export interface CptDescription {
  readonly code: string;
  /** A short label taken from a policy's words (001's code list). */
  readonly short: string;
  /** The policy the short label comes from. */
  readonly shortPolicy: PolicyId;
  /** The main description, verbatim from a policy. (Billing notes: features/policy-notes.ts.) */
  readonly long: PolicyQuote;
}

export const CPT_CODES: Readonly<Record<string, CptDescription>> = {
  '99601': {
    code: '99601',
    short: 'HOME INFUSION VISIT 2 HRS',
    shortPolicy: '001',
    long: { policy: '000', quote: 'Home infusion/specialty drug administration, per visit (up to 2 hours);' },
  },
  '99602': {
    code: '99602',
    short: 'HOME INFUSION EACH ADDTL HR',
    shortPolicy: '001',
    long: {
      policy: '000',
      quote: 'Home infusion/specialty drug administration, per visit; each additional hour. (List separately in addition to code for primary procedure: CPT 99601.)',
    },
  },
};
