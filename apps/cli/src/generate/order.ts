/**
 * 抖店 订单管理 export, 商品维度 (one row per 子订单), same 37 columns as the real file
 * (see ../shared/samples/doudian-orders.csv): ids and some text as `"\t…"`, `-` for empty,
 * masked PII, multi-line/quoted 买家留言, multi-item orders sharing 主订单编号, ~10% 已关闭
 * orders without 支付完成时间, some 退款成功 items. Orders placed 2026-08-01 .. 2026-10-31.
 */
import { BOM, CRLF, csvCell, daysFromCivil, fmtTs, money, padNum, tabCell } from './format';
import type { Random } from './prng';
import type { ChunkWriter } from './writer';

export const ORDER_HEADER = [
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
  '平台优惠',
  '商家优惠',
  '达人优惠',
  '支付方式',
  '手续费',
  '收件人',
  '收件人手机号',
  '省',
  '市',
  '区',
  '街道',
  '详细地址',
  '买家留言',
  '订单提交时间',
  '支付完成时间',
  '订单完成时间',
  '订单状态',
  '售后状态',
  '取消原因',
  '流量来源',
  '流量类型',
  '流量体裁',
  '流量渠道',
  '达人ID',
  '达人昵称',
  '商家备注',
] as const;

const DAY0 = daysFromCivil(2026, 8, 1);
const N_DAYS = daysFromCivil(2026, 10, 31) - DAY0 + 1; // 92
const ID_PREFIX = '69179267'; // + 11 digits = 19-digit 抖店 order ids

const ITEMS: ReadonlyArray<readonly [string, readonly string[], number]> = [
  // [name, specs, base price in cents]
  ['燕麦片 即食', ['1kg', '500g*2袋'], 1990],
  ['冻干咖啡 速溶', ['3g*30颗', '3g*60颗'], 5900],
  ['厨房纸巾 抽取式', ['6包', '12包'], 1590],
  ['麻辣牛肉干 100g', ['100g*1袋', '100g*3袋'], 2990],
  ['手撕面包 整箱', ['1箱(24包)', '半箱(12包)'], 3990],
  ['保温杯 316不锈钢', ['500ml', '750ml'], 8900],
  ['每日坚果 混合装', ['25g*30包', '25g*7包'], 6990],
  ['补水保湿面霜', ['50ml', '50ml*2瓶'], 12900],
  ['氨基酸洗面奶', ['100g', '100g*2支'], 4990],
  ['防晒霜 SPF50+', ['40ml', '60ml'], 9900],
  ['纯牛奶 整箱', ['250ml*24盒', '200ml*12盒'], 5490],
  ['洗衣液 薰衣草香', ['3kg', '2kg*2瓶'], 3990],
  ['运动袜 中筒', ['5双装', '10双装'], 2990],
  ['纯棉T恤 男女同款', ['M码', 'L码', 'XL码'], 5900],
  ['蓝牙耳机 降噪', ['白色', '黑色'], 19900],
  ['气泡水 无糖', ['480ml*15瓶', '330ml*24罐'], 4590],
  ['鸭脖 卤味', ['200g', '500g'], 2590],
  ['四件套 水洗棉', ['1.5m床', '1.8m床'], 15900],
];
const BRANDS = ['', '', '', '【官方正品】', '【直播专享】', '【买一送一】', '【新品】', '良品', '三只松鼠', '认养一头牛', '蕉下', '南极人'];
const SUFFIXES = ['', '', '', '', ' 顺丰包邮', ',送礼佳品', ' 男女同款', ' "网红款"', ',家庭装'];

const PROVINCES = [
  '广东省',
  '浙江省',
  '江苏省',
  '山东省',
  '河南省',
  '四川省',
  '湖北省',
  '湖南省',
  '河北省',
  '福建省',
  '上海市',
  '北京市',
  '安徽省',
  '辽宁省',
  '陕西省',
  '江西省',
  '重庆市',
  '广西壮族自治区',
  '云南省',
  '山西省',
  '贵州省',
  '天津市',
  '黑龙江省',
  '吉林省',
  '内蒙古自治区',
  '新疆维吾尔自治区',
  '甘肃省',
  '海南省',
  '宁夏回族自治区',
  '青海省',
  '西藏自治区',
];

const NOTES: ReadonlyArray<readonly [string, number]> = [
  ['-', 55],
  ['送人的,"包装"好一点', 9],
  ['周末不在家\n请放快递柜', 9],
  ['请尽快发货,谢谢', 8],
  ['不要放驿站', 5],
  ['发顺丰', 4],
  ['麻烦核对一下"规格"再发', 4],
  ['备注：\n1. 不要发错颜色\n2. 附赠小样', 3],
  ['生日礼物，别放发票', 3],
];

