/**
 * An ad import whose later batches arrive as a second thread's stream file (StagedImport.addStream):
 * the placed file and the reconciliation must be those of the same batches added one by one, and
 * the wrong ratios planted in the streamed part must be found at their lines, whether the part comes
 * with its reconciliation done by the second thread (reconcile-part.ts) or is read back for it.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { ArrowBatchWriter, ArrowFileStore, takeRows, type ColumnTable } from '@creator-ops/columnar';
import { ingestBuffer, ingestFile, type ImportReport } from '@creator-ops/ingest';
import { AdReconciler, observePart, type Reconciliation } from '@creator-ops/query';
import type { ExportKind } from '@creator-ops/schemas';
import { reconcile, StagedImport } from './staged-import';

let dir = '';
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'staged-import-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `rows` plan rows; the CTR of the rows at `wrong` (0-based) is reported as 9.99 % instead of clicks ÷ impressions. */
function adReport(wrong: number[], rows = 200): string {
  const lines = ['日期,计划ID,计划名称,整体消耗(元),整体展示次数,整体点击次数,整体点击率'];
  for (let i = 0; i < rows; i++) {
    const impressions = 1000 + (i % 5000);
    const clicks = 10 + (i % 17);
    const ctr = wrong.includes(i) ? '9.99%' : `${((clicks / impressions) * 100).toFixed(2)}%`;
    lines.push(`2026-09-${String((i % 28) + 1).padStart(2, '0')},${5000 + i},计划${i % 9},${i}.25,${impressions},${clicks},${ctr}`);
  }
  return lines.join('\n');
}

function half(table: ColumnTable, second: boolean): ColumnTable {
  const keep = Uint8Array.from({ length: table.length }, (_, i) => (i < table.length / 2 !== second ? 1 : 0));
  return takeRows(table, keep);
}

/** The second half as a part file, with (`observed`) or without its reconciliation done apart; how often the part's rows were read back for it. */
async function streamedImport(store: ArrowFileStore, first: ColumnTable, second: ColumnTable, observed: boolean) {
  const streamed = new StagedImport(store, path.join(dir, 'b'));
  streamed.add(first);
  const part = path.join(dir, 'part.arrow');
  const partWriter = new ArrowBatchWriter(`${part}.tmp`);
  partWriter.append(second);
  await partWriter.finishAt(part, () => {});
  let result: unknown;
  if (observed) {
    const observer = observePart();
    observer.add(second);
    result = structuredClone(observer.result());
  }
  const adds = jest.spyOn(AdReconciler.prototype, 'add');
  try {
    expect(await streamed.addStream(part, second.length, result)).toBe(true);
    return { streamed, readBack: adds.mock.calls.length };
  } finally {
    adds.mockRestore();
  }
}

describe('StagedImport.addStream', () => {
  it.each([
    ['read back for its reconciliation (200 rows)', 200, false, [20, 150, 199]],
    ['read back for its reconciliation (30,000 rows)', 30_000, false, [20, 15_000, 29_999]],
    ['reconciled by the second thread (30,000 rows)', 30_000, true, [20, 15_000, 29_999]],
  ])('places the same rows and finds the same (planted) wrong ratios as batches added one by one: %s', async (_, rows, observed, wrong) => {
    const { table, report } = await ingestBuffer(Buffer.from(adReport(wrong, rows)), { fileName: 'ads.csv', secret: 's' });
    const [first, second] = [half(table, false), half(table, true)];
    const store = new ArrowFileStore(path.join(dir, 'data'));

    const byBatches = new StagedImport(store, path.join(dir, 'a'));
    byBatches.add(first);
    byBatches.add(second);
    const expected = byBatches.reconciliation(report.totalRows);

    const { streamed, readBack } = await streamedImport(store, first, second, observed);
    // The part is one batch: read back once, or not at all.
    expect(readBack).toBe(observed ? 0 : 1);
    const got = streamed.reconciliation(report.totalRows);

    expect(got).toEqual(expected);
    // Data rows start on line 2: row i is on line i + 2.
    expect(got.issues.map((i) => [i.line, i.field])).toEqual(wrong.map((i) => [i + 2, 'reported_ctr']));
    expect(got.rowsChecked).toBe(rows);

    await byBatches.place('ws-a', 'ad', 'import-a');
    await streamed.place('ws-b', 'ad', 'import-b');
    const a = store.read('ws-a', 'ad', 'import-a');
    const b = store.read('ws-b', 'ad', 'import-b');
    expect(b.length).toBe(rows);
    expect(b).toEqual(a);
  });

  it('reads the part back, its reconciliation done apart declined, when fewer than the 10,000 rows that settle the tolerances come before it', async () => {
    const { table } = await ingestBuffer(Buffer.from(adReport([], 200)), { fileName: 'ads.csv', secret: 's' });
    const { readBack } = await streamedImport(new ArrowFileStore(path.join(dir, 'data')), half(table, false), half(table, true), true);
    expect(readBack).toBe(1);
  });
});

