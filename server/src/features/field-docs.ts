// What each claim-file field means, with its CMS-1500 box and 837P element, as claims-format.md's
// "Fields" table gives them. Hover on a header cell / JSON key and field-name completion read this.
import type { FieldName } from '../model';
import { REQUIRED_FIELDS } from '../model';
import { FIELD_ALIASES } from '../parse/fields';

export interface FieldDoc {
  /** What the field holds, in the spec's words. */
  readonly meaning: string;
  /** CMS-1500 form box, when the field has one. */
  readonly box?: string;
  /** 837P (professional electronic claim) element, when the field has one. */
  readonly element?: string;
  /** When the field is needed, beyond the always-required fields (e.g. "for drugs"). */
  readonly requiredWhen?: string;
}

export const FIELD_DOCS: Readonly<Record<FieldName, FieldDoc>> = {
  claim_id: { meaning: 'groups lines into one claim (patient account no.)', box: '26', element: 'CLM01' },
  member_id: { meaning: 'the patient', box: '1a', element: 'NM109' },
  payer: { meaning: '`commercial` (default), `medicare`, `medicare_advantage`, `medicaid`' },
  auth_number: { meaning: 'prior authorization number', box: '23', element: 'REF*G1' },
  line: { meaning: 'line number inside the claim' },
  dos_from: { meaning: 'first date of service', box: '24A from', element: 'DTP*472' },
  dos_to: { meaning: 'last date of service; empty = same as `dos_from`', box: '24A to' },
  pos: { meaning: 'place of service; home is `12`', box: '24B' },
  hcpcs: { meaning: 'HCPCS Level II or CPT code', box: '24D', element: 'SV101-2' },
  modifiers: { meaning: 'up to four 2-character modifiers, separated by space, `:`, `,` or `-` inside the cell' },
  modifier1: { meaning: 'one modifier per column (alternative to `modifiers`)' },
  modifier2: { meaning: 'one modifier per column (alternative to `modifiers`)' },
  modifier3: { meaning: 'one modifier per column (alternative to `modifiers`)' },
  modifier4: { meaning: 'one modifier per column (alternative to `modifiers`)' },
  units: { meaning: 'service units; decimal allowed', box: '24G', element: 'SV104' },
  charge: { meaning: 'line charge in dollars', box: '24F', element: 'SV102' },
  ndc: { meaning: 'NDC as printed (any of 4-4-2, 5-3-2, 5-4-1, 5-4-2, or 11 digits)', box: '24 shaded', element: 'LIN03', requiredWhen: 'for drugs' },
  ndc_unit: { meaning: 'NDC unit qualifier: `F2`, `GR`, `ML`, `UN`', element: 'CTP05-1', requiredWhen: 'with `ndc`' },
  ndc_qty: { meaning: 'NDC quantity, decimal', element: 'CTP04', requiredWhen: 'with `ndc`' },
  wasted_units: { meaning: 'service units of the same drug discarded from a single-use package, reported on this line' },
  vial: { meaning: '`single` or `multi` (single-use / multi-use package)' },
  frequency: { meaning: 'dosing interval, e.g. `q8h`, `q12h`, `q24h`, `weekly`' },
  duration_min: { meaning: 'length of the visit or infusion in minutes' },
  notes: { meaning: 'free text: the drug name for NOC codes', box: '19', element: 'SV101-7' },
};

/** Markdown for a field: name, meaning, box / element, required, aliases. */
export function fieldMarkdown(name: FieldName): string {
  const doc = FIELD_DOCS[name];
  const where = [doc.box && `CMS-1500 box ${doc.box}`, doc.element && `837P ${doc.element}`].filter(Boolean).join(' · ');
  const required = REQUIRED_FIELDS.includes(name) ? 'required' : doc.requiredWhen ? `required ${doc.requiredWhen}` : 'optional';
  const aliases = FIELD_ALIASES[name];
  return [
    `**${name}**: ${doc.meaning}`,
    [where, required].filter(Boolean).join(' · '),
    aliases.length ? `Also accepted as: ${aliases.map((a) => `\`${a}\``).join(', ')}` : '',
  ].filter(Boolean).join('\n\n');
}
