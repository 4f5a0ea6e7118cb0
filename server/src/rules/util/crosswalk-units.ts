// The service units implicit in an NDC (000: "enter the drug units implicit in the NDC number"):
// with ndc_unit UN the NDC quantity counts items (vials) and the CMS crosswalk gives the billable
// units per item under each code. drug-units checks a line's units against it; ndc-code-mismatch's
// code change brings the units of the new code along.
import { toNdc11 } from '../../codes/ndc';
import { detach } from '../../detach';
import type { CodeSet, CrosswalkEntry } from '../../codes/types';
import type { ServiceLine } from '../../model';

/** What the crosswalk says about one NDC billed under one code. */
interface PerItem {
  /** The code's crosswalk rows for the NDC. */
  readonly rows: readonly CrosswalkEntry[];
  /** The distinct billable units per item among them. */
  readonly units: readonly number[];
}

/** Per code set: NDC → code → PerItem. Half the lines of a file are drugs with a handful of
 *  distinct NDCs: look each pair up once, not once per line. */
const perItemCache = new WeakMap<CodeSet, Map<string, Map<string, PerItem>>>();

function perItemOf(codes: CodeSet, ndc11: string, hcpcs: string): PerItem {
  let byNdc = perItemCache.get(codes);
  if (!byNdc) perItemCache.set(codes, (byNdc = new Map()));
  let byCode = byNdc.get(ndc11);
  if (!byCode) byNdc.set(ndc11, (byCode = new Map()));
  let known = byCode.get(hcpcs);
  if (!known) {
    // Only the crosswalk rows of the billed code: under another code it is ndc-code-mismatch.
    const rows = codes.ndc(ndc11).filter((e) => e.hcpcs === hcpcs);
    byCode.set(detach(hcpcs), (known = { rows, units: [...new Set(rows.map((e) => e.billUnits))] }));
  }
  return known;
}

export function decimalText(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** What the line's units should be when billed under `hcpcs`: ndc_qty × the crosswalk's one
 *  billable-units-per-item value (ndc_unit UN); undefined when the crosswalk does not settle it. */
export function expectedUnits(codes: CodeSet, line: ServiceLine, hcpcs: string): { expected: number; perItem: number; ndc11: string; dosage: string } | undefined {
  const { ndcQty } = line;
  if (line.ndcUnit !== 'UN' || ndcQty === undefined || ndcQty <= 0) return undefined;
  const ndc11 = toNdc11(line.ndc);
  if (!ndc11) return undefined;
  const { rows, units: perItem } = perItemOf(codes, ndc11, hcpcs);
  if (perItem.length !== 1 || !(perItem[0] > 0)) return undefined;
  return { expected: Number((ndcQty * perItem[0]).toFixed(4)), perItem: perItem[0], ndc11, dosage: rows[0].dosage };
}
