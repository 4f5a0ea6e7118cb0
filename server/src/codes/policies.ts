// The five payer policies of seeds/ that every description and rule quotes, named once.
// Keys are the seed numbers used in rules.md ("000" … "004").

export interface PolicySource {
  /** Seed file under seeds/. */
  readonly file: string;
  /** Who issued it and what it is, as a billing analyst would name it. */
  readonly title: string;
}

export const POLICIES = {
  '000': { file: '000_63ccfced63bd6aad.txt', title: 'Mass General Brigham Health Plan, Home Infusion Therapy payment guideline' },
  '001': { file: '001_ccf6386e4c9aa503.txt', title: 'HCSC (Blue Cross) Clinical Payment and Coding Policy CPCP019, Home Infusion' },
  '002': { file: '002_6dff92f2ab798f68.txt', title: 'IDSA, Home Infusion Therapy FAQ' },
  '003': { file: '003_2f3cc3c5f2518c84.txt', title: 'Priority Health, Home Infusion billing policy' },
  '004': { file: '004_a1c54660d9639f72.txt', title: 'CMS, Medicare Home Infusion Therapy Services benefit FAQ' },
} as const satisfies Record<string, PolicySource>;

export type PolicyId = keyof typeof POLICIES;

/** "Priority Health, Home Infusion billing policy (seed 003)". */
export function policyName(id: PolicyId): string {
  return `${POLICIES[id].title} (seed ${id})`;
}
