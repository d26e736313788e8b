import { formatDay, parseIsoDay } from '@creator-ops/format';
import { runQuery } from '@creator-ops/query';
import { detectAnomalies } from './anomalies';
import { buildTables, type PlainRow } from './testing/helpers';

const dayAfter = (start: string, n: number) => formatDay(parseIsoDay(start)! + n);

describe('detectAnomalies: a small series worked out by hand', () => {
  // CTR of 计划A, 1000 impressions a day; clicks 11-01..11-08: 20 21 22 20 21 22 20 21, 11-09: 5
  // 11-09 against the 8 days before: median 0.021; |x − median| = .001 0 .001 .001 0 .001 .001 0
  //   -> MAD = median(0 0 0 .001 .001 .001 .001 .001) = 0.001
  //   z = 0.6745 × (0.005 − 0.021) / 0.001 = −10.792; band 0.021 ± 3.5 × 0.001 / 0.6745 = 1.581%–2.619%
  const clicks = [20, 21, 22, 20, 21, 22, 20, 21, 5];
  const rows: PlainRow[] = clicks.map((c, i) => ({ date: dayAfter('2024-11-01', i), plan: '计划A', impressions: 1000, clicks: c }));
  const tables = buildTables({ ad: rows });
  const result = detectAnomalies(tables, { metric: 'ctr', dimension: 'plan', days: 8, minHistory: 5 });

  it('flags 11-09 only, with the expected range', () => {
    expect(result.anomalies).toHaveLength(1);
    const [a] = result.anomalies;
    expect(a).toMatchObject({ date: '2024-11-09', dimension: 'plan', dimensionValue: '计划A', value: 0.005, direction: 'down', unfavourable: true });
    expect(a.score).toBeCloseTo(-10.792, 9);
    expect(a.expected.median).toBeCloseTo(0.021, 15);
    expect(a.expected.low).toBeCloseTo(0.021 - 0.0035 / 0.6745, 12);
    expect(a.expected.high).toBeCloseTo(0.021 + 0.0035 / 0.6745, 12);
    expect(a.message).toEqual({ zh: '计划A 11-09 的点击率 0.50%，通常 1.58%–2.62%', en: 'CTR of 计划A on 11-09 is 0.50%, usually 1.58%–2.62%' });
  });

  it('gives the chart its values and band; days without enough history have no band', () => {
    const [series] = result.series;
    expect(series.points.map((p) => p.date)).toEqual([
      '2024-11-02',
      '2024-11-03',
      '2024-11-04',
      '2024-11-05',
      '2024-11-06',
      '2024-11-07',
      '2024-11-08',
      '2024-11-09',
    ]);
    expect(series.points.map((p) => p.value)).toEqual(clicks.slice(1).map((c) => c / 1000));
    // 11-02..11-05 have 1..4 days before them (< 5): no band, no score
    expect(series.points.slice(0, 4).every((p) => p.median === null && p.score === null && !p.flagged)).toBe(true);
    // 11-06 (0.022) against 20 21 22 20 21: median 0.021, MAD 0.001, z = 0.6745
    expect(series.points[4].median).toBeCloseTo(0.021, 15);
    expect(series.points[4].score).toBeCloseTo(0.6745, 9);
    expect(series.points.map((p) => p.flagged)).toEqual([false, false, false, false, false, false, false, true]);
  });

  it('the evidence query reproduces the flagged day', () => {
    const r = runQuery(result.anomalies[0].evidence.query, tables);
    expect(r.rows.at(-1)).toEqual({ 'date:day': '2024-11-09', ctr: 0.005 });
    expect(r.rows).toHaveLength(9);
  });
});

describe('detectAnomalies: generated 60-day series', () => {
  // 2024-09-07..2024-11-05, 10,000 impressions a day per plan; clicks 250 ± 25 (a fixed pseudo-random
  // sequence), so CTR moves between 2.25% and 2.75%. Plan A drops to 40 clicks (0.4%) on 2024-10-26.
  const START = '2024-09-07';
  const DROP = '2024-10-26';
  /** Integers in −25..25 from mulberry32 (a fixed seed gives a fixed series). */
  function noise(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.round((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 50) - 25;
    };
  }
  const series = (plan: string, seed: number, planted?: { date: string; clicks: number; impressions?: number }): PlainRow[] => {
    const next = noise(seed);
    return Array.from({ length: 60 }, (_, i) => {
      const date = dayAfter(START, i);
      const clicks = 250 + next();
      return planted?.date === date
        ? { date, plan, impressions: planted.impressions ?? 10000, clicks: planted.clicks }
        : { date, plan, impressions: 10000, clicks };
    });
  };

  it('flags the planted drop and nothing in the steady plan', () => {
    const tables = buildTables({ ad: [...series('计划A', 7, { date: DROP, clicks: 40 }), ...series('计划B', 11)] });
    const { anomalies, series: lines } = detectAnomalies(tables, { metric: 'ctr', dimension: 'plan' });
    expect(anomalies.map((a) => `${a.dimensionValue}@${a.date}`)).toEqual([`计划A@${DROP}`]);
    expect(anomalies[0].value).toBe(0.004);
    expect(anomalies[0].expected.low).toBeGreaterThan(0.004);
    expect(anomalies[0].expected.low).toBeLessThan(0.0225);
    expect(anomalies[0].expected.high).toBeGreaterThan(0.0275);
    expect(lines.map((l) => l.points.length)).toEqual([60, 60]);
    // the first 28 days lack history (default minHistory); the 32 later days of both plans are scored
    expect(lines.map((l) => l.points.filter((p) => p.score !== null).length)).toEqual([32, 32]);
  });

  it('the noise is real: CTR spans most of 2.25%–2.75%', () => {
    const ctr = series('计划B', 3).map((r) => (r.clicks as number) / 10000);
    expect(Math.min(...ctr)).toBeLessThan(0.023);
    expect(Math.max(...ctr)).toBeGreaterThan(0.027);
  });

  it('nothing in a steady series, for the plan or the whole workspace', () => {
    const tables = buildTables({ ad: series('计划B', 3) });
    expect(detectAnomalies(tables, { metric: 'ctr', dimension: 'plan' }).anomalies).toEqual([]);
    expect(detectAnomalies(tables, { metric: 'ctr' }).anomalies).toEqual([]);
    expect(detectAnomalies(tables, { metric: 'clicks' }).anomalies).toEqual([]);
  });

  it('a day under the minimum volume is not scored', () => {
    // 50 impressions, 0 clicks: CTR 0, far below the usual range, but on noise-level volume
    const tables = buildTables({ ad: series('计划B', 11, { date: DROP, clicks: 0, impressions: 50 }) });
    expect(detectAnomalies(tables, { metric: 'ctr', dimension: 'plan' }).anomalies.map((a) => a.date)).toEqual([DROP]);
    expect(detectAnomalies(tables, { metric: 'ctr', dimension: 'plan', minVolume: { metric: 'impressions', min: 1000 } }).anomalies).toEqual([]);
  });
});
