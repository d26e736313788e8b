import type { DictColumn, NumColumn } from './column';

const INITIAL_CAPACITY = 1024;

/**
 * Growable typed-array builders. `set(row, …)` writes at a row position so a row that is rejected
 * half-way is simply overwritten by the next one (the caller only advances on acceptance).
 */
export class NumBuilder {
  private values = new Float64Array(INITIAL_CAPACITY);
  private valid = new Uint8Array(INITIAL_CAPACITY);

  set(row: number, value: number): void {
    this.ensure(row);
    this.values[row] = value;
    this.valid[row] = 1;
  }

  setNull(row: number): void {
    this.ensure(row);
    this.values[row] = 0;
    this.valid[row] = 0;
  }

  /** Applies `fn` to every present value in place (used to rescale a percent column). */
  map(length: number, fn: (v: number, row: number) => number): void {
    for (let i = 0; i < length; i++) if (this.valid[i] === 1) this.values[i] = fn(this.values[i], i);
  }

  isSet(row: number): boolean {
    return row < this.valid.length && this.valid[row] === 1;
  }

  get(row: number): number {
    return this.values[row];
  }

  finish(length: number): NumColumn {
    this.ensure(length - 1);
    let nulls = 0;
    for (let i = 0; i < length; i++) if (this.valid[i] !== 1) nulls++;
    return {
      type: 'num',
      values: this.values.slice(0, length),
      valid: nulls === 0 ? null : this.valid.slice(0, length),
    };
  }

  /** Empties the builder for the next batch of rows, keeping its capacity. */
  reset(): void {
    this.values.fill(0);
    this.valid.fill(0);
  }

  private ensure(row: number): void {
    if (row < this.values.length) return;
    let cap = this.values.length * 2;
    while (cap <= row) cap *= 2;
    const v = new Float64Array(cap);
    v.set(this.values);
    const m = new Uint8Array(cap);
    m.set(this.valid);
    this.values = v;
    this.valid = m;
  }
}

export class DictBuilder {
  private codes = new Int32Array(INITIAL_CAPACITY).fill(-1);
  private index = new Map<string, number>();
  private dict: string[] = [];

  set(row: number, value: string): void {
    this.ensure(row);
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.dict.length;
      const own = ownString(value);
      this.dict.push(own);
      this.index.set(own, code);
    }
    this.codes[row] = code;
  }

  setNull(row: number): void {
    this.ensure(row);
    this.codes[row] = -1;
  }

  isSet(row: number): boolean {
    return row < this.codes.length && this.codes[row] >= 0;
  }

  /** Drops dictionary entries that no accepted row uses (values seen only in rejected rows). */
  finish(length: number): DictColumn {
    const used = new Int32Array(this.dict.length).fill(-1);
    const dict: string[] = [];
    const codes = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      const c = i < this.codes.length ? this.codes[i] : -1;
      if (c < 0) {
        codes[i] = -1;
        continue;
      }
      let nc = used[c];
      if (nc < 0) {
        nc = dict.length;
        dict.push(this.dict[c]);
        used[c] = nc;
      }
      codes[i] = nc;
    }
    return { type: 'dict', codes, dict };
  }

  /** Empties the builder (codes and dictionary) for the next batch of rows, keeping its capacity. */
  reset(): void {
    this.codes.fill(-1);
    this.index = new Map();
    this.dict = [];
  }

  private ensure(row: number): void {
    if (row < this.codes.length) return;
    let cap = this.codes.length * 2;
    while (cap <= row) cap *= 2;
    const c = new Int32Array(cap).fill(-1);
    c.set(this.codes);
    this.codes = c;
  }
}

/**
 * A copy of a string that shares no memory with the text it was cut from. Parsers hand out
 * substrings that keep their whole input chunk alive; a dictionary keeping one id per chunk would
 * otherwise retain the entire decoded file.
 */
function ownString(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}