const NICK_A = ['小鹿', '阿杰', '甜甜', '大伟', '元气', '美美', '老王', '果果', '安安', '一一'];
const NICK_B = ['的零食铺', '好物', '严选', '爱分享', '生活馆', '测评', '的小店', '带货中'];

interface Product {
  pre: string; // 选购商品,商品规格,
  post: string; // ,商品ID,商家编码,商品单价
  price: number; // cents
}

/** [流量来源,流量类型,流量体裁,流量渠道 cells, affiliate order (has a 达人), weight] */
const TRAFFIC: ReadonlyArray<readonly [string, boolean, number]> = [
  ['商城,自然流量,商品卡,商城推荐', false, 18],
  ['商城,自然流量,商品卡,搜索', false, 14],
  ['商城,广告,商品卡,搜索', false, 6],
  ['精选联盟,自然流量,直播,直播间', true, 26],
  ['精选联盟,广告,直播,直播间', true, 12],
  ['精选联盟,自然流量,短视频,短视频', true, 14],
  ['精选联盟,广告,短视频,短视频', true, 10],
];
type Traffic = readonly [string, boolean];

export interface OrderOptions {
  /**
   * Adds a trailing 用户ID column (the buyer key some 抖店 export templates carry) drawn from this
   * many buyers with skewed loyalty, so RFM has repeat buyers. Off by default: the standard export
   * has only masked phones.
   */
  buyers?: number;
}

const N_PROD = 2000;

/** Catalogue: 2,000 SKUs, skewed popularity (the draws come first, in this order, so a seed gives the same file). */
function catalogue(rnd: Random): Product[] {
  const products: Product[] = [];
  for (let i = 0; i < N_PROD; i++) {
    const [base, specs, basePrice] = ITEMS[i % ITEMS.length];
    const name = rnd.pick(BRANDS) + base + rnd.pick(SUFFIXES);
    const spec = rnd.pick(specs);
    const price = Math.max(99, basePrice + (rnd.range(-8, 12) * 100 - (rnd.chance(0.5) ? 10 : 0)));
    products.push({
      pre: `${tabCell(name)},${tabCell(spec)},`,
      post: `,${tabCell('369011223344' + padNum(5566001 + i, 7))},${tabCell('SKU' + padNum(i + 1, 4))},${money(price)}`,
      price,
    });
  }
  return products;
}

/** 200 达人: id and nickname cells. */
function authorCells(rnd: Random): string[] {
  const authors: string[] = [];
  for (let i = 0; i < 200; i++) {
    const nick = rnd.pick(NICK_A) + rnd.pick(NICK_B) + (i >= 180 ? String(i) : '');
    authors.push(`${tabCell('7592255573' + padNum(464597000 + i * 37, 9))},${csvCell(nick)}`);
  }
  return authors;
}

/** The order generator's distributions (created in this order, so the draws and the files stay the same). */
function orderDistributions(rnd: Random) {
  const status = rnd.weighted([
    ['已完成', 63],
    ['已发货', 19],
    ['待发货', 7],
    ['已关闭', 11],
  ] as const);
  const afterSaleShipped = rnd.weighted([
    ['-', 85],
    ['退款成功', 8],
    ['售后关闭', 5],
    ['换货成功', 1],
    ['补寄成功', 1],
  ] as const);
  const afterSalePending = rnd.weighted([
    ['-', 97],
    ['售后关闭', 3],
  ] as const);
  const payMethod = rnd.weighted([
    ['抖音支付', 70],
    ['微信', 14],
    ['支付宝', 12],
    ['抖音月付', 4],
  ] as const);
  const cancelReason = rnd.weighted([
    ['用户取消', 60],
    ['超时未支付', 30],
    ['商家取消', 10],
  ] as const);
  const note = rnd.weighted(NOTES.map(([s, wt]) => [csvCell(s), wt] as const));
  const traffic = rnd.weighted<Traffic>(TRAFFIC.map(([cells, aff, wt]) => [[cells, aff] as const, wt] as const));
  const hour = rnd.weighted(
    [1, 0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2, 2.5, 3, 3.2, 3, 2.8, 2.6, 2.6, 2.8, 3, 3.2, 4, 5, 5.5, 4.5, 2.5].map((wt, h) => [h, wt] as const),
  );
  const provinceIdx = () => Math.floor(PROVINCES.length * rnd.next() * (0.35 + 0.65 * rnd.next()));
  const merchantDisc = rnd.weighted([
    [0, 55],
    [300, 20],
    [500, 15],
    [1000, 10],
  ] as const);
  return { status, afterSaleShipped, afterSalePending, payMethod, cancelReason, note, traffic, hour, provinceIdx, merchantDisc };
}

