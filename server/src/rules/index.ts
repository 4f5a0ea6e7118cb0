// The rule registry, sorted by id. One module per rule under ./rules/ (eslint style);
// the catalog test checks that every rule here has its doc page and its table tests.
import type { Rule } from './types';
import { rule as bundledSupply } from './bundled-supply';
import { rule as concurrentTherapyModifier } from './concurrent-therapy-modifier';
import { rule as dateSpan } from './date-span';
import { rule as medicarePerDiem } from './medicare-per-diem';
import { rule as multiNdcKpKq } from './multi-ndc-kp-kq';
import { rule as mutuallyExclusivePerDiem } from './mutually-exclusive-per-diem';
import { rule as perDiemOrder } from './per-diem-order';
import { rule as perDiemUnits } from './per-diem-units';
import { rule as perDiemWithoutDrug } from './per-diem-without-drug';
import { rule as placeOfService } from './place-of-service';
import { rule as hitInitialVisit } from './hit-initial-visit';
import { rule as hitUnits } from './hit-units';
import { rule as jwMultiUseVial } from './jw-multi-use-vial';
import { rule as jwNonDrug } from './jw-non-drug';
import { rule as jwSeparateLine } from './jw-separate-line';
import { rule as jwWithoutAdministered } from './jw-without-administered';
import { rule as nocDrugName } from './noc-drug-name';
import { rule as nursingAddonWithoutPrimary } from './nursing-addon-without-primary';
import { rule as nursingDuration } from './nursing-duration';
import { rule as missingField } from './missing-field';
import { rule as parseError } from './parse-error';
import { rule as authMissing } from './auth-missing';
import { rule as codeFormat } from './code-format';
import { rule as codeInactive } from './code-inactive';
import { rule as drugUnits } from './drug-units';
import { rule as duplicateLine } from './duplicate-line';
import { rule as invalidValue } from './invalid-value';
import { rule as ndcCodeMismatch } from './ndc-code-mismatch';
import { rule as ndcFormat } from './ndc-format';
import { rule as ndcMissing } from './ndc-missing';
import { rule as ndcUnit } from './ndc-unit';
import { rule as unknownCode } from './unknown-code';

export const RULES: readonly Rule[] = [
  bundledSupply,
  concurrentTherapyModifier,
  dateSpan,
  medicarePerDiem,
  multiNdcKpKq,
  mutuallyExclusivePerDiem,
  perDiemOrder,
  perDiemUnits,
  perDiemWithoutDrug,
  placeOfService,
  hitInitialVisit,
  hitUnits,
  jwMultiUseVial,
  jwNonDrug,
  jwSeparateLine,
  jwWithoutAdministered,
  nocDrugName,
  nursingAddonWithoutPrimary,
  nursingDuration,
  missingField,
  parseError,
  authMissing,
  codeFormat,
  codeInactive,
  drugUnits,
  duplicateLine,
  invalidValue,
  ndcCodeMismatch,
  ndcFormat,
  ndcMissing,
  ndcUnit,
  unknownCode,
].sort((a: Rule, b: Rule) => a.meta.id.localeCompare(b.meta.id));

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);
