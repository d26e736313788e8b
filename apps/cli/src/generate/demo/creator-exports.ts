/**
 * The demo's per-account creator exports over a fixed window of days: 数据表现 daily stats,
 * 作品列表 works and 罗盘 live sessions, shaped like ../../../../../fixtures/samples (same headers,
 * same quirks: quoted thousands, `20.69s`, `-` for 图文 video metrics, `2026/10/01 19:30:00`).
 */
import { CONTENT_HEADER, WORK_TOPICS } from '../content';
import { BOM, CRLF, P2, csvCell, fmtDay, fmtTs, frac6, groupQ, money } from '../format';
import type { Random } from '../prng';

export interface DayWindow {
  /** First day (days since epoch). */
  first: number;
  days: number;
}

/** 日期,播放量,主页访问,净增粉丝: one row a day, with a slow drift, weekend lift and viral days. */
export function accountDaily(rnd: Random, win: DayWindow, scale: number): string {
  let out = BOM + '日期,播放量,主页访问,净增粉丝' + CRLF;
  let level = scale;
  for (let d = 0; d < win.days; d++) {
    level = Math.max(500, Math.round(level * (0.985 + 0.04 * rnd.next())));
    const weekend = (win.first + d + 4) % 7 >= 5 ? 1.25 : 1; // 1970-01-01 was a Thursday
    const viral = rnd.chance(0.04) ? 3 + rnd.int(4) : 1;
    const plays = Math.floor(level * weekend * viral * (0.6 + 0.8 * rnd.next()));
    const visits = Math.floor(plays * (0.02 + 0.03 * rnd.next()));
    const net = rnd.chance(0.08) ? -rnd.range(1, 40) : Math.floor(visits * (0.03 + 0.12 * rnd.next()));
    out += `${fmtDay(win.first + d)},${groupQ(plays)},${visits},${net}${CRLF}`;
  }
  return out;
}

const WORK_HEADER = CONTENT_HEADER.join(',');
const TAGS = ['#好物分享 #零食', '#好物推荐', '#开箱 #测评', '#生活vlog'];

/** 作品列表: a work every `everyDays` days on average, published in the evening. */
export function works(rnd: Random, win: DayWindow, everyDays: number, reach: number): string {
  let out = BOM + WORK_HEADER + CRLF;
  let n = 0;
  for (let d = rnd.int(everyDays); d < win.days; d += 1 + rnd.int(2 * everyDays - 1)) {
    n++;
    let title = `${rnd.pick(WORK_TOPICS)}｜第${n}期`;
    if (rnd.chance(0.3)) title += '\n' + rnd.pick(TAGS);
    const video = rnd.chance(0.8);
    const plays = Math.floor(reach * (0.2 + 1.6 * rnd.next() * rnd.next()) * (rnd.chance(0.05) ? 8 : 1));
    const rates = video
      ? `${frac6(30000 + rnd.int(300000))},${frac6(350000 + rnd.int(450000))},${frac6(100000 + rnd.int(350000))},${8 + rnd.int(30)}.${P2[rnd.int(100)]}s`
      : '-,-,-,-';
    const likes = Math.floor(plays * (0.01 + 0.06 * rnd.next()));
    const comments = Math.floor(likes * 0.25 * rnd.next());
    const shares = Math.floor(likes * 0.25 * rnd.next());
    const favs = Math.floor(likes * 0.5 * rnd.next());
    const visits = Math.floor(plays * 0.04 * rnd.next());
    const fans = Math.floor(visits * 0.3 * rnd.next());
    const at = (win.first + d) * 86400 + (17 + rnd.int(5)) * 3600 + rnd.int(3600);
    out += `${csvCell(title)},${fmtTs(at)},${video ? '视频' : '图文'},公开,${plays},${rates},${likes},${comments},${shares},${favs},${visits},${fans}${CRLF}`;
  }
  return out;
}

const LIVE_HEADER =
  '主播昵称,主播抖音号,直播开始时间,直播结束时间,直播时长(分钟),直播间曝光人数,直播间曝光次数,直播间观看人数,直播间观看次数,最高在线人数,平均在线人数,人均观看时长(分钟),评论次数,点赞次数,分享次数,新增粉丝数,取关粉丝数,直播间商品曝光人数,直播间商品点击人数,直播间成交订单数,直播间成交金额,直播间成交人数,直播间成交件数,直播间退款订单数,直播间退款金额,直播间投放消耗';
/** Session start times (hour, minute): mornings, afternoons and the evening peak. */
const SLOTS: ReadonlyArray<readonly [number, number]> = [
  [10, 0],
  [12, 30],
  [14, 0],
  [16, 0],
  [19, 30],
  [20, 0],
  [21, 0],
  [22, 0],
];

/** 罗盘 直播列表: a session every 2–4 days at varied hours; ratios follow from the counts. */
export function liveSessions(rnd: Random, win: DayWindow, anchor: string, anchorId: string, reach: number): string {
  let out = BOM + LIVE_HEADER + CRLF;
  for (let d = rnd.int(3); d < win.days; d += 2 + rnd.int(3)) {
    const [h, m] = rnd.pick(SLOTS);
    const minutes = 60 + 30 * rnd.int(6);
    const start = (win.first + d) * 86400 + h * 3600 + m * 60;
    const exposureUsers = Math.floor(reach * (0.4 + 1.2 * rnd.next()) * (h >= 19 ? 1.6 : 1));
    const exposureCount = Math.floor(exposureUsers * (1.2 + 0.3 * rnd.next()));
    const viewers = Math.floor(exposureUsers * (0.08 + 0.2 * rnd.next()));
    const views = Math.floor(viewers * (1.1 + 0.2 * rnd.next()));
    const peak = Math.floor(viewers * (0.04 + 0.04 * rnd.next()));
    const avgOnline = Math.floor(peak * (0.3 + 0.2 * rnd.next()));
    const watchCs = 80 + rnd.int(200); // hundredths of a minute
    const prodExposure = Math.floor(viewers * (0.6 + 0.2 * rnd.next()));
    const prodClick = Math.floor(prodExposure * (0.1 + 0.1 * rnd.next()));
    const buyers = Math.floor(prodClick * (0.1 + 0.15 * rnd.next()));
    const orders = buyers + Math.floor(buyers * 0.1 * rnd.next());
    const gmv = orders * (3000 + rnd.int(9000));
    const refundOrders = Math.floor(orders * 0.06 * rnd.next());
    const refund = Math.min(gmv, refundOrders * (3000 + rnd.int(6000)));
    const spend = Math.floor(gmv * (0.1 + 0.35 * rnd.next()));
    out +=
      `${anchor},${anchorId},${fmtTs(start).replace(/-/g, '/')},${fmtTs(start + minutes * 60).replace(/-/g, '/')},${minutes},` +
      `${exposureUsers},${exposureCount},${viewers},${views},${peak},${avgOnline},${Math.floor(watchCs / 100)}.${P2[watchCs % 100]},` +
      `${Math.floor(viewers * 0.1)},${Math.floor(viewers * 2.5)},${Math.floor(viewers * 0.01)},${Math.floor(viewers * 0.03)},${Math.floor(viewers * 0.003)},` +
      `${prodExposure},${prodClick},${orders},${money(gmv)},${buyers},${orders + Math.floor(orders * 0.1)},${refundOrders},${money(refund)},${money(spend)}${CRLF}`;
  }
  return out;
}
