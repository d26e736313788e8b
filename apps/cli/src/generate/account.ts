/**
 * 抖音创作者服务中心 数据表现 daily stats, the three one-metric exports merged into one file:
 * 日期,播放量,主页访问,净增粉丝 (UTF-8 with BOM; 播放量 thousands-separated in quotes; 净增粉丝
 * may be negative). One row per day from 2020-01-01; dates never pass 2100-12-31. When `rows`
 * exceeds those 29,585 days, a leading 账号 column is added and each account gets its own run of
 * days, so (账号, 日期) stays unique.
 */
import { BOM, CRLF, daysFromCivil, fmtDay, groupQ, padNum } from './format';
import type { Random } from './prng';
import { RowChunks, type ChunkWriter } from './writer';

export const ACCOUNT_HEADER = ['日期', '播放量', '主页访问', '净增粉丝'] as const;
export const ACCOUNT_FIRST_DAY = daysFromCivil(2020, 1, 1);
/** 2020-01-01 .. 2100-12-31 inclusive. */
export const ACCOUNT_MAX_DAYS = daysFromCivil(2100, 12, 31) - ACCOUNT_FIRST_DAY + 1; // 29,585

export async function writeAccount(w: ChunkWriter, rnd: Random, rows: number): Promise<number> {
  const multi = rows > ACCOUNT_MAX_DAYS;
  await w.write(BOM + (multi ? '账号,' : '') + ACCOUNT_HEADER.join(',') + CRLF);
  const chunks = new RowChunks(w);
  let written = 0;
  for (let a = 0; written < rows; a++) {
    const acct = multi ? `好物分享号${padNum(a + 1, 4)},` : '';
    let level = 3000 + rnd.int(20000); // typical daily plays, drifts over time
    for (let d = 0; d < ACCOUNT_MAX_DAYS && written < rows; d++, written++) {
      level = Math.max(500, Math.min(400000, Math.round(level * (0.97 + 0.065 * rnd.next()))));
      const viral = rnd.chance(0.03) ? 3 + rnd.int(8) : 1;
      const plays = Math.floor(level * viral * (0.5 + rnd.next()));
      const visits = Math.floor(plays * (0.01 + 0.04 * rnd.next()));
      const net = rnd.chance(0.1) ? -rnd.range(1, 60) : Math.floor(visits * (0.02 + 0.15 * rnd.next()));
      const p = chunks.add(`${acct}${fmtDay(ACCOUNT_FIRST_DAY + d)},${groupQ(plays)},${visits},${net}${CRLF}`);
      if (p) await p;
    }
  }
  await chunks.end();
  return written;
}
