/** Small seeded PRNG (mulberry32) and helpers. Only arithmetic (no Math.log/exp/pow), so a seed
 *  gives the same stream on every platform and Node version. */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes any finite seed (and a per-kind salt) into a 32-bit state. */
export function seedState(seed: number, salt: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const s = Math.trunc(seed);
  const lo = (s % 4294967296) >>> 0;
  const hi = Math.floor(s / 4294967296) >>> 0;
  let h = (lo ^ Math.imul(hi, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Random {
  readonly next: Rng;
  constructor(state: number) {
    this.next = mulberry32(state);
    for (let i = 0; i < 8; i++) this.next();
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)];
  }
  /** Fixed-width string of random decimal digits. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10);
    return s;
  }
  /** Picker over [value, weight] pairs. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): () => T {
    const total = items.reduce((s, x) => s + x[1], 0);
    const values = items.map((x) => x[0]);
    const cum: number[] = [];
    let acc = 0;
    for (const [, w] of items) cum.push((acc += w / total));
    const last = values.length - 1;
    return () => {
      const r = this.next();
      for (let i = 0; i < last; i++) if (r < cum[i]) return values[i];
      return values[last];
    };
  }
}
