/**
 * 抖店 评价管理 export (issue 17): fixtures/samples/doudian-reviews.csv, 16 reviews of 3 products.
 * Every expectation is read off the CSV text by hand.
 */
import path from 'node:path';
import { ingestFile } from '../ingest';
import { scrubFreeText } from '../pii-text';
import { col, expectRowsAddUp, wall, warning } from './golden-helpers';

const FILE = path.join(process.cwd(), 'fixtures', 'samples', 'doudian-reviews.csv');
const load = () => ingestFile(FILE, { fileName: 'doudian-reviews.csv', account: '小鹿的零食铺' });

describe('doudian-reviews.csv (抖店 评价管理)', () => {
  it('is detected as a review export, keyed by 子订单编号, nicknames dropped', async () => {
    const { table, report } = await load();
    expect(report.kind).toBe('review');
    expect(report.naturalKey).toEqual(['order_item_id']);
    expect(report.rows).toEqual({ read: 16, accepted: 16, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    const m = Object.fromEntries(report.mapping.map((x) => [x.source, x.field]));
    expect(m).toMatchObject({
      评价时间: 'reviewed_at',
      订单编号: 'order_id',
      子订单编号: 'order_item_id',
      商品评分: 'product_score',
      物流评分: 'logistics_score',
      服务评分: 'service_score',
      评价内容: 'content',
      '是否有图/视频': 'has_media',
      追评内容: 'followup_content',
      商家回复: 'reply',
    });
    expect(m['用户昵称']).toBeNull();
    expect(table.columns.has('用户昵称')).toBe(false);
    expect(warning(report, 'PII_DROPPED').params).toMatchObject({ columns: '用户昵称' });
  });

  it('keeps ids exact, scores as integers and `-` as null', async () => {
    const { table } = await load();
    expect(col(table, 'order_id').slice(0, 2)).toEqual(['6917926768920140010', '6917926768920140020']);
    expect(col(table, 'product_id')[0]).toBe('3690112233445566001');
    expect(col(table, 'reviewed_at')[0]).toBe(wall(2026, 10, 2, 10, 15, 22));
    expect(col(table, 'product_score')).toEqual([5, 2, 5, 1, 4, 3, 5, 1, 5, 4, 2, 5, 5, 4, 3, 1]);
    // line 14 (4013): 物流评分 and 服务评分 are "-"
    expect(col(table, 'logistics_score')[12]).toBeNull();
    expect(col(table, 'service_score')[12]).toBeNull();
    // line 8 (4007): the review text is "-"
    expect(col(table, 'content')[6]).toBeNull();
    expect(col(table, 'followup_at')[1]).toBe(wall(2026, 10, 5, 10, 0, 0));
    expect(col(table, 'followup_content')[1]).toBe('客服态度还可以');
    expect(col(table, 'has_media').filter((v) => v === '是')).toHaveLength(4);
  });

  it('scrubs the phone, address, WeChat id and ID-card number written into 4 review texts', async () => {
    const { table, report } = await load();
    const text = col(table, 'content') as (string | null)[];
    expect(text[3]).toBe('包装破损，咖啡洒了一半，联系客服电话[已隐藏]没人接');
    expect(text[7]).toBe('发错货了，我要的是香辣味，[已隐藏]还要我自己退');
    expect(text[11]).toBe('好吃不贵，加我[已隐藏] 拼单');
    expect(text[15]).toBe('收到有异味，质量有问题，退款还要我提供身份证[已隐藏]，离谱');
    expect(text[0]).toBe('很好吃，坚果很新鲜，会回购');
    expect(warning(report, 'PII_TEXT_SCRUBBED').params).toEqual({ count: 4, columns: '评价内容' });
    const all = JSON.stringify(text);
    for (const secret of ['13812345678', '张江路123号', 'wxid_abc123', '110101199003074512']) expect(all).not.toContain(secret);
  });
});

describe('scrubFreeText', () => {
  it.each([
    ['电话 138-1234-5678 找我', '电话 [已隐藏] 找我'],
    ['+86 13912345678', '[已隐藏]'],
    ['座机010-62345678', '座机[已隐藏]'],
    ['邮箱 a.b@example.com', '邮箱 [已隐藏]'],
    ['QQ：123456789', '[已隐藏]'],
    ['vx:abc_12345 私聊', '[已隐藏] 私聊'],
  ])('%s', (input, expected) => {
    expect(scrubFreeText(input)).toBe(expected);
  });

  it('leaves texts without contact data alone (null) — numbers like 200g or 30颗 are not phones', () => {
    expect(scrubFreeText('买了3盒，200g一袋，30颗装，2026年10月到货')).toBeNull();
    expect(scrubFreeText('订单6917926768920140010')).toBeNull();
  });
});
