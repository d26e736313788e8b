/**
 * 巨量千川 计划日报 (see ../shared/samples/qianchuan-plan-daily.csv; written as UTF-8 with BOM
 * here so it can stream): `(元)` unit headers, thousands-separated quoted numbers, `3.34%` CTR
 * strings, 19-digit plan ids, `-` for undefined ratios, and a `全部` period-total row at the end
 * whose sums are exactly the sums of the rows (integer cents). Rows run date by date from
 * 2026-08-01 (at most 92 days, to 2026-10-31), one row per plan and day.
 */
import { BOM, CRLF, P2, csvCell, daysFromCivil, fmtDay, groupQ, moneyQ, ratio2 } from './format';
import type { Random } from './prng';
import { RowChunks, type ChunkWriter } from './writer';

export const AD_HEADER = [
  '日期',
  '计划ID',
  '计划名称',
  '整体消耗(元)',
  '整体展示次数',
  '整体点击次数',
  '整体点击率',
  '整体成交订单数',
  '整体成交金额(元)',
  '整体支付ROI',
  '整体成交订单成本(元)',
] as const;

const DAY0 = daysFromCivil(2026, 8, 1);
const MAX_DAYS = daysFromCivil(2026, 10, 31) - DAY0 + 1; // 92

const SCENES = ['直播间', '短视频带货', '搜索', '新客', '商品卡', '全域推广', '老客复购'];
const GOALS = ['成交', '引流', '拉新', '涨粉', '支付ROI', '下单'];
const MODES = ['通投', '控成本', '放量', '最大转化', '智能优惠券'];
const GOODS = ['牛肉干', '咖啡', '面包', '燕麦片', '纸巾', '保温杯', '坚果', '面霜', '防晒'];

interface Plan {
  prefix: string; // 计划ID,计划名称,
  scale: number; // mean impressions
  ctr: number;
  cpc: number; // cents
  cvr: number;
  aov: number; // cents
  paused: number; // probability of a zero row
}

/** Percent with 2 decimals: 3.34% ; '-' when undefined. */
function pct(num: number, den: number): string {
  if (den === 0) return '-';
  const bp = Math.round((num * 10000) / den);
  const i = Math.floor(bp / 100);
  return `${i}.${P2[bp - i * 100]}%`;
}

export interface AdOptions {
  /** Multiplies every plan's reach (impressions, hence clicks, cost and orders); default 1. */
  scale?: number;
}

export async function writeAds(w: ChunkWriter, rnd: Random, rows: number, options: AdOptions = {}): Promise<number> {
  const reach = options.scale ?? 1;
  // Enough plans that the rows fit in 92 days; at least a handful for small files.
  const nPlans = Math.max(Math.min(rows, 8), Math.ceil(rows / MAX_DAYS));
  const plans: Plan[] = [];
  for (let i = 0; i < nPlans; i++) {
    const id = '1780000' + String(100000000000 + i * 7919 + rnd.int(7919)); // 19 digits, unique
    let name = `${rnd.pick(SCENES)}-${rnd.pick(GOALS)}-${rnd.pick(rnd.chance(0.5) ? MODES : GOODS)}`;
    if (rnd.chance(0.3)) name += `-${P2[rnd.range(8, 10)]}${P2[rnd.range(1, 28)]}`;
    if (rnd.chance(0.02)) name += ',双11预热';
    const s = rnd.next();
    plans.push({
      prefix: `${id},${csvCell(name)},`,
      scale: (8000 + 240000 * s * s) * reach,
      ctr: 0.004 + 0.05 * rnd.next(),
      cpc: 20 + rnd.int(380),
      cvr: 0.005 + 0.06 * rnd.next() * rnd.next(),
      aov: 1990 + rnd.int(28000),
      paused: rnd.chance(0.2) ? 0.15 : 0.01,
    });
  }

  await w.write(BOM + AD_HEADER.join(',') + CRLF);
  const chunks = new RowChunks(w);

  let costSum = 0,
    impSum = 0,
    clkSum = 0,
    ordSum = 0,
    gmvSum = 0; // exact integers (< 2^53)
  let written = 0;
  for (let d = 0; written < rows; d++) {
    const date = fmtDay(DAY0 + d) + ',';
    const weekend = d % 7 <= 1 ? 1.15 : 1; // 2026-08-01 is a Saturday
    for (let i = 0; i < nPlans && written < rows; i++, written++) {
      const pl = plans[i];
      if (rnd.next() < pl.paused) {
        const p = chunks.add(`${date}${pl.prefix}0.00,0,0,-,0,0.00,-,-${CRLF}`);
        if (p) await p;
        continue;
      }
      const imp = Math.floor(pl.scale * weekend * (0.3 + 1.4 * rnd.next()));
      const clk = Math.floor(imp * pl.ctr * (0.6 + 0.8 * rnd.next()));
      const cost = clk > 0 ? Math.round(clk * pl.cpc * (0.7 + 0.6 * rnd.next())) : Math.round(imp * 0.02);
      const ord = Math.floor(clk * pl.cvr * (0.5 + rnd.next()));
      const gmv = Math.round(ord * pl.aov * (0.6 + 0.8 * rnd.next()));
      costSum += cost;
      impSum += imp;
      clkSum += clk;
      ordSum += ord;
      gmvSum += gmv;
      const p = chunks.add(
        `${date}${pl.prefix}${moneyQ(cost)},${groupQ(imp)},${groupQ(clk)},${pct(clk, imp)},${ord},${moneyQ(gmv)},` +
          `${cost > 0 ? ratio2(gmv, cost) : '-'},${ord > 0 ? ratio2(cost, ord * 100) : '-'}${CRLF}`,
      );
      if (p) await p;
    }
  }
  await chunks.end();

  const total =
    `全部,-,-,${moneyQ(costSum)},${groupQ(impSum)},${groupQ(clkSum)},${pct(clkSum, impSum)},${ordSum},` +
    `${moneyQ(gmvSum)},${costSum > 0 ? ratio2(gmvSum, costSum) : '-'},${ordSum > 0 ? ratio2(costSum, ordSum * 100) : '-'}${CRLF}`;
  await w.write(total);
  return written;
}
