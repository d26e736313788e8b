import { col } from '../golden-helpers';
import { ingestText } from './real-helpers';

/** 买家昵称 identifies buyers only in an export without 用户ID (RFM without phones); beside it, it is a source column. */
const HEAD = '主订单编号,子订单编号,订单应付金额,订单状态,售后状态,支付完成时间';
const ROW = (n: number) => `\t69300000000000010${n},\t69300000000000010${n},10.00,已完成,-,2026-11-03 20:15:0${n}`;

describe('fallback header aliases', () => {
  it('takes 买家昵称 as the buyer key when the export has no buyer id column', async () => {
    const r = await ingestText('nick.csv', `${HEAD},买家昵称\n${ROW(1)},小王\n${ROW(2)},小李\n${ROW(3)},小王\n`, { kind: 'order' });
    expect(r.report.mapping).toContainEqual(expect.objectContaining({ source: '买家昵称', field: 'buyer_id' }));
    expect(col(r.table, 'buyer_id')).toEqual(['小王', '小李', '小王']);
  });

  it('keeps 用户ID as the buyer key beside 买家昵称, without a duplicate-column warning, and keeps the nickname column', async () => {
    const r = await ingestText('both.csv', `${HEAD},买家昵称,用户ID\n${ROW(1)},小王,U1\n${ROW(2)},小李,U2\n${ROW(3)},小王,U3\n`, { kind: 'order' });
    expect(col(r.table, 'buyer_id')).toEqual(['U1', 'U2', 'U3']);
    expect(col(r.table, '买家昵称')).toEqual(['小王', '小李', '小王']);
    expect(r.report.warnings.map((w) => w.code)).not.toContain('DUPLICATE_COLUMN');
    expect(r.report.warnings.find((w) => w.code === 'UNKNOWN_COLUMNS')).toBeUndefined();
  });
});
