/**
 * Batches by day: the index read from a column file's headers and date column must give each batch's
 * rows and day range as the rows written say, and reading the batches that reach a day must give the
 * rows the whole merge has on those days, in the same order.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KINDS } from '@creator-ops/schemas';
import { ArrowBatchWriter } from './arrow-batch-writer';
import { tableFromIpcBytes } from './arrow-io';
import { indexBatchDays, lastDayIfNarrowable, mergeReaching, readBatchesReaching, type DatedPart } from './batch-days';
import { cellValue, type ColumnTable } from './column';
import { mergeParts } from './merge';

const MS_PER_DAY = 86_400_000;

/** An ad-report batch: (day or null, plan id, cost in yuan). */
type Row = [number | null, string, number];

function adBatch(rows: Row[], dateType: 'date' | 'datetime' = 'date'): ColumnTable {
  const plans = [...new Set(rows.map((r) => r[1]))];
  const scale = dateType === 'date' ? 1 : MS_PER_DAY;
  return {
    kind: 'ad',
    length: rows.length,
    specs: [
      { name: 'date', role: 'field', valueType: dateType },
      { name: 'plan_id', role: 'field', valueType: 'string' },
      { name: 'cost', role: 'field', valueType: 'money' },
    ],
    columns: new Map([
      // A datetime an hour into the day: its day is the floor.
      [
        'date',
        {
          type: 'num',
          values: Float64Array.from(rows, ([d]) => (d === null ? 0 : d * scale + (scale === 1 ? 0 : 3_600_000))),
          valid: Uint8Array.from(rows, ([d]) => (d === null ? 0 : 1)),
        },
      ],
      ['plan_id', { type: 'dict', codes: Int32Array.from(rows, ([, p]) => plans.indexOf(p)), dict: plans }],
      ['cost', { type: 'num', values: Float64Array.from(rows, ([, , c]) => c), valid: null }],
    ]),
  };
}

function rowsOf(t: ColumnTable): unknown[][] {
  return Array.from({ length: t.length }, (_, i) => t.specs.map((s) => cellValue(t.columns.get(s.name)!, i)));
}

let dir = '';
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'batch-days-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function fileOf(name: string, batches: ColumnTable[]): Promise<string> {
  const file = path.join(dir, `${name}.arrow`);
  const writer = new ArrowBatchWriter(path.join(dir, `${name}.tmp`));
  for (const b of batches) writer.append(b);
  await writer.finishAt(file, () => {});
  return file;
}

