import { parseIsoDay } from '@creator-ops/format';

/**
 * The one calendar day a file name names, or null. 千川 names its daily files
 * `全域数据_素材分析_视频_2026-06-01 00_00_00-2026-06-01 23_59_59-….xlsx`; others use `…_2026-06-01…`
 * or `…20260601…`. Every date in the name must be the same day: a range over several days names no day.
 * `dayFromFileName('素材_2026-06-01 00_00_00-2026-06-01 23_59_59.xlsx')` -> days of 2026-06-01.
 */
export function dayFromFileName(fileName: string): { day: number; text: string } | null {
  const days = new Set<string>();
  for (const m of fileName.matchAll(/(?<!\d)(20\d{2})([-_.年]?)(\d{1,2})\2(\d{1,2})(?!\d)/g)) {
    if (m[2] === '' && (m[3].length !== 2 || m[4].length !== 2)) continue;
    const iso = `${m[1]}-${m[3].padStart(2, '0')}-${m[4].padStart(2, '0')}`;
    if (parseIsoDay(iso) === null) continue;
    days.add(iso);
  }
  if (days.size !== 1) return null;
  const [text] = days;
  return { day: parseIsoDay(text)!, text };
}
