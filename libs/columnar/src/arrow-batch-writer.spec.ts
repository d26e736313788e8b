/**
 * ArrowBatchWriter.appendStream: a stream written by another writer (a second thread's part of a file)
 * joins this writer's file without being decoded. The file must read back as every batch in order,
 * and the digest returned must be the file's own.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArrowBatchWriter } from './arrow-batch-writer';
import { tableFromIpcBytes } from './arrow-io';
import { cellValue, type ColumnTable } from './column';

/** A batch of (name text, amount in cents); null marks a missing cell. */
function batch(rows: [string | null, number | null][], withExtraColumn = false): ColumnTable {
  const dict = [...new Set(rows.map(([n]) => n).filter((n): n is string => n !== null))];
  const table: ColumnTable = {
    kind: 'order',
    length: rows.length,
    specs: [
      { name: 'product_name', role: 'field', valueType: 'string' },
      { name: 'payable_amount', role: 'field', valueType: 'money' },
    ],
    columns: new Map([
      ['product_name', { type: 'dict', codes: Int32Array.from(rows, ([n]) => (n === null ? -1 : dict.indexOf(n))), dict }],
      ['payable_amount', { type: 'num', values: Float64Array.from(rows, ([, v]) => v ?? 0), valid: Uint8Array.from(rows, ([, v]) => (v === null ? 0 : 1)) }],
    ]),
  };
  if (withExtraColumn) {
    table.specs.push({ name: 'quantity', role: 'field', valueType: 'int' });
    table.columns.set('quantity', { type: 'num', values: new Float64Array(rows.length).fill(1), valid: null });
  }
  return table;
}

function rowsOf(file: string): unknown[][] {
  const t = tableFromIpcBytes(readFileSync(file));
  return Array.from({ length: t.length }, (_, i) => t.specs.map((s) => cellValue(t.columns.get(s.name)!, i)));
}

let dir = '';
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'batch-writer-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A finished stream file of `batches` (what a worker thread leaves), with the digest of a file no stream joined. */
async function streamFile(name: string, batches: ColumnTable[]): Promise<string> {
  const file = path.join(dir, name);
  const writer = new ArrowBatchWriter(path.join(dir, `${name}.tmp`));
  for (const b of batches) writer.append(b);
  const written = await writer.finishAt(file, () => {});
  expect(written.sha256).toBe(sha256(file));
  return file;
}

const A: [string | null, number | null][] = [
  ['保温杯', 9500],
  ['纸巾', null],
];
const B: [string | null, number | null][] = [[null, 1060]];
const C: [string | null, number | null][] = [
  ['纸巾', 780],
  ['咖啡', 12_900],
  ['保温杯', 9500],
];
const D: [string | null, number | null][] = [['茶', 0]];

