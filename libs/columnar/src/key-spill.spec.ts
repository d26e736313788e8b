import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_PARTITIONS, KeySpill, partitionOf, type KeyRecords } from './key-spill';

/** `n` rows whose key hashes spread over every partition; row i has line 100 + i and content hash 7 * i. */
function batch(from: number, n: number) {
  const keyHi = new Uint32Array(n);
  const keyLo = new Uint32Array(n);
  const content = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const row = from + i;
    keyHi[i] = (((row % KEY_PARTITIONS) << 26) | row) >>> 0;
    keyLo[i] = row * 3;
    content[i] = row * 7;
  }
  return { keyHi, keyLo, content };
}

/** The rows of partition p, as [row, line] pairs, in the order they were added. */
function rowsOf(records: KeyRecords): number[][] {
  return Array.from({ length: records.length }, (_, j) => [records.keyLo(j) / 3, records.line(j)]);
}

function expectedRows(p: number, total: number): number[][] {
  const out: number[][] = [];
  for (let row = 0; row < total; row++) if (row % KEY_PARTITIONS === p) out.push([row, 100 + row]);
  return out;
}

function add(spill: KeySpill, from: number, n: number) {
  spill.add(batch(from, n), null, (i) => 100 + from + i, n);
}

describe('KeySpill', () => {
  let parent = '';
  beforeEach(() => (parent = mkdtempSync(join(tmpdir(), 'key-spill-'))));
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('keeps the records of a small import in memory: no folder, no file', () => {
    const spill = new KeySpill(parent);
    add(spill, 0, 5000);
    for (const p of [0, 17, 63]) expect(rowsOf(spill.partition(p))).toEqual(expectedRows(p, 5000));
    expect(readdirSync(parent)).toEqual([]);
    spill.dispose();
  });

  it('moves the records to partition files past its memory limit, those kept so far first', () => {
    // Records leave a partition's buffer 2,048 at a time (40,960 bytes): the third such write passes 100 kB.
    const spill = new KeySpill(parent, 100_000);
    add(spill, 0, 3000);
    expect(readdirSync(parent)).toEqual([]);
    add(spill, 3000, 200_000);
    const [folder] = readdirSync(parent);
    expect(folder).toMatch(/^\.keys-/);
    expect(readdirSync(join(parent, folder)).length).toBe(KEY_PARTITIONS);
    expect(partitionOf(batch(5, 1).keyHi[0])).toBe(5);
    for (const p of [0, 5, 40, 63]) expect(rowsOf(spill.partition(p))).toEqual(expectedRows(p, 203_000));
    spill.dispose();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('hands over records still in memory as a folder another spill absorbs after its own', () => {
    const first = new KeySpill(parent);
    add(first, 0, 700);
    const second = new KeySpill(parent);
    add(second, 700, 300);
    const dir = second.handOver();
    expect(existsSync(dir)).toBe(true);
    first.absorb(dir);
    expect(existsSync(dir)).toBe(false);
    expect(first.rows).toBe(1000);
    for (const p of [0, 1, 33]) expect(rowsOf(first.partition(p))).toEqual(expectedRows(p, 1000));
    first.dispose();
  });

  it('keeps everything in memory without a folder, whatever the size', () => {
    const spill = new KeySpill(null, 1000);
    add(spill, 0, 2000);
    expect(rowsOf(spill.partition(9))).toEqual(expectedRows(9, 2000));
    expect(() => spill.handOver()).toThrow(/folder/);
  });
});
