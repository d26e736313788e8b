import type { RowHashes } from './key-hash';

/** What the index knew of a key when a row presented it. */
export type KeySighting = { kind: 'new'; slot: number } | { kind: 'repeat' | 'conflict'; of: number };

const EMPTY = 0;
/** Linear probing stays short at this load with well-mixed hashes; the table is sized to it once when the file's size says how many keys to expect. */
const MAX_LOAD = 0.85;
const MIN_CAPACITY = 1024;

/**
 * The natural keys of one import, seen batch by batch: per distinct key its 64-bit hash, a hash of
 * its first row's content and that row's line, 16 bytes a key in an open-addressing table (nothing
 * per column), so an import of any size checks its keys in memory that grows only with its distinct
 * keys. Two rows with the same key and the same content hash are taken as exact repeats (a wrong call
 * needs 88 equal bits); the same key over different content is a conflict. With `tags`, each key also
 * carries a small value for the caller (the rank of an order's status) in the content word's low byte.
 */
export class KeyIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** The content hash (its top 24 bits when tagged) and the tag (low 8 bits). */
  private meta: Uint32Array;
  /** The first row's line (1-based); 0 marks an empty slot. */
  private line: Uint32Array;
  private readonly tagged: boolean;
  size = 0;

  constructor(opts: { tags?: boolean } = {}) {
    this.tagged = Boolean(opts.tags);
    this.hi = new Uint32Array(MIN_CAPACITY);
    this.lo = new Uint32Array(MIN_CAPACITY);
    this.meta = new Uint32Array(MIN_CAPACITY);
    this.line = new Uint32Array(MIN_CAPACITY);
  }

  /** Slots, for iterating with `lineAt` (0: empty), `tagAt` and `keyAt`. */
  get capacity(): number {
    return this.line.length;
  }

  /** Makes room for `keys` keys in one step (call with an estimate before adding many). */
  reserve(keys: number): void {
    const capacity = Math.ceil(keys / MAX_LOAD);
    if (capacity > this.line.length) this.rehash(capacity);
  }

  /** Records row `i` of a batch (its line `line`) unless its key was seen; says what the key was. */
  add(h: RowHashes, i: number, line: number): KeySighting {
    if (line < 1) throw new Error('KeyIndex: lines are 1-based');
    if (this.size + 1 > this.line.length * MAX_LOAD) this.rehash(Math.ceil(this.line.length * 1.5));
    const slot = this.slotOf(h.keyHi[i], h.keyLo[i]);
    const content = this.tagged ? h.content[i] & 0xffffff00 : h.content[i];
    if (this.line[slot] !== EMPTY) {
      const seen = this.tagged ? this.meta[slot] & 0xffffff00 : this.meta[slot];
      return { kind: seen === content ? 'repeat' : 'conflict', of: this.line[slot] };
    }
    this.hi[slot] = h.keyHi[i];
    this.lo[slot] = h.keyLo[i];
    this.meta[slot] = content >>> 0;
    this.line[slot] = line;
    this.size++;
    return { kind: 'new', slot };
  }

  /** The slot holding the key, or -1. */
  find(keyHi: number, keyLo: number): number {
    const slot = this.slotOf(keyHi, keyLo);
    return this.line[slot] === EMPTY ? -1 : slot;
  }

  lineAt(slot: number): number {
    return this.line[slot];
  }

  tagAt(slot: number): number {
    return this.tagged ? this.meta[slot] & 0xff : 0;
  }

  setTag(slot: number, value: number): void {
    if (!this.tagged) throw new Error('KeyIndex: made without tags');
    this.meta[slot] = ((this.meta[slot] & 0xffffff00) | (value & 0xff)) >>> 0;
  }

  keyAt(slot: number): [number, number] {
    return [this.hi[slot], this.lo[slot]];
  }

  /** The slot of the key, or the empty slot where it would go (linear probing from a multiply-shift home slot). */
  private slotOf(keyHi: number, keyLo: number): number {
    const capacity = this.line.length;
    const mixed = (keyHi ^ Math.imul(keyLo, 0x9e3779b1)) >>> 0;
    let slot = Math.floor((mixed * capacity) / 4294967296);
    while (this.line[slot] !== EMPTY && (this.hi[slot] !== keyHi || this.lo[slot] !== keyLo)) slot = slot + 1 === capacity ? 0 : slot + 1;
    return slot;
  }

  private rehash(capacity: number): void {
    const { hi, lo, meta, line } = this;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.meta = new Uint32Array(capacity);
    this.line = new Uint32Array(capacity);
    for (let s = 0; s < line.length; s++) {
      if (line[s] === EMPTY) continue;
      const slot = this.slotOf(hi[s], lo[s]);
      this.hi[slot] = hi[s];
      this.lo[slot] = lo[s];
      this.meta[slot] = meta[s];
      this.line[slot] = line[s];
    }
  }
}
