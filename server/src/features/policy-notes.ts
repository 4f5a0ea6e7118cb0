// The billing notes hover shows for a code or modifier: what to do, and the policy sentence it
// comes from, quoted verbatim from seeds/ (test/features/policy-notes.test.ts checks every quote
// against its seed, whitespace aside, since some seeds wrap lines). One data module so that a
// policy change is one edit here.
import {
  isBundledSupply, isCatheterCarePerDiem, isFormulaIncludedPerDiem, isHitCode, isHitInitial, isNocDrug,
  isSeparatelyBillableKit, isSterileSolution, isTherapyPerDiem, hitCategory, ANTIBIOTIC_INTERVAL_HOURS, isJCode,
  NURSING_ADDON, NURSING_PRIMARY,
} from '../codes/classes';
import type { PolicyId } from '../codes/policies';

export interface PolicyNote {
  /** What it means for the claim, in a billing analyst's words. */
  readonly note: string;
  readonly policy: PolicyId;
  /** Verbatim text of the seed. */
  readonly quote: string;
}

interface CodeNote extends PolicyNote {
  readonly appliesTo: (code: string) => boolean;
}

const isPerDiem = (code: string): boolean => isTherapyPerDiem(code) || isCatheterCarePerDiem(code);
/** A per diem paid only with its drug that day (rules.md per-diem-without-drug): not the TPN per
 *  diems S9364–S9368, whose standard formula is inside them (their own note says so). */
const needsDrugDay = (isCode: (code: string) => boolean) => (code: string): boolean => isCode(code) && !isFormulaIncludedPerDiem(code);
const isAntibioticPerDiem = (code: string): boolean => code in ANTIBIOTIC_INTERVAL_HOURS || code === 'S9494';
const oneOf = (...codes: string[]) => (code: string): boolean => codes.includes(code);
const between = (from: string, to: string) => (code: string): boolean => code.length === from.length && code >= from && code <= to;

