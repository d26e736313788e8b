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
  /** Codes of the values interned as strings. */
  private index = new Map<string, number>();
  /** Codes of the values interned as UTF-8 bytes (a value has one code whichever way it came). */
  private byteIndex = new ByteKeyTable();
  private dict: string[] = [];

  set(row: number, value: string): void {
    this.setCode(row, this.intern(value));
  }

  /** The code of `value`, added when new. `owned`: the string shares no memory with a larger text (no copy needed). */
  intern(value: string, owned = false): number {
    let code = this.index.get(value);
    if (code === undefined) {
      const own = owned ? value : ownString(value);
      code = this.byteIndex.size ? this.byteIndex.find(Buffer.from(own, 'utf8')) : -1;
      if (code < 0) {
        code = this.dict.length;
        this.dict.push(own);
      }
      this.index.set(own, code);
    }
    return code;
  }

  /** `intern` of the UTF-8 text in `buf[start, end)`, without making a string unless the value is new; `ascii`: the bytes are all ASCII. */
  internBytes(buf: Buffer, start: number, end: number, ascii: boolean): number {
    const hash = hashBytes(buf, start, end);
    let code = this.byteIndex.get(buf, start, end, hash);
    if (code < 0) {
      const value = buf.toString(ascii ? 'latin1' : 'utf8', start, end);
      code = this.index.size ? (this.index.get(value) ?? -1) : -1;
      if (code < 0) {
        code = this.dict.length;
        this.dict.push(value);
      }
      this.byteIndex.set(buf, start, end, hash, code);
    }
    return code;
  }

  /** Writes a code that `intern` gave. */
  setCode(row: number, code: number): void {
    this.ensure(row);
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
    this.byteIndex = new ByteKeyTable();
    this.dict = [];
    this.epoch++;
  }

  /** Counts resets: a code remembered outside (a reader's memo of cell outcomes) is valid only within one epoch. */
  epoch = 0;

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

/** FNV-1a over the bytes. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h;
}

/**
 * A hash table from byte strings (slices of a buffer) to non-negative integers: open addressing over
 * `hashBytes`, each key copied into one arena and compared byte for byte.
 */
export class ByteKeyTable {
  size = 0;
  /** Pairs [hash, entry + 1] (0: empty): a probe reads one cache line, not one per array. */
  private table = new Int32Array(2048);
  private starts = new Int32Array(512);
  private lengths = new Int32Array(512);
  private values = new Int32Array(512);
  private arena = Buffer.allocUnsafe(16 * 1024);
  private used = 0;

  /** The value stored for the bytes, or -1. */
  get(buf: Uint8Array, start: number, end: number, hash: number): number {
    const table = this.table;
    const mask = table.length - 2;
    const length = end - start;
    for (let i = (hash << 1) & mask; ; i = (i + 2) & mask) {
      const entry = table[i + 1] - 1;
      if (entry < 0) return -1;
      if (table[i] === hash && this.lengths[entry] === length && this.sameBytes(buf, start, this.starts[entry], length)) return this.values[entry];
    }
  }

  find(key: Buffer): number {
    return this.get(key, 0, key.length, hashBytes(key, 0, key.length));
  }

  /** Adds bytes that `get` did not find. */
  set(buf: Uint8Array, start: number, end: number, hash: number, value: number): void {
    const length = end - start;
    if ((this.size + 1) * 4 > this.table.length) this.rehash(this.table.length * 2);
    if (this.size === this.starts.length) this.growEntries();
    if (this.used + length > this.arena.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + length));
      this.arena.copy(grown, 0, 0, this.used);
      this.arena = grown;
    }
    const arena = this.arena;
    if (length > 64) arena.set(buf.subarray(start, end), this.used);
    else for (let i = 0, at = this.used; i < length; i++) arena[at + i] = buf[start + i];
    const entry = this.size++;
    this.starts[entry] = this.used;
    this.lengths[entry] = length;
    this.values[entry] = value;
    this.used += length;
    this.place(this.table, hash, entry);
  }

  clear(): void {
    this.table.fill(0);
    this.size = 0;
    this.used = 0;
  }

  private place(table: Int32Array, hash: number, entry: number) {
    const mask = table.length - 2;
    let i = (hash << 1) & mask;
    while (table[i + 1] !== 0) i = (i + 2) & mask;
    table[i] = hash;
    table[i + 1] = entry + 1;
  }

  private rehash(capacity: number) {
    const old = this.table;
    const table = new Int32Array(capacity);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(table, old[i], old[i + 1] - 1);
    this.table = table;
  }

  private growEntries() {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.values = grow(this.values);
  }

  private sameBytes(buf: Uint8Array, start: number, at: number, length: number): boolean {
    const arena = this.arena;
    for (let i = 0; i < length; i++) if (buf[start + i] !== arena[at + i]) return false;
    return true;
  }
}
