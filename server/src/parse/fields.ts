// Field names and their aliases (claims-format.md, "Fields"). Header cells (CSV) and keys
// (JSON) match forgivingly, as real exports spell them: case-insensitive, ignoring spaces,
// `_`, `-` and `.`. Hover and completion read FIELD_ALIASES too.
import { FIELD_NAMES, type FieldName } from '../model';

/** Every accepted alias of each field, as the spec writes them (the canonical name excluded). */
export const FIELD_ALIASES: Readonly<Record<FieldName, readonly string[]>> = {
  claim_id: ['claim', 'claim_number', 'claimno'],
  member_id: ['patient_id', 'subscriber_id', 'member'],
  payer: ['line_of_business', 'lob', 'plan'],
  auth_number: ['prior_auth', 'authorization', 'auth'],
  line: ['line_number', 'ln'],
  dos_from: ['dos', 'date_of_service', 'service_date', 'from_date'],
  dos_to: ['to_date', 'through_date'],
  pos: ['place_of_service'],
  hcpcs: ['cpt', 'code', 'procedure_code', 'hcpcs_code', 'cpt_hcpcs'],
  modifiers: ['modifier', 'mods'],
  modifier1: ['mod1'],
  modifier2: ['mod2'],
  modifier3: ['mod3'],
  modifier4: ['mod4'],
  units: ['service_units', 'qty', 'quantity', 'days_or_units'],
  charge: ['charges', 'amount', 'billed_amount'],
  ndc: ['ndc_code', 'national_drug_code'],
  ndc_unit: ['ndc_uom', 'unit_of_measure', 'uom'],
  ndc_qty: ['ndc_quantity', 'ndc_units'],
  wasted_units: ['discarded_units', 'wastage', 'jw_units'],
  vial: ['package_type', 'vial_type'],
  frequency: ['dosing_frequency', 'freq'],
  duration_min: ['duration', 'minutes'],
  notes: ['comment', 'remarks', 'drug_name', 'description'],
};

/** The matching key of a header or property name: lower case without spaces, `_`, `-`, `.`. */
export function normalizeKey(name: string): string {
  return name.toLowerCase().replace(/[\s_.\-]+/g, '');
}

const BY_KEY: ReadonlyMap<string, FieldName> = (() => {
  const map = new Map<string, FieldName>();
  for (const name of FIELD_NAMES) {
    map.set(normalizeKey(name), name);
    for (const alias of FIELD_ALIASES[name]) map.set(normalizeKey(alias), name);
  }
  return map;
})();

/** The field a CSV header cell or JSON key names, or undefined for an unknown column. */
export function fieldOf(headerOrKey: string): FieldName | undefined {
  return BY_KEY.get(normalizeKey(headerOrKey));
}