/** A deterministic shuffle (the rows of a real export need not be in day order). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

describe('indexBatchDays', () => {
  it("gives each batch's rows and the least and greatest day of its dated rows", async () => {
    const batches: Row[][] = [
      [
        [20000, 'A', 1],
        [20003, 'B', 2],
        [null, 'C', 3],
      ],
      [
        [null, 'A', 4],
        [null, 'B', 5],
      ],
      [
        [20010, 'A', 6],
        [19990, 'B', 7],
      ],
    ];
    const index = indexBatchDays(
      await fileOf(
        'f',
        batches.map((b) => adBatch(b)),
      ),
      'date',
    );
    expect(index!.batches.map((b) => [b.rows, b.minDay, b.maxDay])).toEqual([
      [3, 20000, 20003],
      [2, NaN, NaN],
      [2, 19990, 20010],
    ]);
  });

  it('floors milliseconds to days for a datetime column, before 1970 too', async () => {
    const index = indexBatchDays(
      await fileOf('t', [
        adBatch(
          [
            [-3, 'A', 1],
            [5, 'B', 2],
          ],
          'datetime',
        ),
      ]),
      'date',
    );
    // -3 days + 1 hour is in day -3; 5 days + 1 hour in day 5.
    expect(index!.batches.map((b) => [b.minDay, b.maxDay])).toEqual([[-3, 5]]);
  });

  it('is null for a column that is missing or holds no dates', async () => {
    const file = await fileOf('n', [adBatch([[20000, 'A', 1]])]);
    expect(indexBatchDays(file, 'paid_at')).toBeNull();
    expect(indexBatchDays(file, 'cost')).toBeNull();
  });

  it("indexes a second thread's stream taken into the file", async () => {
    const part = path.join(dir, 'part.arrow');
    const worker = new ArrowBatchWriter(part, { digest: false });
    worker.append(adBatch([[20005, 'W', 1]]));
    worker.append(adBatch([[20007, 'X', 2]]));
    await worker.close();
    const writer = new ArrowBatchWriter(path.join(dir, 'main.tmp'));
    writer.append(adBatch([[20001, 'M', 3]]));
    expect(writer.appendStream(part, 2)).not.toBeNull();
    const file = path.join(dir, 'main.arrow');
    await writer.finishAt(file, () => {});
    const index = indexBatchDays(file, 'date')!;
    expect(index.batches.map((b) => [b.minDay, b.maxDay])).toEqual([
      [20001, 20001],
      [20005, 20005],
      [20007, 20007],
    ]);
    expect(rowsOf(readBatchesReaching(file, index, 20006)!)).toEqual([[20007, 'X', 2]]);
  });
});

describe('readBatchesReaching', () => {
  it('reads exactly the batches with a day on or after the given one, with their own dictionaries', async () => {
    const days = Array.from({ length: 400 }, (_, i) => 20000 + (i % 40));
    const rows: Row[] = shuffled(
      days.map((d, i) => [i % 37 === 0 ? null : d, `P${i % 23}`, i + 0.25]),
      7,
    );
    const batches = chunks(rows, 50);
    const file = await fileOf(
      'r',
      batches.map((b) => adBatch(b)),
    );
    const index = indexBatchDays(file, 'date')!;
    for (const from of [19999, 20020, 20039, 20040]) {
      const expected = batches.filter((b) => b.some(([d]) => d !== null && d >= from)).flat();
      const read = readBatchesReaching(file, index, from);
      if (expected.length === 0) expect(read).toBeNull();
      else expect(rowsOf(read!)).toEqual(expected);
    }
    // The whole file read back is every row in order (the index's reader changes nothing).
    expect(rowsOf(tableFromIpcBytes(readFileSync(file)))).toEqual(rows);
  });
});

describe('mergeReaching', () => {
  /** Three imports of one plan report, later ones correcting some rows of earlier ones (same date and plan). */
  async function imports(): Promise<DatedPart[]> {
    const first: Row[] = [];
    for (let d = 0; d < 30; d++) for (let p = 0; p < 8; p++) first.push([20000 + d, `P${p}`, d * 100 + p]);
    const second: Row[] = first.filter(([d], i) => (d! >= 20025 || d === 20003) && i % 3 === 0).map(([d, p, c]) => [d, p, c + 0.5]);
    second.push([20031, 'P9', 7], [null, 'P1', 1]);
    const third: Row[] = second.filter((_, i) => i % 2 === 0).map(([d, p, c]) => [d, p, c + 0.25]);
    const parts: DatedPart[] = [];
    for (const [i, rows] of [first, second, third].entries()) {
      const file = await fileOf(
        `i${i}`,
        chunks(shuffled(rows, i + 1), 17).map((b) => adBatch(b)),
      );
      parts.push({ id: `i${i}`, keyFields: ['date', 'plan_id'], path: file, days: indexBatchDays(file, 'date') });
    }
    return parts;
  }

  const whole = (parts: DatedPart[]) =>
    mergeParts(
      KINDS.ad,
      parts.map((p) => ({ id: p.id, keyFields: p.keyFields, table: tableFromIpcBytes(readFileSync(p.path)) })),
    );

  it('keeps the rows of the whole merge from the day on, in the same order', async () => {
    const parts = await imports();
    const all = rowsOf(whole(parts));
    expect(lastDayIfNarrowable(KINDS.ad, parts)).toBe(20031);
    for (const from of [20000, 20003, 20024, 20029, 20031]) {
      const recent = (rows: unknown[][]) => rows.filter(([d]) => typeof d === 'number' && d >= from);
      const narrowed = mergeReaching(KINDS.ad, parts, from);
      expect(recent(rowsOf(narrowed))).toEqual(recent(all));
      expect(recent(all).length).toBeGreaterThan(0);
    }
  });

  it('is not offered when an import keys rows without the date, or a file has no index', async () => {
    const parts = await imports();
    expect(lastDayIfNarrowable(KINDS.ad, [parts[0], { ...parts[1], keyFields: ['plan_id'] }])).toBeNull();
    expect(lastDayIfNarrowable(KINDS.ad, [parts[0], { ...parts[1], days: null }])).toBeNull();
  });
});
