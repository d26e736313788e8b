/**
 * 问卷星 答卷下载（按选项文本）: 序号, 提交答卷时间 from 2026-01-01, 所用时间 "NN秒", 来源, 来自IP
 * (personal data), single choice, "┋"-joined multi-select, a matrix, an NPS 0–10 and an open question;
 * (跳过) for skipped questions.
 */
import { CRLF, csvCell, daysFromCivil, fmtTs } from './format';
import type { Random } from './prng';
import { writeRows, type ChunkWriter } from './writer';

export const SURVEY_HEADER = [
  '序号',
  '提交答卷时间',
  '所用时间',
  '来源',
  '来自IP',
  '1、您的年龄段：',
  '2、您的性别：',
  '3、您平时通过哪些渠道购买零食？【多选题】',
  '4、(口味)',
  '4、(价格)',
  '4、(包装)',
  '5、您向朋友推荐我们的可能性有多大？',
  '6、您对我们有什么建议？',
] as const;

const AGES = ['18-24岁', '25-30岁', '31-40岁', '41岁以上'] as const;
const CHANNELS = ['抖音', '淘宝', '线下超市', '拼多多'];
const OPEN = ['希望多出新口味', '价格贵了点', '包装容易破', '很好', '(跳过)', '(跳过)'];
const FIRST_SECOND = daysFromCivil(2026, 1, 1) * 86400;

export function writeSurvey(w: ChunkWriter, rnd: Random, rows: number): Promise<number> {
  const age = rnd.weighted(AGES.map((a, i) => [a, 4 - i] as const));
  let sec = FIRST_SECOND + 8 * 3600;
  return writeRows(w, SURVEY_HEADER, rows, (i) => {
    sec += 5 + rnd.int(600);
    const chosen = CHANNELS.filter(() => rnd.chance(0.4));
    const channels = rnd.chance(0.05) ? '(跳过)' : (chosen.length ? chosen : [CHANNELS[0]]).join('┋');
    const ip = `${rnd.range(36, 223)}.${rnd.int(256)}.${rnd.int(256)}.${rnd.range(1, 254)}`;
    return (
      [
        String(i + 1),
        fmtTs(sec).replace(/-/g, '/'),
        `${rnd.range(20, 400)}秒`,
        rnd.chance(0.7) ? '手机提交' : '链接',
        ip,
        age(),
        rnd.chance(0.6) ? '女' : '男',
        channels,
        String(rnd.range(1, 5)),
        String(rnd.range(1, 5)),
        String(rnd.range(1, 5)),
        String(rnd.range(0, 10)),
        csvCell(rnd.pick(OPEN)),
      ].join(',') + CRLF
    );
  });
}