export const CODE_NOTES: readonly CodeNote[] = [
  // Per diems
  {
    appliesTo: needsDrugDay(isPerDiem),
    note: 'Paid only for a day on which a drug is actually administered.',
    policy: '000',
    quote: 'Home infusion services on a per diem basis only when drug infusion is administered on the same date.',
  },
  {
    appliesTo: needsDrugDay(isTherapyPerDiem),
    note: 'Bill it on the same claim as its drug, for the same dates of service.',
    policy: '001',
    quote: 'The per diem HCPCS code must be billed on the same claim as the corresponding drug for the same dates of service.',
  },
  {
    appliesTo: isTherapyPerDiem,
    note: 'Concurrent therapies on the same day: the second per diem takes SH, the third and later SJ.',
    policy: '001',
    quote: 'Modifiers SH (second concurrently administered infusion therapy) and SJ (third or more concurrently administered infusion therapy) must be indicated with the HCPCS code, as appropriate.',
  },
  {
    appliesTo: isTherapyPerDiem,
    note: 'Bill the more frequent per diem first (the primary, without SH/SJ).',
    policy: '002',
    quote: 'Always bill the more frequent per diem first as the reimbursement will be higher for this code.',
  },
  {
    appliesTo: isAntibioticPerDiem,
    note: 'The second concurrent per diem is often billed at half, the third at one-fourth of the standard charge.',
    policy: '002',
    quote: 'Often, the second drug is billed out at half the standard per diem charge and the third is billed out at one-fourth of the standard per diem charge.',
  },
  {
    appliesTo: isTherapyPerDiem,
    note: 'Units are days of therapy, not doses: every 8 hours for 7 days is 7 units. A per diem dosed less often than daily bills a unit per infusion day (001: every 10 days for 30 days is 3).',
    policy: '001',
    quote: 'The term “per diem” represents each day that a given patient is provided access to a prescribed therapy',
  },
  {
    appliesTo: isTherapyPerDiem,
    note: 'Drugs and nursing visits are billed on their own lines, not inside the per diem.',
    policy: '002',
    quote: 'Drug products and nursing visits are coded separately from the per diem.',
  },
  {
    appliesTo: isPerDiem,
    note: 'Private payers\' per diem structure: Medicare does not pay S-code per diems (its home infusion professional services, for the drugs of its home infusion benefit, are the G-codes G0068–G0070, initial visit G0088–G0090).',
    policy: '002',
    quote: 'The following per diem coding structure is commonly accepted by private payers:',
  },
  // Mutually exclusive per diems (001's code table)
  {
    appliesTo: between('S9329', 'S9331'),
    note: 'S9329 is not billed with S9330 or S9331 on the same day.',
    policy: '001',
    quote: '(do not use this code with S9330 or S9331)',
  },
  {
    appliesTo: between('S9364', 'S9368'),
    note: 'S9364 is not billed with the daily-volume TPN codes S9365–S9368 on the same day.',
    policy: '001',
    quote: '(do not use with home infusion codes S9365-S9368 using daily volume scales)',
  },
  {
    appliesTo: between('S9373', 'S9377'),
    note: 'S9373 is not billed with the daily-volume hydration codes S9374–S9377 on the same day.',
    policy: '001',
    quote: '(DO NOT USE WITH HYDRATION THERAPY CODES S9374-S9377 USING DAILY VOLUME SCALES)',
  },
  {
    appliesTo: (code) => code === 'S9494' || between('S9497', 'S9504')(code),
    note: 'S9494 is not billed with the hourly antibiotic per diems S9497–S9504 on the same day.',
    policy: '001',
    quote: '(DO NOT USE THIS CODE WITH HOME INFUSION CODES FOR HOURLY DOSING SCHEDULES S9497-S9504)',
  },
  {
    appliesTo: isFormulaIncludedPerDiem,
    note: 'The standard TPN formula is inside this per diem: no separate drug line is needed for it.',
    policy: '001',
    quote: 'ALL NECESSARY SUPPLIES AND EQUIPMENT, INCLUDING STANDARD TPN FORMULA',
  },
  // Supplies and kits
  {
    appliesTo: oneOf('J1642', 'A4216', 'A4218'),
    note: 'A home infusion supply: not reimbursed separately.',
    policy: '001',
    quote: 'J1642, A4216 and A4218 are considered Supply codes for Home Infusion services and are not eligible for separate reimbursement',
  },
  {
    appliesTo: (code) => isBundledSupply(code) && !isSterileSolution(code),
    note: 'Included in the per diem when billed on a day with a home infusion S-code per diem.',
    policy: '001',
    quote: 'are subject to inclusion as a supply when billed with the Home Infusion S code.',
  },
  {
    appliesTo: isSterileSolution,
    note: 'Bundled when it only keeps a line open; billed separately when prescribed as hydration (a hydration per diem that day).',
    policy: '001',
    quote: 'IV SOLUTIONS, SEPARATE BILLING IS DEPENDENT ON WHETHER INCIDENTAL TO A DRUG INFUSION (KEEPING A LINE OPEN) OR WHETHER PRESCRIBED FOR MEDICAL CONDITION I.E. HYDRATION.',
  },
  {
    appliesTo: isSeparatelyBillableKit,
    note: 'Excluded from the per diem: billed separately.',
    policy: '000',
    quote: 'PICC and midline insertion kits',
  },
  // Drugs
  {
    appliesTo: isJCode,
    note: 'Bill the 11-digit NDC with the J-code, or the line denies.',
    policy: '000',
    quote: 'HCPCS “J” codes for drugs submitted without an NDC number will *deny* for missing NDC.',
  },
  {
    appliesTo: isJCode,
    note: 'Units are the drug units implicit in the NDC (vials × billable units per vial).',
    policy: '000',
    quote: 'For **drugs**, enter the drug units implicit in the NDC number (e.g. number of vials).',
  },
  {
    appliesTo: isNocDrug,
    note: 'Not-otherwise-classified drug: write the drug name in `notes` (item 19 / SV101-7). CMS requires it for J7799 and J7999 on home infusion therapy claims; the other NOC codes name no drug either.',
    policy: '004',
    quote: 'the home infusion therapy supplier must identify the name of the drug in the comment section (data element 2400/SV101-7 of the 837P or Item 19 of the CMS-1500)',
  },
  // Nursing visits
  {
    appliesTo: oneOf(NURSING_PRIMARY, NURSING_ADDON),
    note: '99601 for a visit up to two hours; 99602 for each additional hour beyond two.',
    policy: '000',
    quote: 'bill using CPT 99601 for each nursing visit lasting up to two hours, in addition to CPT 99602 for nursing visits lasting more than two hours, with the applicable number of unit(s) for each additional hour.',
  },
  {
    appliesTo: oneOf(NURSING_PRIMARY, NURSING_ADDON),
    note: 'Nursing visits are outside the per diem and billed on their own lines.',
    policy: '000',
    quote: 'Nursing visits related to the infusion service',
  },
  {
    appliesTo: oneOf(NURSING_PRIMARY, NURSING_ADDON),
    note: 'Reports high-tech RN services.',
    policy: '003',
    quote: 'CPT codes 99601 and 99602 are used to report high-tech RN services.',
  },
  {
    appliesTo: oneOf(NURSING_PRIMARY, NURSING_ADDON),
    note: 'Requires a qualified healthcare professional to administer.',
    policy: '001',
    quote: 'requires a qualified healthcare professional to administer.',
  },
  // Medicare home infusion therapy G-codes (004)
  {
    appliesTo: (code) => hitCategory(code) === 1,
    note: 'Payment category 1: intravenous anti-infective, pain management, chelation, inotropic and similar drugs.',
    policy: '004',
    quote: 'Payment category 1 includes certain intravenous infusion drugs for therapy, prophylaxis, or diagnosis, such as antifungals and antivirals, inotropic and pulmonary hypertension drugs, pain management drugs, chelation drugs; but excludes chemotherapy and other highly complex drugs or biologicals.',
  },
  {
    appliesTo: (code) => hitCategory(code) === 2,
    note: 'Payment category 2: subcutaneous infusions such as subcutaneous immunotherapy.',
    policy: '004',
    quote: 'Payment category 2 includes subcutaneous infusions for therapy or prophylaxis, such as certain subcutaneous immunotherapy infusions.',
  },
  {
    appliesTo: (code) => hitCategory(code) === 3,
    note: 'Payment category 3: intravenous chemotherapy and other highly complex drugs.',
    policy: '004',
    quote: 'Payment category 3 includes intravenous infusions, including certain chemotherapy drugs, and other highly complex drugs and biologicals.',
  },
  {
    appliesTo: isHitInitial,
    note: 'Initial visit only for a new patient or one whose last home infusion visit was more than 60 days before; otherwise bill the subsequent-visit code.',
    policy: '004',
    quote: 'If any one of the home infusion therapy G-codes is found in the beneficiary’s claims history within 60-days prior to the date of service for an initial visit, then the initial visit claim will be rejected.',
  },
  {
    appliesTo: isHitCode,
    note: 'Units are 15-minute increments of the visit; Medicare pays one unit per payment category per infusion day.',
    policy: '004',
    quote: 'should submit claims for the appropriate G-code in multiple units of 15-minute increments to report the actual duration of each HIT service visit, the payment will be equal to only one single unit per visit.',
  },
  {
    appliesTo: isHitCode,
    note: 'Medicare Advantage plans must include this Part B benefit; ask the plan how it is billed.',
    policy: '004',
    quote: 'Medicare Advantage Plans are required to include all Medicare Part B benefits.',
  },
];