export async function writeOrders(w: ChunkWriter, rnd: Random, rows: number, options: OrderOptions = {}): Promise<number> {
  const products = catalogue(rnd);
  const pickProduct = () => products[Math.floor(N_PROD * rnd.next() * rnd.next())];
  const authors = authorCells(rnd);
  const NO_AUTHOR = '-,-';

  const { status, afterSaleShipped, afterSalePending, payMethod, cancelReason, note, traffic, hour, provinceIdx, merchantDisc } = orderDistributions(rnd);

  const nBuyers = options.buyers ?? 0;
  await w.write(BOM + ORDER_HEADER.join(',') + (nBuyers > 0 ? ',用户ID' : '') + CRLF);

  let suffix = 68920153000; // 11-digit tail of the 主订单编号
  let written = 0;
  while (written < rows) {
    suffix += 4 + rnd.int(27); // > 3 so that 子订单编号 main+1..main+3 never collide
    const mainCell = tabCell(ID_PREFIX + suffix);
    const r = rnd.next();
    const items = Math.min(rows - written, r < 0.82 ? 1 : r < 0.97 ? 2 : 3);

    // Order-level fields (shared by its items).
    const st = status();
    const closed = st === '已关闭';
    const submit = (DAY0 + rnd.int(N_DAYS)) * 86400 + hour() * 3600 + rnd.int(3600);
    const paidAt = closed ? -1 : submit + 5 + rnd.int(900);
    const submitCell = tabCell(fmtTs(submit));
    const paidCell = closed ? '-' : fmtTs(paidAt);
    const doneCell = st === '已完成' ? fmtTs(paidAt + (3 + rnd.int(5)) * 86400 + rnd.int(7200)) : '-';
    const pay = closed ? '-' : payMethod();
    const cancel = closed ? cancelReason() : '';
    const [trafficCells, affiliate] = traffic();
    const author = affiliate || rnd.chance(0.15) ? authors[Math.floor(authors.length * rnd.next() * rnd.next())] : NO_AUTHOR;
    const pii = `##密文${100000 + rnd.int(900000)},$$密文${rnd.range(10000, 99999999)},${PROVINCES[provinceIdx()]},-,##密文,##密文,##密文${100000 + rnd.int(900000)},${note()}`;
    const tail = `${submitCell},${paidCell},${doneCell},${st},`;
    const buyer = nBuyers > 0 ? `,${tabCell('10' + padNum(4213000 + Math.floor(nBuyers * rnd.next() * rnd.next()) * 13, 9))}` : '';
    const tail2 = `,${cancel},${trafficCells},${author},${rnd.chance(0.05) ? rnd.pick(['加急', '已备注赠品', '老客户']) : '-'}${buyer}${CRLF}`;
    const shipping = rnd.chance(0.1) ? rnd.pick([500, 800, 1000]) : 0;

    let chunk = '';
    for (let k = 0; k < items; k++) {
      const prod = pickProduct();
      const q = rnd.next();
      const qty = q < 0.75 ? 1 : q < 0.95 ? 2 : 3 + rnd.int(3);
      const gross = prod.price * qty;
      let merchant = merchantDisc();
      const platform = rnd.chance(0.08) ? 100 * rnd.range(1, 5) : 0;
      const talent = author !== NO_AUTHOR && rnd.chance(0.06) ? 100 * rnd.range(1, 3) : 0;
      let disc = merchant + platform + talent;
      let pl = platform,
        ta = talent;
      if (disc >= gross) {
        merchant = 0;
        pl = 0;
        ta = 0;
        disc = 0;
      }
      const ship = k === 0 ? shipping : 0;
      const payable = gross - disc + ship;
      const subCell = items === 1 ? mainCell : tabCell(ID_PREFIX + (suffix + k + 1));
      const as = closed ? '-' : st === '待发货' ? afterSalePending() : afterSaleShipped();
      chunk +=
        `${mainCell},${subCell},${prod.pre}${qty}${prod.post},${money(payable)},${money(ship)},${money(disc)},` +
        `${money(pl)},${money(merchant)},${money(ta)},${pay},0.00,${pii},${tail}${as}${tail2}`;
    }
    written += items;
    const p = w.push(chunk);
    if (p) await p;
  }
  return written;
}
