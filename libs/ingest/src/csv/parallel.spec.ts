/**
 * A CSV read by two threads (parallel.ts) must give exactly what one thread gives: the same rows,
 * values, lines, report and errors, whether the worker's part joins (the split fell between records)
 * or this thread reads on alone (it fell inside a quoted cell), and when the parts take a column's
 * decision differently (percent shape, buyer key) or a row repeats across them.
 * The worker runs compiled: `npm run build` first (npm test does).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArrowFileStore, cellValue, LINE_COLUMN, type ColumnTable, type NumColumn, type StagedColumnWriter } from '@creator-ops/columnar';
import { ingestFile } from '../ingest';
import type { IngestOptions } from '../ingest-run';
import { IngestError } from '../messages';
import { takeWarmWorker, warmUpIngestWorker } from './ingest-worker';
import { withoutLines, type SegmentSink } from '../segments';

const WORKER = path.join(process.cwd(), 'dist/apps/api/libs/ingest/src/csv/parse-worker.js');
const OK = path.join(process.cwd(), 'fixtures', 'ingest', 'ok');
const SAMPLES = path.join(process.cwd(), 'fixtures', 'samples');

function cells(table: ColumnTable): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const spec of table.specs) {
    const col = table.columns.get(spec.name)!;
    out[spec.name] = Array.from({ length: table.length }, (_, i) => cellValue(col, i));
  }
  return out;
}

let dir = '';
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first`);
  dir = mkdtempSync(path.join(tmpdir(), 'parallel-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file read by one thread, and by two (split at `share` of its bytes by default), with the outcome of the split. */
async function bothWays(file: string, { share, ...extra }: Partial<IngestOptions> & { share?: number } = {}) {
  const base = { fileName: 'x.csv', secret: 's', segmentRows: 3, spillDir: dir, ...extra };
  const one = await ingestFile(file, { ...base, parallel: false }).catch((e: unknown) => e);
  const splits: string[] = [];
  const two = await ingestFile(file, { ...base, parallel: { minBytes: 0, share, workerScript: WORKER, onSplit: (o) => splits.push(o) } }).catch(
    (e: unknown) => e,
  );
  return { one, two, splits };
}

function expectSame(one: unknown, two: unknown) {
  if (one instanceof Error) {
    expect(two).toBeInstanceOf(IngestError);
    expect((two as IngestError).code).toBe((one as IngestError).code);
    expect((two as IngestError).params).toEqual((one as IngestError).params);
    return;
  }
  const a = one as Awaited<ReturnType<typeof ingestFile>>;
  const b = two as Awaited<ReturnType<typeof ingestFile>>;
  expect(b.report).toEqual(a.report);
  expect(b.table.specs).toEqual(a.table.specs);
  expect(cells(b.table)).toEqual(cells(a.table));
  expect([...b.repeatLines]).toEqual([...a.repeatLines]);
}

function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const CSV_FILES = [
  ...readdirSync(OK).map((f) => path.join(OK, f)),
  ...readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => path.join(SAMPLES, f)),
].filter((f) => f.endsWith('.csv') || f.endsWith('.txt') || f.endsWith('.tsv'));

