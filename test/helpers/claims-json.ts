// A big JSON claims file for tests that compare reading it whole and in batches
// (json-batches.ts): bigCsv's rows as claim objects holding their lines, in several styles.
import { bigCsv } from './big-csv';
import { rng } from './seeded';

export interface JsonStyle {
  /** `{ "claims": [ ... ] }` (with another key before it), else a top-level list. */
  readonly wrapped: boolean;
  readonly crlf?: boolean;
  readonly bom?: boolean;
  /** Flat line objects (no "lines"), one item a line. */
  readonly flat?: boolean;
}

const CLAIM_KEYS = ['claim_id', 'member_id', 'payer', 'auth_number'];

/** bigCsv's rows as a JSON claims file: claim objects holding their lines, in several styles. */
export function claimsJson(seed: number, rows: number, style: JsonStyle): string {
  const r = rng(seed + 1000);
  const [header, ...lines] = bigCsv(seed, rows).trim().split('\n');
  const names = header.split(',');
  const objects = lines.filter((l) => !l.startsWith('#')).map((row) => {
    // Cells as bigCsv writes them: a quoted last cell may hold a comma.
    const cells = row.split(',');
    const quoted = row.indexOf('"');
    if (quoted >= 0) cells.splice(names.length - 1, cells.length, row.slice(quoted + 1, -1));
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']).filter(([, v]) => v !== ''));
  });
  const items: string[] = [];
  if (style.flat) {
    for (const o of objects) items.push(JSON.stringify(o));
  } else {
    let k = 0;
    while (k < objects.length) {
      const first = objects[k];
      let n = 1;
      while (k + n < objects.length && objects[k + n].claim_id === first.claim_id && first.claim_id !== undefined) n++;
      // Sometimes a claim in two objects (one claim by its id: claims-format.md).
      const cut = n > 2 && r() < 0.1 ? 1 + Math.floor(r() * (n - 1)) : n;
      for (const group of [objects.slice(k, k + cut), objects.slice(k + cut, k + n)]) {
        if (group.length === 0) continue;
        const claim: Record<string, unknown> = {};
        for (const key of CLAIM_KEYS) if (group[0][key] !== undefined) claim[key] = group[0][key];
        // Numbers for some ids, as exports write them.
        if (r() < 0.05 && typeof claim.claim_id === 'string') claim.claim_id = Number(claim.claim_id.slice(1)) + 1e6;
        claim.lines = group.map((o) => {
          const own: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(o)) if (!CLAIM_KEYS.includes(key) || value !== group[0][key]) own[key] = value;
          return own;
        });
        const text = JSON.stringify(claim, null, r() < 0.5 ? 2 : undefined);
        items.push(r() < 0.05 ? `// exported claim\n${text}` : text);
      }
      k += n;
    }
  }
  const list = `[\n${items.join(',\n')}${r() < 0.5 ? ',' : ''}\n]`;
  let text = style.wrapped ? `{\n  "export": { "from": "billing", "rows": [1, 2] },\n  "claims": ${list}\n}\n` : `${list}\n`;
  if (style.crlf) text = text.replace(/\n/g, '\r\n');
  if (style.bom) text = `\ufeff${text}`;
  return text;
}
