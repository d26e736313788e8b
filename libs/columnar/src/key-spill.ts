import { closeSync, existsSync, fstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RowHashes } from './key-hash';

/** Partitions by the key hash's top bits: checking one needs 1/64 of the file's keys in memory. */
export const KEY_PARTITIONS = 64;
const SHIFT = 32 - Math.log2(KEY_PARTITIONS);
/** Words per key record: key hash (2), content hash, line, status rank. */
const WORDS = 5;
const BUFFER_RECORDS = 2048;
/** Records stay in memory up to this size (~400k rows); past it every partition goes to its file, so a small import opens none. */
const MEMORY_BYTES = 8 << 20;

export function partitionOf(keyHi: number): number {
  return keyHi >>> SHIFT;
}

/** One partition's records in the order the rows came. */
export interface KeyRecords {
  length: number;
  keyHi(j: number): number;
  keyLo(j: number): number;
  content(j: number): number;
  line(j: number): number;
  rank(j: number): number;
}

/**
 * Every accepted row's key, content hash, line and status rank, partitioned by key hash and kept in
 * memory while they are few, then in temporary files (always in memory without a folder): an import
 * of any size checks its keys and its overlap with earlier imports one partition at a time, in memory
 * that does not grow with the file.
 */
export class KeySpill {
  private readonly buffers: Uint32Array[] = [];
  private readonly filled = new Int32Array(KEY_PARTITIONS);
  /** The records written so far while they are few (null once they went to files). */
  private memory: Uint32Array[][] | null = Array.from({ length: KEY_PARTITIONS }, () => []);
  private memoryBytes = 0;
  private dir: string | null = null;
  /** A partition's file, opened at its first write once the records are on disk. */
  private readonly fds: (number | undefined)[] = [];
  rows = 0;

  /**
   * `parent`: a folder for the partition files (this process's own temporary folder), used once the
   * records pass `memoryLimit` bytes; null keeps them in memory whatever their size.
   */
  constructor(
    private readonly parent: string | null,
    private readonly memoryLimit = MEMORY_BYTES,
  ) {
    for (let p = 0; p < KEY_PARTITIONS; p++) {
      this.buffers.push(new Uint32Array(BUFFER_RECORDS * WORDS));
      this.fds.push(undefined);
    }
  }

  /** Records a batch's rows (all of them, in order). */
  add(h: RowHashes, ranks: Uint8Array | null, lineOf: (row: number) => number, length: number): void {
    for (let i = 0; i < length; i++) {
      const p = partitionOf(h.keyHi[i]);
      const buffer = this.buffers[p];
      const at = this.filled[p] * WORDS;
      buffer[at] = h.keyHi[i];
      buffer[at + 1] = h.keyLo[i];
      buffer[at + 2] = h.content[i];
      buffer[at + 3] = lineOf(i);
      buffer[at + 4] = ranks ? ranks[i] : 0;
      if (++this.filled[p] === BUFFER_RECORDS) this.flush(p);
    }
    this.rows += length;
  }

  /** One partition's records, in row order. */
  partition(p: number): KeyRecords {
    this.flush(p);
    const words = this.memory ? concatWords(this.memory[p]) : this.readFile(p);
    return {
      length: words.length / WORDS,
      keyHi: (j) => words[j * WORDS],
      keyLo: (j) => words[j * WORDS + 1],
      content: (j) => words[j * WORDS + 2],
      line: (j) => words[j * WORDS + 3],
      rank: (j) => words[j * WORDS + 4],
    };
  }

  /** Writes out what is buffered and closes the partition files (kept): returns their folder, for `absorb` elsewhere. */
  handOver(): string {
    if (!this.parent) throw new Error('KeySpill: only a spill with a folder is handed over');
    for (let p = 0; p < KEY_PARTITIONS; p++) this.flush(p);
    this.toDisk();
    for (const fd of this.fds.splice(0, KEY_PARTITIONS, ...new Array<undefined>(KEY_PARTITIONS))) if (fd !== undefined) closeSync(fd);
    return this.dir!;
  }

  /** Appends the records of a spill handed over (`handOver`, rows after this spill's rows), and removes its folder. */
  absorb(dir: string): void {
    for (let p = 0; p < KEY_PARTITIONS; p++) {
      const file = join(dir, String(p));
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      this.flush(p);
      this.write(p, new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
      this.rows += bytes.byteLength / (4 * WORDS);
    }
    rmSync(dir, { recursive: true, force: true });
  }

  /** Removes the partition files. */
  dispose(): void {
    for (const fd of this.fds.splice(0)) if (fd !== undefined) closeSync(fd);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(p: number): void {
    const n = this.filled[p] * WORDS;
    if (n === 0) return;
    this.write(p, this.buffers[p].subarray(0, n));
    this.filled[p] = 0;
  }

  private write(p: number, words: Uint32Array): void {
    if (this.memory) {
      this.memory[p].push(words.slice());
      this.memoryBytes += words.byteLength;
      if (this.parent && this.memoryBytes > this.memoryLimit) this.toDisk();
    } else {
      const bytes = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
      const fd = (this.fds[p] ??= openSync(join(this.dir!, String(p)), 'w+', 0o600));
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off, null);
    }
  }

  /** From now on the records go to files in a new folder under `parent`, those kept so far first. */
  private toDisk(): void {
    const memory = this.memory;
    if (!memory) return;
    this.dir = mkdtempSync(join(this.parent!, '.keys-'));
    this.memory = null;
    memory.forEach((chunks, p) => chunks.forEach((words) => this.write(p, words)));
  }

  /** The partition file read into one array of its exact size (no per-partition chunk to allocate and copy). */
  private readFile(p: number): Uint32Array {
    const fd = this.fds[p];
    if (fd === undefined) return new Uint32Array(0);
    const size = fstatSync(fd).size;
    const words = new Uint32Array(size / 4);
    const bytes = new Uint8Array(words.buffer);
    for (let pos = 0; pos < size;) {
      const n = readSync(fd, bytes, pos, size - pos, pos);
      if (n === 0) throw new Error(`key spill partition ${p}: ${size - pos} bytes missing`);
      pos += n;
    }
    return words;
  }
}

function concatWords(chunks: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
