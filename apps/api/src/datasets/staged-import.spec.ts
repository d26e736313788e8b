/**
 * An ad import whose later batches arrive as a second thread's stream file (StagedImport.addStream):
 * the placed file and the reconciliation must be those of the same batches added one by one, and
 * the wrong ratios planted in the streamed part must be found at their lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArrowBatchWriter, ArrowFileStore, takeRows, type ColumnTable } from '@creator-ops/columnar';
import { ingestBuffer } from '@creator-ops/ingest';
import { StagedImport } from './staged-import';

let dir = '';
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'staged-import-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** 200 plan rows; the CTR of the rows at `wrong` (0-based) is reported as 9.99 % instead of clicks ÷ impressions. */
function adReport(wrong: number[]): string {
  const rows = ['日期,计划ID,计划名称,整体消耗(元),整体展示次数,整体点击次数,整体点击率'];
  for (let i = 0; i < 200; i++) {
    const impressions = 1000 + i;
    const clicks = 10 + (i % 17);
    const ctr = wrong.includes(i) ? '9.99%' : `${((clicks / impressions) * 100).toFixed(2)}%`;
    rows.push(`2026-09-${String((i % 28) + 1).padStart(2, '0')},${5000 + i},计划${i % 9},${i}.25,${impressions},${clicks},${ctr}`);
  }
  return rows.join('\n');
}

function half(table: ColumnTable, second: boolean): ColumnTable {
  const keep = Uint8Array.from({ length: table.length }, (_, i) => (i < table.length / 2 !== second ? 1 : 0));
  return takeRows(table, keep);
}

describe('StagedImport.addStream', () => {
  it('places the same rows and finds the same (planted) wrong ratios as batches added one by one', async () => {
    const wrong = [20, 150, 199];
    const { table, report } = await ingestBuffer(Buffer.from(adReport(wrong)), { fileName: 'ads.csv', secret: 's' });
    const [first, second] = [half(table, false), half(table, true)];
    const store = new ArrowFileStore(path.join(dir, 'data'));

    const byBatches = new StagedImport(store, path.join(dir, 'a'));
    byBatches.add(first);
    byBatches.add(second);
    const expected = byBatches.reconciliation(report.totalRows);

    const streamed = new StagedImport(store, path.join(dir, 'b'));
    streamed.add(first);
    const part = path.join(dir, 'part.arrow');
    const partWriter = new ArrowBatchWriter(`${part}.tmp`);
    partWriter.append(second);
    await partWriter.finishAt(part, () => {});
    expect(await streamed.addStream(part, second.length)).toBe(true);
    const got = streamed.reconciliation(report.totalRows);

    expect(got).toEqual(expected);
    // Data rows start on line 2: row i is on line i + 2.
    expect(got.issues.map((i) => [i.line, i.field])).toEqual(wrong.map((i) => [i + 2, 'reported_ctr']));
    expect(got.rowsChecked).toBe(200);

    await byBatches.place('ws-a', 'ad', 'import-a');
    await streamed.place('ws-b', 'ad', 'import-b');
    const a = store.read('ws-a', 'ad', 'import-a');
    const b = store.read('ws-b', 'ad', 'import-b');
    expect(b.length).toBe(200);
    expect(b).toEqual(a);
  });
});
