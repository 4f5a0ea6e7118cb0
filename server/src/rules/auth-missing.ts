// auth-missing (000): the prior authorization number goes in box 23; a claim without one on any
// of its lines is reported once, on its first line's claim id. A claim number split across
// workspace files is one claim (as for per-diem-without-drug): an auth number on the member's
// lines of that claim number in another file counts.
import type { ServiceLine } from '../model';
import type { ExternalLine, Rule } from './types';

const hasAuth = (line: Pick<ServiceLine, 'authNumber'>): boolean => line.authNumber.trim() !== '';

/** member id → claim numbers with an auth number among the lines of other files. */
type Settled = ReadonlyMap<string, ReadonlySet<string>>;
const NONE: Settled = new Map();
/** Per workspace lines array: every rule run on a document's views is handed the same one. */
const settledOf = new WeakMap<readonly ExternalLine[], Settled>();

function settled(external: readonly ExternalLine[] | undefined): Settled {
  if (!external || external.length === 0) return NONE;
  let out = settledOf.get(external) as Map<string, Set<string>> | undefined;
  if (!out) {
    out = new Map();
    for (const { line } of external) {
      if (line.claimId === '' || !hasAuth(line)) continue;
      let claims = out.get(line.memberId);
      if (!claims) out.set(line.memberId, (claims = new Set()));
      claims.add(line.claimId);
    }
    settledOf.set(external, out);
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'auth-missing',
    scope: 'claim', // findings depend on the lines of its claim
    // Of other files, only whether the member's lines of the claim number carry an auth number.
    claimSettledBy: hasAuth,
    defaultSeverity: 'warning',
    description: 'A claim has no auth_number (box 23).',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'Enter the authorization number in Form Locator 23 on CMS 1500, or its electronic equivalent.',
    },
  },
  check(doc, ctx) {
    // A row that ends before the auth_number column (parse-error's finding: a short row, often
    // one being typed) does not say the claim has none.
    const authColumn = doc.csv?.columns.auth_number !== undefined;
    const unknown = (l: ServiceLine): boolean => authColumn && l.fields.auth_number === undefined;
    const elsewhere = settled(ctx.options.external);
    // A line of the claim (with a member and a date: the workspace lines that match any) whose
    // member's part of the claim number in another file has an auth number.
    const inOtherFile = (l: ServiceLine): boolean =>
      l.claimId !== '' && l.dosFrom !== undefined && elsewhere.get(l.memberId)?.has(l.claimId) === true;
    for (const claim of doc.claims) {
      const first = claim.lines[0];
      if (!first || claim.lines.some((l) => hasAuth(l) || unknown(l))) continue;
      if (elsewhere.size > 0 && claim.lines.some(inOtherFile)) continue;
      const name = claim.id === '' ? 'This claim' : `Claim ${claim.id}`;
      ctx.report({
        span: first.fields.claim_id?.span ?? first.span,
        line: first,
        message: `${name} has no prior authorization number (auth_number, box 23): enter the authorization number for these services`,
      });
    }
  },
};
