/**
 * Property (issue 11, acceptance 2): for any generated export whose key columns are (partly) removed,
 * the import is refused or keeps every row: each distinct data row is accepted and stored, exact
 * repeats are the only rows skipped, and stored = accepted. Never fewer rows than accepted.
 */
import fc from 'fast-check';
import type { ExportKind } from '@creator-ops/schemas';
import { IngestError } from '../../messages';
import { csv, ingestText, stored } from './real-helpers';

interface Layout {
  kind: ExportKind;
  /** Header -> a generator of its cells (small domains, so removing a key column makes keys collide). */
  columns: Record<string, fc.Arbitrary<string | number>>;
  /** The headers that make up (or complete) the natural key: any subset of them is removed. */
  keyColumns: string[];
}

const day = fc.integer({ min: 1, max: 3 }).map((d) => `2026-06-0${d}`);
const time = fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 19, max: 20 })).map(([d, h]) => `2026-06-0${d} ${h}:30:00`);
const id = (prefix: string, n: number) => fc.integer({ min: 1, max: n }).map((i) => `${prefix}${i}`);
const amount = fc.integer({ min: 0, max: 99_999 }).map((c) => (c / 100).toFixed(2));
const count = fc.integer({ min: 0, max: 5000 });

const LAYOUTS: Layout[] = [
  {
    kind: 'order',
    columns: {
      主订单编号: id('O', 3),
      子订单编号: id('I', 6),
      商品ID: id('P', 2),
      订单应付金额: amount,
      订单状态: fc.constantFrom('已完成', '待支付', '已关闭'),
      支付完成时间: time,
    },
    keyColumns: ['主订单编号', '子订单编号'],
  },
  {
    kind: 'ad',
    columns: {
      日期: day,
      计划ID: id('178000000000000010', 3),
      计划名称: fc.constantFrom('直播间-成交', '短视频-种草'),
      单元ID: id('730000000000001', 2),
      '消耗(元)': amount,
      展示数: count,
    },
    keyColumns: ['日期', '计划ID', '计划名称', '单元ID'],
  },
  {
    kind: 'live',
    columns: { 主播昵称: fc.constantFrom('小鹿的零食铺', '阿杰好物'), 直播开始时间: time, 直播结束时间: time, 直播间观看人数: count, 直播间成交金额: amount },
    keyColumns: ['主播昵称', '直播开始时间'],
  },
  {
    kind: 'settlement',
    columns: { 结算时间: time, 订单号: id('O', 3), 子订单号: id('I', 5), 实际结算金额: amount, 佣金: amount },
    keyColumns: ['结算时间', '订单号', '子订单号'],
  },
];

const caseArb = fc.constantFrom(...LAYOUTS).chain((layout) =>
  fc.record({
    layout: fc.constant(layout),
    rows: fc.array(fc.record(layout.columns), { minLength: 1, maxLength: 12 }),
    removed: fc.subarray(layout.keyColumns),
  }),
);

describe('removing key columns never loses a row silently', () => {
  it('refuses the file or stores every distinct row', async () => {
    let imported = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ layout, rows, removed }) => {
        const header = Object.keys(layout.columns).filter((h) => !removed.includes(h));
        const cells = rows.map((r) => header.map((h) => r[h]));
        let result;
        try {
          result = await ingestText(`${layout.kind}.csv`, csv(header, cells), { kind: layout.kind });
        } catch (e) {
          if (!(e instanceof IngestError)) throw e;
          expect(['KEY_INCOMPLETE', 'MISSING_REQUIRED_FIELD', 'UNRECOGNISED_EXPORT']).toContain(e.code);
          refused++;
          return;
        }
        imported++;
        const distinct = new Set(cells.map((c) => JSON.stringify(c))).size;
        const { read, accepted, rejected, skipped } = result.report.rows;
        expect(rejected).toBe(0);
        expect(read).toBe(rows.length);
        expect(accepted).toBe(distinct);
        expect(skipped).toBe(rows.length - distinct);
        expect(stored(layout.kind, result).length).toBe(accepted);
      }),
      { numRuns: 150, seed: 20261204 },
    );
    // both outcomes occur (the generator is not trivially on one side)
    expect(imported).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });
});
