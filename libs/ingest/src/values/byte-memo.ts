import { ByteKeyTable } from '@creator-ops/columnar';

export { hashBytes } from '@creator-ops/columnar';

/**
 * A map from byte strings (slices of a buffer) to values. The CSV reader keeps one per column so a
 * cell's outcome (parsed, masked, keyed) is worked out once per distinct cell text.
 */
export class ByteMemo<T> {
  lookups = 0;
  hits = 0;
  private readonly keys = new ByteKeyTable();
  private values: T[] = [];

  get size(): number {
    return this.keys.size;
  }

  get(buf: Buffer, start: number, end: number, hash: number): T | undefined {
    this.lookups++;
    const i = this.keys.get(buf, start, end, hash);
    if (i < 0) return undefined;
    this.hits++;
    return this.values[i];
  }

  /** Adds a key that `get` did not find. */
  set(buf: Buffer, start: number, end: number, hash: number, value: T): void {
    this.keys.set(buf, start, end, hash, this.values.length);
    this.values.push(value);
  }

  clear(): void {
    this.keys.clear();
    this.values = [];
    this.lookups = 0;
    this.hits = 0;
  }
}
