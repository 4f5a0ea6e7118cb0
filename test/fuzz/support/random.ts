// The fuzz suite's seeded randomness. One suite seed (env FUZZ_SEED, else a fixed default) feeds
// every property; each case derives its own seed from it, so a failure names the seed and case
// that replay it: `FUZZ_SEED=<seed> npx mocha out/test/fuzz/<file>.test.js`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const DEFAULT_SEED = 20260302;

/** The suite seed: FUZZ_SEED when set (decimal or 0x hex), else the fixed default. */
export function suiteSeed(): number {
  const env = process.env.FUZZ_SEED;
  if (env === undefined || env.trim() === '') return DEFAULT_SEED;
  const n = Number(env.trim());
  if (!Number.isFinite(n)) throw new Error(`FUZZ_SEED must be a number, got "${env}"`);
  return n >>> 0;
}

/** A case's own seed: the suite seed mixed with the case's name and number. */
export function caseSeed(seed: number, label: string, n: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const ch of `${label}#${n}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/** Mulberry32: small, fast, good enough for test data, and the same on every platform. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)];
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [k, w] of entries) {
      if ((x -= w) < 0) return k;
    }
    return entries[entries.length - 1][0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** A fresh generator seeded from this one (independent streams for sub-parts). */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}

/** Where failing inputs are written so they can be opened and reduced by hand. */
export function saveFailingInput(name: string, text: string | Buffer): string {
  const dir = path.join(os.tmpdir(), 'infusion-claims-fuzz');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name.replace(/[^A-Za-z0-9._-]+/g, '_'));
  fs.writeFileSync(file, text);
  return file;
}
