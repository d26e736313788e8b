/**
 * 巨量星图 订单 export: one row per order with its video stats, 视频发布时间 ascending from
 * 2026-01-01, ids as `"\t…"`, 订单金额 with thousands separators, 完播率 as "18.50%" ("-" for 图文).
 */
import { CRLF, daysFromCivil, fmtTs, moneyQ, P2, tabCell } from './format';
import type { Random } from './prng';
import { writeRows, type ChunkWriter } from './writer';

export const XINGTU_HEADER = [
  '订单ID',
  '任务名称',
  '达人昵称',
  '达人ID',
  '内容类型',
  '订单金额(元)',
  '视频发布时间',
  '播放量',
  '点赞数',
  '评论数',
  '分享数',
  '收藏数',
  '完播率',
] as const;

const TASKS = ['双11坚果种草', '咖啡新品测评', '保温杯开箱', '年货节囤货', '面霜试用'];
const CREATORS = ['阿杰测评', '甜甜爱分享', '老王生活馆', '元气好物', '果果的小店', '小鹿的零食铺', '大胃王阿强', '精致女孩Lily'];
const FIRST_SECOND = daysFromCivil(2026, 1, 1) * 86400;

export function writeXingtu(w: ChunkWriter, rnd: Random, rows: number): Promise<number> {
  let sec = FIRST_SECOND + 9 * 3600;
  return writeRows(w, XINGTU_HEADER, rows, (i) => {
    sec += 600 + rnd.int(7200);
    const c = rnd.int(CREATORS.length);
    const text = rnd.chance(0.15);
    const plays = rnd.range(2000, 800000);
    const likes = Math.floor(plays * (0.005 + 0.04 * rnd.next()));
    const bp = rnd.range(500, 4000);
    const completion = text ? '-' : `${Math.floor(bp / 100)}.${P2[bp % 100]}%`;
    return (
      [
        tabCell(`73${String(i + 1).padStart(17, '0')}`),
        TASKS[rnd.int(TASKS.length)],
        CREATORS[c],
        tabCell(String(1800000 + c)),
        text ? '图文' : '视频',
        moneyQ(rnd.range(500, 20000) * 100),
        fmtTs(sec),
        String(plays),
        String(likes),
        String(Math.floor(likes * 0.08)),
        String(Math.floor(likes * 0.05)),
        String(Math.floor(likes * 0.15)),
        completion,
      ].join(',') + CRLF
    );
  });
}
