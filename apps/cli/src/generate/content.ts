/**
 * 抖音 作品列表 export (see ../shared/samples/douyin-works.csv): UTF-8 with BOM, titles that may
 * hold newlines, 体裁 视频/图文, rates as 6-decimal fractions (`0.142729`), `20.69s` durations and
 * `-` for the video-only metrics of 图文 rows. No id column: (发布时间, 作品名称) is unique.
 */
import { CRLF, P2, csvCell, daysFromCivil, fmtTs, frac6 } from './format';
import type { Random } from './prng';
import { writeRows, type ChunkWriter } from './writer';

export const CONTENT_HEADER = [
  '作品名称',
  '发布时间',
  '体裁',
  '审核状态',
  '播放量',
  '完播率',
  '5s完播率',
  '2s跳出率',
  '平均播放时长',
  '点赞量',
  '评论量',
  '分享量',
  '收藏量',
  '主页访问量',
  '粉丝增量',
] as const;

/** 作品列表 title topics (the demo workspace uses them too). */
export const WORK_TOPICS = [
  '秋天第一杯咖啡',
  '办公室零食测评',
  '保温杯怎么选',
  '牛肉干开箱',
  '一周早餐不重样',
  '平价护肤好物',
  '租房改造小物',
  '露营装备清单',
  '学生党必备',
  '百元内礼物推荐',
  '打工人午餐',
  '通勤穿搭',
];
const TAGS = ['#好物分享 #零食', '#好物推荐', '#开箱 #测评', '#生活vlog', '#抖音电商 #种草'];

export function writeContent(w: ChunkWriter, rnd: Random, rows: number): Promise<number> {
  // Publication times: ~1.5 days apart for a small file (from 2026-09-01, like the sample); for
  // big files the gap shrinks so that the last one stays within ~40 years of 2020-01-01.
  const avgMin = Math.max(1, Math.min(2160, Math.floor((40 * 365 * 1440) / Math.max(1, rows))));
  const start = rows * avgMin <= 90 * 1440 ? daysFromCivil(2026, 9, 1) : daysFromCivil(2020, 1, 1);
  let t = start * 86400 + 18 * 3600;
  const format = rnd.weighted([
    ['视频', 80],
    ['图文', 20],
  ] as const);
  const review = rnd.weighted([
    ['公开', 95],
    ['仅自己可见', 3],
    ['好友可见', 2],
  ] as const);

  return writeRows(w, CONTENT_HEADER, rows, (i) => {
    const n = i + 1;
    t += 60 * (1 + rnd.int(2 * avgMin - 1 || 1));
    let title = `作品${n}：${rnd.pick(WORK_TOPICS)}`;
    const r = rnd.next();
    if (r < 0.3) title += '\n' + rnd.pick(TAGS);
    else if (r < 0.33) title += '，"真实"测评,不吹不黑';
    const fmt = format();
    const plays = Math.floor(3000 + 90000 * rnd.next() * rnd.next() * (rnd.chance(0.05) ? 20 : 1));
    let rates: string;
    if (fmt === '视频') {
      const comp = 20000 + rnd.int(380000);
      const comp5 = Math.max(comp, 300000 + rnd.int(550000));
      const bounce = 80000 + rnd.int(420000);
      const avgCs = 500 + rnd.int(4000); // centiseconds
      rates = `${frac6(comp)},${frac6(comp5)},${frac6(bounce)},${Math.floor(avgCs / 100)}.${P2[avgCs % 100]}s`;
    } else {
      rates = '-,-,-,-';
    }
    const likes = Math.floor(plays * (0.005 + 0.06 * rnd.next()));
    const comments = Math.floor(likes * 0.3 * rnd.next());
    const shares = Math.floor(likes * 0.3 * rnd.next());
    const favs = Math.floor(likes * 0.6 * rnd.next());
    const visits = Math.floor(plays * 0.04 * rnd.next());
    const fans = Math.floor(visits * 0.3 * rnd.next());
    return `${csvCell(title)},${fmtTs(t)},${fmt},${review()},${plays},${rates},` + `${likes},${comments},${shares},${favs},${visits},${fans}${CRLF}`;
  });
}
