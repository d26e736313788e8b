import { Writable } from 'node:stream';
import Papa from 'papaparse';
import { ACCOUNT_MAX_DAYS, AD_HEADER, ORDER_HEADER, generateExport, type GenerateKind } from './index';

/** Runs the generator into memory; `slow` makes a tiny-buffered sink that acks asynchronously. */
async function gen(kind: GenerateKind, rows: number, seed: number, slow = false) {
  const parts: Buffer[] = [];
  let maxWrites = 0;
  const out = new Writable({
    highWaterMark: slow ? 256 : 16 * 1024,
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      maxWrites++;
      if (slow) setImmediate(cb);
      else cb();
    },
  });
  const res = await generateExport({ kind, rows, seed, out });
  const buf = Buffer.concat(parts);
  return { res, buf, writes: maxWrites };
}

function parse(buf: Buffer): string[][] {
  let text = buf.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  text = text.slice(1);
  const r = Papa.parse<string[]>(text, { header: false, newline: '\r\n', skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}

/** '"1,234.50"' (already unquoted by the parser) -> 123450 cents, exactly. */
function cents(s: string): number {
  const m = /^(\d{1,3}(?:,\d{3})*|\d+)\.(\d\d)$/.exec(s);
  if (!m) throw new Error(`not a money cell: ${s}`);
  return Number(m[1].replace(/,/g, '')) * 100 + Number(m[2]);
}
const int = (s: string) => {
  if (!/^(\d{1,3}(,\d{3})*|\d+)$/.test(s)) throw new Error(`not an int cell: ${s}`);
  return Number(s.replace(/,/g, ''));
};

const KINDS: GenerateKind[] = ['order', 'ad', 'account', 'content'];

describe('generateExport', () => {
  it.each(KINDS)('%s: same seed -> same bytes, different seed -> different bytes', async (kind) => {
    const a = await gen(kind, 1500, 42);
    const b = await gen(kind, 1500, 42);
    const c = await gen(kind, 1500, 43);
    expect(a.buf.equals(b.buf)).toBe(true);
    expect(a.buf.equals(c.buf)).toBe(false);
    expect(a.res).toEqual({ rows: 1500, bytes: a.buf.length });
  });

  it.each(KINDS)('%s: the record count is exact', async (kind) => {
    for (const rows of [0, 1, 2, 3, 97, 2345]) {
      const { res, buf } = await gen(kind, rows, 7);
      const recs = parse(buf);
      const extra = kind === 'ad' ? 2 : 1; // header (+ 全部 total row)
      expect(recs.length).toBe(rows + extra);
      expect(res.rows).toBe(rows);
      const width = recs[0].length;
      for (const r of recs) expect(r.length).toBe(width);
    }
  });

  it('respects back-pressure and writes the same bytes to a slow stream', async () => {
    const fast = await gen('order', 3000, 5);
    const slow = await gen('order', 3000, 5, true);
    expect(slow.buf.equals(fast.buf)).toBe(true);
    expect(slow.writes).toBeGreaterThan(5); // really written in chunks
  });

  it('ad: 全部 row equals the sums of the rows (integer cents) and ratios follow', async () => {
    const { buf } = await gen('ad', 5000, 11);
    const recs = parse(buf);
    expect(recs[0]).toEqual([...AD_HEADER]);
    const data = recs.slice(1, -1);
    const total = recs[recs.length - 1];
    expect(total[0]).toBe('全部');
    let cost = 0,
      imp = 0,
      clk = 0,
      ord = 0,
      gmv = 0;
    for (const r of data) {
      expect(r[0]).toMatch(/^2026-(08|09|10)-\d\d$/);
      expect(r[1]).toMatch(/^\d{19}$/);
      cost += cents(r[3]);
      imp += int(r[4]);
      clk += int(r[5]);
      ord += Number(r[7]);
      gmv += cents(r[8]);
      expect(r[6]).toMatch(/^(-|\d+\.\d\d%)$/);
    }
    expect(cents(total[3])).toBe(cost);
    expect(int(total[4])).toBe(imp);
    expect(int(total[5])).toBe(clk);
    expect(Number(total[7])).toBe(ord);
    expect(cents(total[8])).toBe(gmv);
    expect(total[6]).toBe(`${(Math.round((clk * 10000) / imp) / 100).toFixed(2)}%`);
    expect(total[9]).toBe((Math.round((gmv * 100) / cost) / 100).toFixed(2));
    // thousands separators are really used, and quoted in the raw text
    expect(buf.toString('utf8')).toMatch(/,"\d{1,3},\d{3}\.\d\d",/);
  });

  it('order: 抖店 shape, multi-item orders share 主订单编号, closed orders are unpaid', async () => {
    const { buf } = await gen('order', 4000, 3);
    const recs = parse(buf);
    const h = recs[0];
    expect(h).toEqual([...ORDER_HEADER]);
    for (const col of [
      '主订单编号',
      '子订单编号',
      '选购商品',
      '商品规格',
      '商品数量',
      '商品ID',
      '商家编码',
      '商品单价',
      '订单应付金额',
      '运费',
      '优惠总金额',
      '收件人',
      '收件人手机号',
      '省',
      '市',
      '区',
      '详细地址',
      '订单提交时间',
      '支付完成时间',
      '订单完成时间',
      '订单状态',
      '售后状态',
      '流量来源',
      '达人ID',
      '达人昵称',
    ])
      expect(h).toContain(col);
    const ix = (c: string) => h.indexOf(c);
    const rows = recs.slice(1);
    const perOrder = new Map<string, number>();
    const subs = new Set<string>();
    let closed = 0,
      refunded = 0,
      multiline = 0;
    const orders = new Set<string>();
    const closedOrders = new Set<string>();
    for (const r of rows) {
      const main = r[ix('主订单编号')];
      expect(main).toMatch(/^\t\d{19}$/);
      expect(r[ix('子订单编号')]).toMatch(/^\t\d{19}$/);
      expect(r[ix('商品ID')]).toMatch(/^\t\d{19}$/);
      expect(r[ix('收件人')]).toMatch(/^##密文\d+$/);
      expect(r[ix('收件人手机号')]).toMatch(/^\$\$密文\d+$/);
      expect(r[ix('订单提交时间')]).toMatch(/^\t2026-(08|09|10)-\d\d \d\d:\d\d:\d\d$/);
      perOrder.set(main, (perOrder.get(main) ?? 0) + 1);
      subs.add(r[ix('子订单编号')]);
      orders.add(main);
      if (r[ix('订单状态')] === '已关闭') {
        closed++;
        closedOrders.add(main);
        expect(r[ix('支付完成时间')]).toBe('-');
      } else {
        expect(r[ix('支付完成时间')]).toMatch(/^2026-\d\d-\d\d \d\d:\d\d:\d\d$/);
      }
      if (r[ix('售后状态')] === '退款成功') refunded++;
      if (r[ix('买家留言')].includes('\n')) multiline++;
      const payable = cents(r[ix('订单应付金额')]);
      expect(payable).toBe(cents(r[ix('商品单价')]) * Number(r[ix('商品数量')]) - cents(r[ix('优惠总金额')]) + cents(r[ix('运费')]));
      expect(cents(r[ix('优惠总金额')])).toBe(cents(r[ix('平台优惠')]) + cents(r[ix('商家优惠')]) + cents(r[ix('达人优惠')]));
    }
    expect(subs.size).toBe(rows.length); // 子订单编号 is the key
    const multi = [...perOrder.values()].filter((n) => n >= 2).length;
    expect(multi).toBeGreaterThan(orders.size * 0.1);
    expect(closedOrders.size / orders.size).toBeGreaterThan(0.06);
    expect(closedOrders.size / orders.size).toBeLessThan(0.16);
    expect(refunded).toBeGreaterThan(0);
    expect(multiline).toBeGreaterThan(0);
    expect(closed).toBeGreaterThan(0);
    // raw text: tab-wrapped ids and "" escapes, as 抖店 writes them
    const text = buf.toString('utf8');
    expect(text).toContain('"\t69179267');
    expect(text).toContain('""包装""');
  });

  it('account: consecutive valid dates from 2020-01-01, never past 2100; an 账号 column beyond that', async () => {
    const small = parse((await gen('account', 400, 9)).buf);
    expect(small[0]).toEqual(['日期', '播放量', '主页访问', '净增粉丝']);
    expect(small[1][0]).toBe('2020-01-01');
    const day = (s: string) => Date.parse(s + 'T00:00:00Z') / 86400000;
    for (let i = 2; i < small.length; i++) expect(day(small[i][0]) - day(small[i - 1][0])).toBe(1);
    expect(small.slice(1).some((r) => Number(r[3]) < 0)).toBe(true);
    expect(small.slice(1).some((r) => r[1].includes(','))).toBe(true);

    const big = parse((await gen('account', ACCOUNT_MAX_DAYS + 50, 9)).buf);
    expect(big[0]).toEqual(['账号', '日期', '播放量', '主页访问', '净增粉丝']);
    const keys = new Set<string>();
    for (const r of big.slice(1)) {
      expect(r[1] <= '2100-12-31').toBe(true);
      expect(new Date(r[1] + 'T00:00:00Z').toISOString().slice(0, 10)).toBe(r[1]); // a real calendar date
      keys.add(r[0] + '|' + r[1]);
    }
    expect(keys.size).toBe(ACCOUNT_MAX_DAYS + 50);
    expect(big[ACCOUNT_MAX_DAYS][1]).toBe('2100-12-31');
  });

  it('content: 视频 rows have fractions and 20.69s durations, 图文 rows have -, some titles span lines', async () => {
    const recs = parse((await gen('content', 1000, 4)).buf);
    const h = recs[0];
    const rows = recs.slice(1);
    const fmt = h.indexOf('体裁'),
      comp = h.indexOf('完播率'),
      dur = h.indexOf('平均播放时长');
    for (const r of rows) {
      if (r[fmt] === '图文') {
        expect(r[comp]).toBe('-');
        expect(r[dur]).toBe('-');
      } else {
        expect(r[fmt]).toBe('视频');
        expect(r[comp]).toMatch(/^0\.\d{6}$/);
        expect(r[dur]).toMatch(/^\d+\.\d\ds$/);
      }
    }
    expect(rows.some((r) => r[fmt] === '图文')).toBe(true);
    expect(rows.some((r) => r[0].includes('\n'))).toBe(true);
    expect(new Set(rows.map((r) => r[1] + '|' + r[0])).size).toBe(rows.length);
  });

  it('rejects bad options', async () => {
    const out = new Writable({ write: (_c, _e, cb) => cb() });
    await expect(generateExport({ kind: 'order', rows: -1, seed: 1, out })).rejects.toThrow(RangeError);
    await expect(generateExport({ kind: 'x' as GenerateKind, rows: 1, seed: 1, out })).rejects.toThrow(RangeError);
  });
});
