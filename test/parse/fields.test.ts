import * as assert from 'assert';
import { FIELD_NAMES } from '../../server/src/model';
import { FIELD_ALIASES, fieldOf } from '../../server/src/parse/fields';

describe('field names and aliases', () => {
  it('accepts every canonical name and every alias of the spec table', () => {
    const expected: Record<string, readonly string[]> = {
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
      modifier1: ['mod1'], modifier2: ['mod2'], modifier3: ['mod3'], modifier4: ['mod4'],
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
    assert.deepStrictEqual(Object.keys(expected).sort(), [...FIELD_NAMES].sort());
    for (const [name, aliases] of Object.entries(expected)) {
      assert.strictEqual(fieldOf(name), name);
      assert.deepStrictEqual([...FIELD_ALIASES[name as keyof typeof FIELD_ALIASES]].sort(), [...aliases].sort(), name);
      for (const alias of aliases) assert.strictEqual(fieldOf(alias), name, alias);
    }
  });

  it('ignores case, spaces, _, - and .', () => {
    for (const h of ['Claim ID', 'claim_id', 'claimId', 'CLAIM-ID', 'claim.id', '  claim id ']) assert.strictEqual(fieldOf(h), 'claim_id', h);
    assert.strictEqual(fieldOf('Mod 1'), 'modifier1');
    assert.strictEqual(fieldOf('NDC Qty'), 'ndc_qty');
    assert.strictEqual(fieldOf('Date of Service'), 'dos_from');
    assert.strictEqual(fieldOf('HCPCS-Code'), 'hcpcs');
  });

  it('unknown names are not fields', () => {
    for (const h of ['', 'provider', 'lines', 'lint_disable', 'units2']) assert.strictEqual(fieldOf(h), undefined, h);
  });
});
