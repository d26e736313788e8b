/**
 * 抖店 评价管理 export: 评价时间 ascending from 2026-01-01, ids as `"\t…"` cells, masked nicknames
 * (personal data, dropped on import), `-` for a missing logistics/service score or text, and now and
 * then a phone number written into the text (scrubbed on import).
 */
import { CRLF, csvCell, daysFromCivil, fmtTs, tabCell } from './format';
import type { Random } from './prng';
import { writeRows, type ChunkWriter } from './writer';

export const REVIEW_HEADER = [
  '评价时间',
  '订单编号',
  '子订单编号',
  '商品ID',
  '商品名称',
  '用户昵称',
  '商品评分',
  '物流评分',
  '服务评分',
  '评价内容',
  '是否有图/视频',
  '商家回复',
] as const;

const PRODUCTS = ['每日坚果 25g*30包', '麻辣牛肉干 100g*3袋', '冻干咖啡 3g*30颗', '燕麦片 即食 1kg', '保温杯 316不锈钢 500ml', '补水保湿面霜 50ml'];
const GOOD = ['很好吃，会回购', '物美价廉', '包装精美，送人很合适', '已经第三次买了', '-'];
const MID = ['一般般吧', '还行', '分量少了点', '-'];
const BAD = [
  '质量一般，有破损',
  '味道太咸，不好吃',
  '快递太慢了，一周才到',
  '包装破了，漏了一地',
  '发错货了，和描述不符',
  '客服态度差，不回复',
  '有问题打我电话13812345678',
];
const FIRST_SECOND = daysFromCivil(2026, 1, 1) * 86400;

export function writeReviews(w: ChunkWriter, rnd: Random, rows: number): Promise<number> {
  const score = rnd.weighted([
    [5, 55],
    [4, 15],
    [3, 12],
    [2, 8],
    [1, 10],
  ] as const);
  let sec = FIRST_SECOND + 8 * 3600;
  return writeRows(w, REVIEW_HEADER, rows, (i) => {
    sec += 30 + rnd.int(1800);
    const s = score();
    const id = `69179267689${String(30000000 + i).padStart(8, '0')}`;
    const side = () => (rnd.chance(0.05) ? '-' : String(Math.max(1, Math.min(5, s + rnd.range(-1, 1)))));
    const text = rnd.pick(s >= 4 ? GOOD : s === 3 ? MID : BAD);
    const product = rnd.int(PRODUCTS.length);
    return (
      [
        fmtTs(sec).replace(/-/g, '/'),
        tabCell(id),
        tabCell(id),
        tabCell(`36901122334455660${String(product + 10)}`),
        PRODUCTS[product],
        `用户***${i % 10}`,
        String(s),
        side(),
        side(),
        csvCell(text),
        rnd.chance(0.25) ? '是' : '否',
        s <= 2 && rnd.chance(0.5) ? csvCell('亲，已为您安排处理') : '-',
      ].join(',') + CRLF
    );
  });
}