/**
 * The whole way: a file read by two threads into a StagedImport whose second thread runs the compiled
 * reconcile-part.js over its part (as the built app does); `npm run build` first.
 */
describe('an ad report read by two threads into a StagedImport', () => {
  const built = path.join(process.cwd(), 'dist/apps/api/libs');
  const WORKER = path.join(built, 'ingest/src/csv/parse-worker.js');
  const RECONCILE_PART = path.join(built, 'query/src/reconcile-part.js');

  class CompiledPartStaging extends StagedImport {
    override partObserver(kind: ExportKind): string | null {
      return kind === 'ad' ? RECONCILE_PART : null;
    }
  }

  async function importReport(file: string, staging: StagedImport, parallel: false | { minBytes: 0; share: 0.5; workerScript: string }): Promise<ImportReport> {
    const splits: string[] = [];
    const options = parallel && { ...parallel, onSplit: (o: 'joined' | 'read-on') => splits.push(o) };
    const { report } = await ingestFile(file, { fileName: 'ads.csv', secret: 's', sink: staging, spillDir: dir, parallel: options });
    if (parallel) expect(splits).toEqual(['joined']);
    reconcile(report, staging);
    staging.abort();
    return report;
  }

  it.each([
    ['', false],
    [', a repeat of a wrong row in the second part dropped (the reconciliation redone)', true],
  ])('reports the same reconciliation as one thread, the planted rows of both parts found%s', async (_, repeat) => {
    if (!existsSync(WORKER) || !existsSync(RECONCILE_PART)) throw new Error(`${built} is missing: run npm run build first`);
    const wrong = [3, 14_000, 16_000, 29_998];
    const file = path.join(dir, 'ads.csv');
    const text = adReport(wrong, 30_000);
    // Row 3 (line 5) again on line 30,002: skipped as a repeat, so its wrong CTR is not an issue there.
    const repeated = repeat ? '\n' + text.split('\n')[4] : '';
    writeFileSync(file, text + repeated + '\n全部,-,-,1,1,1,9.99%\n');
    const store = new ArrowFileStore(path.join(dir, 'data'));
    const one = await importReport(file, new StagedImport(store, path.join(dir, 'one')), false);
    const absorbs = jest.spyOn(AdReconciler.prototype, 'absorb');
    try {
      const two = await importReport(file, new CompiledPartStaging(store, path.join(dir, 'two')), { minBytes: 0, share: 0.5, workerScript: WORKER });
      expect(absorbs.mock.results.map((r) => r.value)).toEqual([true]);
      expect(two).toEqual(one);
      expect(two.skipped.filter((r) => r.code === 'SKIP_REPEATED_ROW').map((r) => r.line)).toEqual(repeat ? [30_002] : []);
    } finally {
      absorbs.mockRestore();
    }
    const reconciliation = one.reconciliation as Reconciliation;
    const issues = reconciliation.issues;
    expect(issues.filter((i) => i.line !== 'total').map((i) => i.line)).toEqual(wrong.map((i) => i + 2));
    // The total row's CTR (9.99 %) is not the sums' clicks ÷ impressions either.
    expect(issues.filter((i) => i.line === 'total').map((i) => i.field)).toEqual(['reported_ctr']);
    expect(reconciliation.rowsChecked).toBe(30_000);
  });
});