export const MODIFIER_NOTES: Readonly<Record<string, readonly PolicyNote[]>> = {
  SH: [
    {
      note: 'The second concurrently administered therapy of the day: on the second per diem.',
      policy: '001',
      quote: 'Modifiers SH (second concurrently administered infusion therapy) and SJ (third or more concurrently administered infusion therapy) must be indicated with the HCPCS code, as appropriate.',
    },
    {
      note: 'Often billed at half the standard per diem charge.',
      policy: '002',
      quote: 'Often, the second drug is billed out at half the standard per diem charge',
    },
  ],
  SJ: [
    {
      note: 'The third or later concurrently administered therapy of the day.',
      policy: '003',
      quote: 'Two situationally used modifiers allow specification of second, third or more therapies provided on the same dates of service:',
    },
    {
      note: 'Often billed at one-fourth of the standard per diem charge.',
      policy: '002',
      quote: 'the third is billed out at one-fourth of the standard per diem charge.',
    },
  ],
  JW: [
    {
      note: 'Discarded drug goes on its own line with JW, from single-use packages only.',
      policy: '000',
      quote: 'Providers must bill for drug wastage on a separate claim line appended with modifier JW to identify the unused or discarded drug/biological (from single use vial/packages only).',
    },
    {
      note: 'No wastage without an administered dose of the drug that day.',
      policy: '000',
      quote: 'Do not bill for discarded drugs if none of the drug was administered to the patient.',
    },
    {
      note: 'No wastage for multi-use vials.',
      policy: '000',
      quote: 'Do not bill for drug wastage associated with multi use vial drugs.',
    },
  ],
  KP: [
    {
      note: 'The first drug of a multiple-drug formulation (several NDCs under one code on one day).',
      policy: '000',
      quote: 'Enter modifier **KP** (first drug of a multiple drug unit dose formulation) for the first drug of a multiple drug formulation.',
    },
  ],
  KQ: [
    {
      note: 'The second and later drugs of a multiple-drug formulation.',
      policy: '000',
      quote: 'Enter modifier **KQ** (second or subsequent drug of a multiple drug unit dose formulation) to represent the second or subsequent drug formulations.',
    },
  ],
};

/** The notes that apply to a code, in the order above. */
export function notesForCode(code: string): PolicyNote[] {
  return CODE_NOTES.filter((n) => n.appliesTo(code));
}

export function notesForModifier(code: string): readonly PolicyNote[] {
  return MODIFIER_NOTES[code] ?? [];
}
