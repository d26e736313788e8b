/**
 * An import read in batches must give exactly what it gives read whole: the same rows, values, line
 * numbers, report and errors, whatever the batch size, including when a later batch overturns a
 * decision earlier batches were written with (a percent column's shape, a buyer key) and when a row
 * repeats or conflicts with a row of an earlier batch.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArrowFileStore, cellValue, type ColumnTable } from '@creator-ops/columnar';
import { ingestBuffer, ingestFile } from './ingest';
import type { IngestOptions, IngestResult } from './ingest-run';
import { IngestError } from './messages';
import { SegmentCollector, type SegmentSink } from './segments';

const OK = path.join(process.cwd(), 'fixtures', 'ingest', 'ok');
const SAMPLES = path.join(process.cwd(), 'fixtures', 'samples');
const files = [
  ...readdirSync(OK).map((f) => path.join(OK, f)),
  ...readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => path.join(SAMPLES, f)),
];

/** Every cell by column name, in row order (dictionary codes play no part). */
function cells(table: ColumnTable): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const spec of table.specs) {
    const col = table.columns.get(spec.name)!;
    out[spec.name] = Array.from({ length: table.length }, (_, i) => cellValue(col, i));
  }
  return out;
}

/** Counts the batches a sink receives and the restarts it is told of. */
class CountingSink extends SegmentCollector implements SegmentSink {
  batches = 0;
  restarts = 0;
  add(segment: ColumnTable): void {
    this.batches++;
    super.add(segment);
  }
  restart(): void {
    this.restarts++;
    super.restart();
  }
}

async function inBatches(run: (opts: IngestOptions) => Promise<IngestResult>, segmentRows: number) {
  const sink = new CountingSink();
  const result = await run({ fileName: 'x.csv', secret: 's', sink, segmentRows });
  const table = sink.table(result.report.kind, result.table.specs);
  return { result, table, sink };
}

describe('an import read in batches equals the import read whole', () => {
  it.each(files.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const whole = await ingestFile(file, { fileName: 'x.csv', secret: 's' });
    for (const segmentRows of [1, 2, 3, 7]) {
      const { result, table, sink } = await inBatches((o) => ingestFile(file, o), segmentRows);
      expect(result.report).toEqual(whole.report);
      expect(table.specs).toEqual(whole.table.specs);
      expect(table.length).toBe(whole.table.length);
      expect(cells(table)).toEqual(cells(whole.table));
      expect(result.table.length).toBe(0);
      if (whole.table.length > segmentRows) expect(sink.batches).toBeGreaterThan(1);
    }
  });
});

const ORDERS_HEADER = '主订单编号,子订单编号,商品ID,商品数量,订单应付金额,订单提交时间,支付完成时间,订单状态,收件人手机号';
const order = (id: string, amount: string, phone: string) => `${id},${id}1,P1,1,${amount},2026-09-01 10:00:00,2026-09-01 10:01:00,已完成,${phone}`;

describe('decisions a later batch overturns', () => {
  it('a percent column seen as fractions until a value above 1 restarts as percent points, as read whole', async () => {
    const csv = [
      '日期,计划ID,计划名称,消耗,展示次数,点击次数,点击率',
      '2026-09-01,1,a,10,100,5,0.05',
      '2026-09-02,1,a,10,100,5,0.5',
      '2026-09-03,1,a,10,100,5,5',
    ].join('\n');
    const bytes = Buffer.from(csv, 'utf8');
    const whole = await ingestBuffer(bytes, { fileName: 'x.csv', secret: 's' });
    expect(cells(whole.table)['reported_ctr']).toEqual([0.0005, 0.005, 0.05]);
    const { result, table, sink } = await inBatches((o) => ingestBuffer(bytes, o), 1);
    expect(sink.restarts).toBe(1);
    expect(cells(table)).toEqual(cells(whole.table));
    expect(result.report).toEqual(whole.report);
  });

  it('a masked phone after batches with buyer keys restarts without buyer keys, as read whole', async () => {
    const csv = [ORDERS_HEADER, order('5000000000000000001', '10.00', '13800138000'), order('5000000000000000002', '20.00', '138****5678')].join('\n');
    const bytes = Buffer.from(csv, 'utf8');
    const whole = await ingestBuffer(bytes, { fileName: 'x.csv', secret: 's' });
    expect(whole.table.columns.has('buyer_id')).toBe(false);
    const { result, table, sink } = await inBatches((o) => ingestBuffer(bytes, o), 1);
    expect(sink.restarts).toBe(1);
    expect(table.specs).toEqual(whole.table.specs);
    expect(result.report).toEqual(whole.report);
  });

  it('a row repeating a row of an earlier batch is skipped once; a conflicting one fails the file naming both lines', async () => {
    const a = order('5000000000000000001', '10.00', '');
    const b = order('5000000000000000002', '20.00', '');
    const repeated = Buffer.from([ORDERS_HEADER, a, b, a].join('\n'), 'utf8');
    const { result, table } = await inBatches((o) => ingestBuffer(repeated, o), 1);
    expect(table.length).toBe(2);
    expect(result.report.rows).toEqual({ read: 3, accepted: 2, rejected: 0, skipped: 1 });
    expect(result.report.skipped).toEqual([expect.objectContaining({ line: 4, code: 'SKIP_REPEATED_ROW' })]);

    const conflicting = Buffer.from([ORDERS_HEADER, a, b, order('5000000000000000001', '11.00', '')].join('\n'), 'utf8');
    const error = await inBatches((o) => ingestBuffer(conflicting, o), 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('KEY_INCOMPLETE');
    expect((error as IngestError).params).toMatchObject({ line: 4, firstLine: 2, count: 1 });
  });
});

describe('the column file written batch by batch', () => {
  it('reads back as the table read whole, values and dictionaries alike', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'segments-'));
    try {
      const store = new ArrowFileStore(root);
      const file = path.join(SAMPLES, 'doudian-orders.csv');
      const whole = await ingestFile(file, { fileName: 'x.csv', secret: 's' });
      const writer = store.open('ws1', 'order', 'import1');
      const result = await ingestFile(file, {
        fileName: 'x.csv',
        secret: 's',
        segmentRows: 5,
        sink: { add: (t) => writer.append(t), restart: () => {}, drop: async () => {} },
      });
      const written = await writer.finish();
      expect(written.bytes).toBeGreaterThan(0);
      expect(writer.rows).toBe(result.report.rows.accepted);
      const back = store.read('ws1', 'order', 'import1');
      expect(back.specs).toEqual(whole.table.specs);
      expect(cells(back)).toEqual(cells(whole.table));
      expect(readdirSync(path.join(root, 'workspaces', 'ws1', 'order'))).toEqual(['import1.arrow']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('leaves nothing behind when aborted', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'segments-'));
    try {
      const writer = new ArrowFileStore(root).open('ws1', 'order', 'import1');
      writer.abort();
      expect(readdirSync(path.join(root, 'workspaces', 'ws1', 'order'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