describe('a file read by two threads equals the file read by one', () => {
  const joined: string[] = [];
  it.each(CSV_FILES.map((f) => [path.basename(f), f]))('%s', async (name, file) => {
    const { one, two, splits } = await bothWays(file);
    expectSame(one, two);
    if (splits.includes('joined')) joined.push(name);
  });

  it('split most of those files (UTF-8 ones with data rows past the split)', () => {
    expect(joined.length).toBeGreaterThanOrEqual(Math.floor(CSV_FILES.length * 0.6));
  });

  it('joins the worker part on a plain file (rejected rows, a total row and sums in both parts)', async () => {
    const rows = ['日期,计划ID,计划名称,消耗,展示次数,点击次数,点击率'];
    for (let i = 1; i <= 60; i++)
      rows.push(`2026-09-${String((i % 28) + 1).padStart(2, '0')},${1000 + i},计划${i},${i}.5,${i * 100},${i},${i % 2 ? '1.5%' : '2%'}`);
    rows.splice(10, 0, '2026-09-01,9,x,not-a-number,1,1,1%');
    rows.splice(50, 0, '2026-09-02,9,x,1,1,1,bad%');
    rows.push('全部,-,-,1860,183000,1830,-');
    const file = write('ads.csv', rows.join('\n') + '\n');
    const { one, two, splits } = await bothWays(file);
    expect(splits).toEqual(['joined']);
    expectSame(one, two);
    const report = (two as Awaited<ReturnType<typeof ingestFile>>).report;
    // The bytes past the split are only hashed by this thread (csv/hash-rest.ts): the whole file's hash still.
    expect(report.source).toEqual({ bytes: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') });
    expect(report.rows).toEqual({ read: 63, accepted: 60, rejected: 2, skipped: 1 });
    expect(report.rejected.map((r) => r.line)).toEqual([11, 51]);
  });

  it.each([
    ['the split it counted ahead', undefined],
    ['another split (it counts again)', 0.3],
  ])('gives its part to a worker started ahead (warmed up) for %s, which is then used up', async (_, share) => {
    const rows = ['日期,计划ID,计划名称,消耗,展示次数,点击次数'];
    for (let i = 1; i <= 40; i++) rows.push(`2026-09-${String((i % 28) + 1).padStart(2, '0')},${1000 + i},计划${i},${i}.25,${i * 10},${i}`);
    // rows[k] starts on line k + 1 (the header is line 1), one later past the quoted cell over two lines in rows[20]: plan 1035's bad row is on line 37.
    rows[35] = '2026-09-08,1035,计划1035,oops,350,35';
    rows[20] = '2026-09-22,1020,"计划\n1020",20.25,200,20';
    const file = write('warm.csv', rows.join('\n') + '\n');
    const previous = process.env.CREATOR_OPS_INGEST_THREADS;
    process.env.CREATOR_OPS_INGEST_THREADS = '2';
    try {
      expect(warmUpIngestWorker([path.join(dir, 'no-such-file.csv')], WORKER, 0)).toBe(false);
      expect(warmUpIngestWorker([file], WORKER, 0)).toBe(true);
      const { one, two, splits } = await bothWays(file, { share });
      expect(splits).toEqual(['joined']);
      expectSame(one, two);
      const { report, table } = two as Awaited<ReturnType<typeof ingestFile>>;
      expect(report.rows).toEqual({ read: 40, accepted: 39, rejected: 1, skipped: 0 });
      expect(report.rejected.map((r) => r.line)).toEqual([37]);
      // Σ 消耗 = Σ (i + 0.25) for i = 1..40 without i = 35: 820 + 10 − 35.25 yuan, kept in cents.
      expect((table.columns.get('cost') as NumColumn).values.reduce((a, v) => a + v, 0)).toBe(79_475);
      expect(takeWarmWorker(WORKER)).toBeNull();
    } finally {
      if (previous === undefined) delete process.env.CREATOR_OPS_INGEST_THREADS;
      else process.env.CREATOR_OPS_INGEST_THREADS = previous;
    }
  });

  it('reads on alone when the split falls inside a quoted cell spanning lines', async () => {
    const rows = ['日期,计划ID,计划名称,消耗,展示次数,点击次数'];
    const long = '"' + Array.from({ length: 200 }, (_, i) => `第${i}行`).join('\n') + '"';
    for (let i = 1; i <= 10; i++) rows.push(`2026-09-01,${i},${i === 5 ? long : 'n' + i},1,10,1`);
    const { one, two, splits } = await bothWays(write('quoted.csv', rows.join('\r\n')));
    expect(splits).toEqual(['read-on']);
    expectSame(one, two);
  });

  /** The data row the worker's part starts with when split at half the bytes (rows of equal length). */
  const secondPartRow = (rows: string[]) => {
    const text = rows.join('\n');
    return text.slice(0, text.indexOf('\n', Math.floor(Buffer.byteLength(text) / 2)) + 1).split('\n').length - 1;
  };
  const HALF = { share: 0.5, segmentRows: 4 };

  it('restarts with the column as percent points when only the second part shows values above 1', async () => {
    const rows = ['日期,计划ID,计划名称,消耗,展示次数,点击次数,点击率'];
    for (let i = 1; i <= 40; i++) rows.push(`2026-09-01,${100 + i},a,10,100,5,0.05`);
    const from = secondPartRow(rows);
    for (let i = from; i < rows.length; i++) rows[i] = rows[i].replace(/0\.05$/, '5.00');
    const { one, two, splits } = await bothWays(write('pct.csv', rows.join('\n')), HALF);
    expect(splits).toEqual(['joined', 'joined']);
    expectSame(one, two);
    expect(cells((two as Awaited<ReturnType<typeof ingestFile>>).table)['reported_ctr'][0]).toBe(0.0005);
  });

  const HEADER = '主订单编号,子订单编号,商品ID,商品数量,订单应付金额,订单提交时间,支付完成时间,订单状态,收件人手机号';
  const order = (id: number, amount: string, phone: string) =>
    `${5000000000000000000 + id},${id}1,P1,1,${amount},2026-09-01 10:00:00,2026-09-01 10:01:00,已完成,${phone}`;

  it('drops buyer keys when a masked phone turns up only in the second part', async () => {
    const rows = [HEADER];
    for (let i = 1; i <= 40; i++) rows.push(order(10 + i, '10.00', '1380013' + String(1000 + i)));
    rows[secondPartRow(rows)] = rows[secondPartRow(rows)].replace(/\d{11}$/, '138****5678');
    const { one, two, splits } = await bothWays(write('buyer.csv', rows.join('\n')), HALF);
    expect(splits).toEqual(['joined', 'joined']);
    expectSame(one, two);
    expect((two as Awaited<ReturnType<typeof ingestFile>>).table.columns.has('buyer_id')).toBe(false);
  });

  it('skips a row of the second part repeating a row of the first; fails on a conflicting one naming both lines', async () => {
    const rows = [HEADER];
    for (let i = 1; i <= 40; i++) rows.push(order(i, '10.00', ''));
    const repeated = [...rows, order(3, '10.00', '')];
    const r = await bothWays(write('repeat.csv', repeated.join('\n')));
    expect(r.splits).toEqual(['joined']);
    expectSame(r.one, r.two);
    expect((r.two as Awaited<ReturnType<typeof ingestFile>>).report.skipped).toEqual([expect.objectContaining({ line: 42, code: 'SKIP_REPEATED_ROW' })]);
    const c = await bothWays(write('conflict.csv', [...rows, order(3, '11.00', '')].join('\n')));
    expect(c.two).toBeInstanceOf(IngestError);
    expect((c.two as IngestError).params).toMatchObject({ line: 42, firstLine: 4 });
    expectSame(c.one, c.two);
  });

  it('fails as one thread fails on bad bytes and on an unclosed quote in the second part', async () => {
    const rows = [HEADER];
    for (let i = 1; i <= 40; i++) rows.push(order(i, '10.00', ''));
    const bad = Buffer.concat([Buffer.from(rows.join('\n') + '\n'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const e1 = await bothWays(write('bad.csv', bad));
    expect((e1.two as IngestError).code).toBe('INVALID_ENCODING');
    expectSame(e1.one, e1.two);
    const e2 = await bothWays(write('open.csv', rows.join('\n') + '\n' + order(99, '"10.00', '')));
    expect(e2.splits).toEqual(['joined']);
    expectSame(e2.one, e2.two);
  });
});

/**
 * Into a column file as the app stages it: the worker's batches are taken as its stream file, not
 * decoded (SegmentSink.addStream). The placed file must hold what one thread's file holds.
 */
describe('a file read by two threads into a staged column file', () => {
  async function staged(
    file: string,
    parallel: IngestOptions['parallel'],
    name: string,
    { copyAhead = true, segmentRows = 3, beforeCopy = async (_path: string) => {} } = {},
  ) {
    const store = new ArrowFileStore(path.join(dir, name));
    const stagingDir = path.join(dir, name, 'staging');
    let writer: StagedColumnWriter = store.stage(stagingDir);
    let streamsTaken = 0;
    let copiedAhead = 0;
    const sink: SegmentSink = {
      add: (t) => writer.append(t),
      addStream: async (p, rows) => {
        if (writer.appendStream(p, rows) === null) return false;
        streamsTaken++;
        return true;
      },
      ...(copyAhead && {
        copyAhead: async (p: string, written: number) => {
          await beforeCopy(p);
          const copied = await writer.copyAhead(p, written);
          copiedAhead += Number(copied);
          return copied;
        },
      }),
      drop: (lines) => writer.rewrite((b) => withoutLines(b, lines)),
      restart: () => {
        writer.abort();
        writer = store.stage(stagingDir);
      },
    };
    const opts = { fileName: 'x.csv', secret: 's', segmentRows, spillDir: stagingDir, sink, parallel };
    const result = await ingestFile(file, opts).catch((e: unknown) => {
      writer.abort(); // as the app does when an import fails
      throw Object.assign(e as Error, { copiedAhead, stagingDir });
    });
    await writer.place('ws', result.table.kind, 'import-1');
    result.keys.dispose();
    const placed = store.pathOf('ws', result.table.kind, 'import-1');
    return { result, stored: store.read('ws', result.table.kind, 'import-1'), bytes: readFileSync(placed), streamsTaken, copiedAhead, stagingDir };
  }

  async function bothStaged(file: string) {
    const one = await staged(file, false, 'one');
    const splits: string[] = [];
    const two = await staged(file, { minBytes: 0, share: 0.5, workerScript: WORKER, onSplit: (o) => splits.push(o) }, 'two');
    expect(splits).toEqual(['joined']);
    expect(two.streamsTaken).toBe(1);
    expect(two.result.report).toEqual(one.result.report);
    expect(two.stored.specs).toEqual(one.stored.specs);
    expect(cells(two.stored)).toEqual(cells(one.stored));
    return { one, two };
  }

  it('holds every row of both parts, a repeat across them dropped from the joined file', async () => {
    const header = '主订单编号,子订单编号,商品ID,商品数量,订单应付金额,订单提交时间,支付完成时间,订单状态';
    const rows = [header];
    for (let i = 1; i <= 40; i++) rows.push(`${5000000000000000000 + i},${i}1,P${i % 3},1,${i}.25,2026-09-01 10:00:00,2026-09-01 10:01:00,已完成`);
    rows.push(rows[3]);
    const { two } = await bothStaged(write('staged-repeat.csv', rows.join('\n')));
    expect(two.stored.length).toBe(40);
    expect(cells(two.stored)['payable_amount']).toEqual(Array.from({ length: 40 }, (_, i) => (i + 1) * 100 + 25));
  });

  it("runs the sink's part observer over exactly the worker's batches and hands its result to addStream", async () => {
    // A compiled observer module, as a sink names one: it lists the lines of the rows it is shown.
    const observerModule = write(
      'line-observer.cjs',
      'exports.observePart = () => { const lines = []; return { add: (b) => lines.push(...b.columns.get("__line").values), result: () => ({ lines }) }; };',
    );
    const header = '日期,计划ID,计划名称,消耗,展示次数,点击次数';
    const rows = [header];
    for (let i = 1; i <= 40; i++) rows.push(`2026-09-01,${100 + i},计划${i},${i}.5,${i * 100},${i}`);
    rows.splice(30, 0, '2026-09-01,9,x,not-a-number,1,1');
    const file = write('observed.csv', rows.join('\n'));
    const store = new ArrowFileStore(path.join(dir, 'observed'));
    const writer = store.stage(path.join(dir, 'observed', 'staging'));
    const added: number[] = [];
    const handed: { rows: number; observed: unknown }[] = [];
    const kinds: string[] = [];
    const sink: SegmentSink = {
      add: (t) => {
        writer.append(t);
        added.push(...(t.columns.get(LINE_COLUMN) as NumColumn).values);
      },
      partObserver: (kind) => (kinds.push(kind), observerModule),
      addStream: async (p, rows, observed) => {
        handed.push({ rows, observed });
        return writer.appendStream(p, rows) !== null;
      },
      drop: () => Promise.reject(new Error('no repeats here')),
      restart: () => {
        throw new Error('no restart here');
      },
    };
    const splits: string[] = [];
    const parallel = { minBytes: 0, share: 0.5, workerScript: WORKER, onSplit: (o: string) => splits.push(o) };
    await ingestFile(file, { fileName: 'x.csv', secret: 's', segmentRows: 3, spillDir: dir, sink, parallel });
    writer.abort();
    expect(splits).toEqual(['joined']);
    expect(kinds).toEqual(['ad']);
    // Data rows are on lines 2..42, the rejected one (line 31) in neither part's batches.
    const observedLines = (handed[0]?.observed as { lines: number[] }).lines;
    expect(handed.map((h) => h.rows)).toEqual([observedLines.length]);
    expect([...added, ...observedLines]).toEqual(Array.from({ length: 41 }, (_, i) => i + 2).filter((line) => line !== 31));
    expect(added.length).toBeGreaterThan(0);
    expect(observedLines.length).toBeGreaterThan(0);
  });

  it('holds the same rows for an ad report with rejected rows and a total row', async () => {
    const rows = ['日期,计划ID,计划名称,消耗,展示次数,点击次数,点击率'];
    for (let i = 1; i <= 60; i++) rows.push(`2026-09-${String((i % 28) + 1).padStart(2, '0')},${1000 + i},计划${i % 7},${i}.5,${i * 100},${i},1%`);
    rows.splice(45, 0, '2026-09-02,9,x,1,1,1,bad%');
    rows.push('全部,-,-,1860,183000,1830,-');
    const { two } = await bothStaged(write('staged-ads.csv', rows.join('\n')));
    expect(two.stored.length).toBe(60);
    expect(cells(two.stored)['impressions'].reduce((a, b) => (a as number) + (b as number), 0)).toBe(183_000);
  });

  /** Order rows (ids from 1), each with its own amount in cents: 3 MB of rows or so at 20 000. */
  const orderRows = (count: number) =>
    Array.from({ length: count }, (_, i) => `${5000000000000000000 + i + 1},${i + 1}1,P${i % 7},1,${i + 1}.25,2026-09-01 10:00:00,2026-09-01 10:01:00,已完成`);
  const ORDER_HEADER = '主订单编号,子订单编号,商品ID,商品数量,订单应付金额,订单提交时间,支付完成时间,订单状态';
  /**
   * This thread reads a twentieth: it waits for the worker and copies its stream while the worker writes it (batches of 500
   * rows). With a fifth, a loaded CI machine once let the worker end before this thread copied anything.
   */
  const EARLY = { minBytes: 0, share: 0.05, workerScript: WORKER };

  it('copies the worker’s stream while it is written: the placed file is byte for byte the one made taking it whole at the end', async () => {
    const file = write('staged-ahead.csv', [ORDER_HEADER, ...orderRows(20_000)].join('\n'));
    const ahead = await staged(file, EARLY, 'ahead', { segmentRows: 500 });
    const atEnd = await staged(file, EARLY, 'at-end', { segmentRows: 500, copyAhead: false });
    const one = await staged(file, false, 'one-thread', { segmentRows: 500 });
    expect(ahead.copiedAhead).toBeGreaterThanOrEqual(1);
    expect(atEnd.copiedAhead).toBe(0);
    expect([ahead.streamsTaken, atEnd.streamsTaken]).toEqual([1, 1]);
    expect(ahead.bytes.equals(atEnd.bytes)).toBe(true);
    expect(ahead.result.report).toEqual(one.result.report);
    expect(cells(ahead.stored)).toEqual(cells(one.stored));
    expect(cells(ahead.stored)['payable_amount']).toEqual(Array.from({ length: 20_000 }, (_, i) => (i + 1) * 100 + 25));
    expect(readdirSync(ahead.stagingDir)).toEqual([]);
  });

  it('a worker failing after some of its stream was copied leaves nothing behind', async () => {
    // The worker reads 38,000 rows before the bad bytes: it is still writing when this thread starts copying.
    const rows = [ORDER_HEADER, ...orderRows(40_000)].join('\n') + '\n';
    const file = write('staged-fails.csv', Buffer.concat([Buffer.from(rows), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    const failure = (await staged(file, EARLY, 'fails', { segmentRows: 500 }).catch((e: unknown) => e)) as IngestError & {
      copiedAhead: number;
      stagingDir: string;
    };
    expect(failure).toBeInstanceOf(IngestError);
    expect(failure.code).toBe('INVALID_ENCODING');
    expect(failure.copiedAhead).toBeGreaterThanOrEqual(1);
    expect(readdirSync(failure.stagingDir)).toEqual([]);
  });

  it('a worker that fails and removes its stream while this thread is about to copy it: the worker’s failure is the one reported', async () => {
    const rows = [ORDER_HEADER, ...orderRows(20_000)].join('\n') + '\n';
    const file = write('staged-vanishes.csv', Buffer.concat([Buffer.from(rows), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    const untilRemoved = async (stream: string) => {
      for (let waited = 0; existsSync(stream); waited += 10) {
        if (waited > 20_000) throw new Error('the worker never removed its stream');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const failure = (await staged(file, EARLY, 'vanishes', { segmentRows: 500, beforeCopy: untilRemoved }).catch((e: unknown) => e)) as IngestError & {
      stagingDir: string;
    };
    expect(failure).toBeInstanceOf(IngestError);
    expect(failure.code).toBe('INVALID_ENCODING');
    expect(readdirSync(failure.stagingDir)).toEqual([]);
  });
});