describe('ArrowBatchWriter.appendStream', () => {
  it('joins another stream after its own batches: every row in order, the digest of the file written, the part file gone', async () => {
    const part = await streamFile('part.arrow', [batch(C), batch(D)]);
    const writer = new ArrowBatchWriter(path.join(dir, 'main.tmp'));
    writer.append(batch(A));
    writer.append(batch(B));
    const taken = writer.appendStream(part, C.length + D.length);
    expect(taken).not.toBeNull();
    expect(existsSync(part)).toBe(false);
    expect(writer.rows).toBe(7);
    const final = path.join(dir, 'final.arrow');
    const written = await writer.finishAt(final, () => {});

    expect(rowsOf(final)).toEqual([...A, ...B, ...C, ...D]);
    expect(written.bytes).toBe(readFileSync(final).length);
    expect(written.sha256).toBe(sha256(final));
    expect(readdirSync(dir).sort()).toEqual(['final.arrow']);
  });

  it('takes several streams in order (only the last keeps its end marker)', async () => {
    const first = await streamFile('p1.arrow', [batch(B)]);
    const second = await streamFile('p2.arrow', [batch(C), batch(D)]);
    const writer = new ArrowBatchWriter(path.join(dir, 'main.tmp'));
    writer.append(batch(A));
    expect(writer.appendStream(first, 1)).not.toBeNull();
    expect(writer.appendStream(second, 4)).not.toBeNull();
    const final = path.join(dir, 'final.arrow');
    const written = await writer.finishAt(final, () => {});
    expect(rowsOf(final)).toEqual([...A, ...B, ...C, ...D]);
    expect(written.sha256).toBe(sha256(final));
  });

  it('refuses a stream whose schema differs, or before its own first batch, and leaves the file where it is', async () => {
    const other = await streamFile('other.arrow', [batch(C, true)]);
    const writer = new ArrowBatchWriter(path.join(dir, 'main.tmp'));
    expect(writer.appendStream(other, 3)).toBeNull();
    writer.append(batch(A));
    expect(writer.appendStream(other, 3)).toBeNull();
    expect(existsSync(other)).toBe(true);
    expect(writer.rows).toBe(2);
    writer.abort();
  });

  it('rewrites across the joined stream (rows dropped on both sides) and appends nothing after it', async () => {
    const part = await streamFile('part.arrow', [batch(C)]);
    const writer = new ArrowBatchWriter(path.join(dir, 'main.tmp'));
    writer.append(batch(A));
    writer.appendStream(part, 3);
    expect(() => writer.append(batch(D))).toThrow(/after appendStream/);
    // Drops the first row of every batch: 保温杯 (A) and 纸巾 780 (C).
    const next = await writer.rewrite(path.join(dir, 'next.tmp'), (b) => {
      const rows = (b.length ? [...Array(b.length).keys()].slice(1) : []).map((i) => [
        cellValue(b.columns.get('product_name')!, i) as string | null,
        cellValue(b.columns.get('payable_amount')!, i) as number | null,
      ]) as [string | null, number | null][];
      return batch(rows);
    });
    const final = path.join(dir, 'final.arrow');
    await next.finishAt(final, () => {});
    expect(rowsOf(final)).toEqual([A[1], C[1], C[2]]);
    expect(readdirSync(dir).sort()).toEqual(['final.arrow']);
  });

  it('abort removes the stream it took', async () => {
    const part = await streamFile('part.arrow', [batch(C)]);
    const writer = new ArrowBatchWriter(path.join(dir, 'main.tmp'));
    writer.append(batch(A));
    writer.appendStream(part, 3);
    writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** Lets a writer move what it was given to its file (it drains in microtasks). */
const drained = () => new Promise((resolve) => setImmediate(resolve));

describe('ArrowBatchWriter.copyAhead', () => {
  /** A stream being written as a second thread writes it: in place, no digest. */
  const growing = (name: string) => new ArrowBatchWriter(path.join(dir, name), { digest: false });

  /** A writer holding A and B, and the stream file `part.arrow` being written beside it (to be joined after them). */
  function joining() {
    const writer = new ArrowBatchWriter(path.join(dir, 'main.tmp'));
    writer.append(batch(A));
    writer.append(batch(B));
    return { writer, partFile: path.join(dir, 'part.arrow'), part: growing('part.arrow') };
  }

  /**
   * What a writer of A and B taking the stream of C and D must write, worked out from two separate
   * stream files: the first without its end marker, then the second without its schema message
   * (continuation marker, metadata length, metadata).
   */
  async function joinedBytes(): Promise<Buffer> {
    const own = readFileSync(await streamFile('own.arrow', [batch(A), batch(B)]));
    const part = readFileSync(await streamFile('alone.arrow', [batch(C), batch(D)]));
    rmSync(path.join(dir, 'own.arrow'));
    rmSync(path.join(dir, 'alone.arrow'));
    expect([...own.subarray(-8)]).toEqual([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
    expect(part.readInt32LE(0)).toBe(-1);
    return Buffer.concat([own.subarray(0, own.length - 8), part.subarray(8 + part.readInt32LE(4))]);
  }

  it('copies a stream in several steps while it grows: the file is byte for byte the two streams joined', async () => {
    const expected = await joinedBytes();
    const { writer, partFile, part } = joining();
    part.append(batch(C));
    await drained();
    const first = part.written;
    expect(first).toBeGreaterThan(0);
    expect(await writer.copyAhead(partFile, first)).toBe(true);
    expect(() => writer.append(batch(D))).toThrow(/after appendStream/);
    // The same bytes again copy nothing twice.
    expect(await writer.copyAhead(partFile, first)).toBe(true);
    part.append(batch(D));
    await drained();
    expect(part.written).toBeGreaterThan(first);
    expect(await writer.copyAhead(partFile, part.written)).toBe(true);
    await part.close();

    expect(writer.appendStream(partFile, C.length + D.length)).not.toBeNull();
    expect(writer.rows).toBe(7);
    const final = path.join(dir, 'final.arrow');
    const written = await writer.finishAt(final, () => {});
    expect(readFileSync(final).equals(expected)).toBe(true);
    expect(rowsOf(final)).toEqual([...A, ...B, ...C, ...D]);
    expect(written.bytes).toBe(expected.length);
    expect(written.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(readdirSync(dir)).toEqual(['final.arrow']);
  });

  it('copies what was written before the stream closed, the rest at the end (or all of it when nothing was copied ahead)', async () => {
    const expected = await joinedBytes();
    for (const copyFirst of [true, false]) {
      const { writer, partFile, part } = joining();
      part.append(batch(C));
      part.append(batch(D));
      await drained();
      if (copyFirst) expect(await writer.copyAhead(partFile, part.written)).toBe(true);
      await part.close();
      writer.appendStream(partFile, 4);
      const final = path.join(dir, 'final.arrow');
      await writer.finishAt(final, () => {});
      expect(readFileSync(final).equals(expected)).toBe(true);
      rmSync(final);
    }
  });

  it('declines a stream of another schema, or before its own first batch, copying nothing (appending goes on)', async () => {
    const otherFile = path.join(dir, 'other.arrow');
    const other = growing('other.arrow');
    other.append(batch(C, true));
    await drained();
    const writer = new ArrowBatchWriter(path.join(dir, 'main.tmp'));
    expect(await writer.copyAhead(otherFile, other.written)).toBe(false);
    writer.append(batch(A));
    expect(await writer.copyAhead(otherFile, other.written)).toBe(false);
    writer.append(batch(B));
    const final = path.join(dir, 'final.arrow');
    await writer.finishAt(final, () => {});
    expect(rowsOf(final)).toEqual([...A, ...B]);
    other.abort();
    expect(readdirSync(dir)).toEqual(['final.arrow']);
  });

  it('a failure after copying ahead leaves nothing behind: abort removes its file, the stream stays its writer’s to remove', async () => {
    const partFile = path.join(dir, 'part.arrow');
    const part = growing('part.arrow');
    const writer = new ArrowBatchWriter(path.join(dir, 'main.tmp'));
    writer.append(batch(A));
    part.append(batch(C));
    await drained();
    expect(await writer.copyAhead(partFile, part.written)).toBe(true);
    writer.abort();
    expect(readdirSync(dir)).toEqual(['part.arrow']);
    part.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('will not finish with a stream copied ahead but never taken, and removes its file', async () => {
    const part = growing('part.arrow');
    const writer = new ArrowBatchWriter(path.join(dir, 'main.tmp'));
    writer.append(batch(A));
    part.append(batch(C));
    await drained();
    expect(await writer.copyAhead(path.join(dir, 'part.arrow'), part.written)).toBe(true);
    await expect(writer.finishAt(path.join(dir, 'final.arrow'), () => {})).rejects.toThrow(/not taken/);
    part.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});
