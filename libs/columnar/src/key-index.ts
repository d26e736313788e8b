import type { RowHashes } from './key-hash';

/** What the index knew of a key when a row presented it. */
export type KeySighting = { kind: 'new'; slot: number } | { kind: 'repeat' | 'conflict'; of: number };

const EMPTY = 0;
const MAX_LOAD = 0.75;

/**
 * The natural keys of one import, seen batch by batch: per distinct key its 64-bit hash, the 32-bit
 * hash of its first row's content and that row's line, in an open-addressing table (16 bytes a key,
 * nothing per column), so an import of any size checks its keys in memory that grows only with its
 * distinct keys. Two rows with the same key and the same content hash are taken as exact repeats
 * (a wrong call needs 96 equal bits); the same key over different content is a conflict.
 */
export class KeyIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private content: Uint32Array;
  /** The first row's line (1-based); 0 marks an empty slot. */
  private line: Uint32Array;
  /** A small value per key for the caller (e.g. the rank of an order's status), when asked for. */
  private tag: Uint8Array | null;
  size = 0;

  constructor(opts: { tags?: boolean } = {}) {
    const capacity = 1024;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.content = new Uint32Array(capacity);
    this.line = new Uint32Array(capacity);
    this.tag = opts.tags ? new Uint8Array(capacity) : null;
  }

  /** Slots, for iterating with `lineAt` (0: empty), `tagAt` and `keyAt`. */
  get capacity(): number {
    return this.line.length;
  }

  tagAt(slot: number): number {
    return this.tag ? this.tag[slot] : 0;
  }

  setTag(slot: number, value: number): void {
    if (!this.tag) throw new Error('KeyIndex: made without tags');
    this.tag[slot] = value;
  }

  keyAt(slot: number): [number, number] {
    return [this.hi[slot], this.lo[slot]];
  }

  /** Grows once to hold `keys` keys (call with an estimate before adding many, to avoid rehashing twice). */
  reserve(keys: number): void {
    let capacity = this.line.length;
    while (capacity * MAX_LOAD < keys) capacity *= 2;
    if (capacity !== this.line.length) this.rehash(capacity);
  }

  /** Records row `i` of a batch (its line `line`) unless its key was seen; says what the key was. */
  add(h: RowHashes, i: number, line: number): KeySighting {
    if (line < 1) throw new Error('KeyIndex: lines are 1-based');
    if (this.size + 1 > this.line.length * MAX_LOAD) this.rehash(this.line.length * 2);
    const slot = this.slotOf(h.keyHi[i], h.keyLo[i]);
    if (this.line[slot] !== EMPTY) return { kind: this.content[slot] === h.content[i] ? 'repeat' : 'conflict', of: this.line[slot] };
    this.hi[slot] = h.keyHi[i];
    this.lo[slot] = h.keyLo[i];
    this.content[slot] = h.content[i];
    this.line[slot] = line;
    this.size++;
    return { kind: 'new', slot };
  }

  /** The slot holding the key, or -1. */
  find(keyHi: number, keyLo: number): number {
    const slot = this.slotOf(keyHi, keyLo);
    return this.line[slot] === EMPTY ? -1 : slot;
  }

  /** The line of the first row with the key in slot `slot`. */
  lineAt(slot: number): number {
    return this.line[slot];
  }

  /** The slot of the key, or the empty slot where it would go (linear probing). */
  private slotOf(keyHi: number, keyLo: number): number {
    const mask = this.line.length - 1;
    let slot = (keyHi ^ Math.imul(keyLo, 0x9e3779b1)) & mask;
    while (this.line[slot] !== EMPTY && (this.hi[slot] !== keyHi || this.lo[slot] !== keyLo)) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(capacity: number): void {
    const { hi, lo, content, line, tag } = this;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.content = new Uint32Array(capacity);
    this.line = new Uint32Array(capacity);
    this.tag = tag ? new Uint8Array(capacity) : null;
    for (let s = 0; s < line.length; s++) {
      if (line[s] === EMPTY) continue;
      const slot = this.slotOf(hi[s], lo[s]);
      this.hi[slot] = hi[s];
      this.lo[slot] = lo[s];
      this.content[slot] = content[s];
      this.line[slot] = line[s];
      if (this.tag) this.tag[slot] = tag![s];
    }
  }
}
