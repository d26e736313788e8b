/**
 * 巨量星图 订单 export (issue 17): fixtures/samples/xingtu-orders.csv, 5 orders of 4 creators.
 * Expectations read off the CSV text.
 */
import path from 'node:path';
import { ingestFile } from '../ingest';
import { col, expectRowsAddUp, wall, warning } from './golden-helpers';

const FILE = path.join(process.cwd(), 'fixtures', 'samples', 'xingtu-orders.csv');
const load = () => ingestFile(FILE, { fileName: 'xingtu-orders.csv', account: '小鹿的零食铺' });

describe('xingtu-orders.csv (巨量星图 订单)', () => {
  it('is a 星图 export keyed by 订单ID; the contact phone column is dropped', async () => {
    const { table, report } = await load();
    expect(report.kind).toBe('xingtu');
    expect(report.naturalKey).toEqual(['xt_order_id']);
    expect(report.rows).toEqual({ read: 5, accepted: 5, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    expect(warning(report, 'PII_DROPPED').params).toEqual({ columns: '对接人手机' });
    expect(table.columns.has('对接人手机')).toBe(false);
  });

  it('reads 万, money in cents, percents as fractions and `-` as null', async () => {
    const { table } = await load();
    expect(col(table, 'xt_order_id')[0]).toBe('7300000000000000001');
    expect(col(table, 'creator_followers')).toEqual([1_253_000, 860_000, 1_253_000, 120_000, 305_000]);
    expect(col(table, 'order_amount')).toEqual([1_200_000, 850_000, 600_000, 300_000, 1_500_000]);
    expect(col(table, 'plays')).toEqual([156_000, 98_000, 45_000, 20_000, 23_000]);
    expect(col(table, 'completion_rate')).toEqual([0.185, 0.221, 0.15, null, 0.098]);
    expect(col(table, 'reported_engagement_rate')[1]).toBeNull();
    expect(col(table, 'component_clicks')).toEqual([1200, 500, 240, null, 80]);
    expect(col(table, 'xt_gmv')).toEqual([3_600_000, 1_275_050, 480_000, null, 120_000]);
    expect(col(table, 'published_at')[0]).toBe(wall(2026, 10, 20, 18, 0, 0));
  });
});
