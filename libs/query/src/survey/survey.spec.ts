/**
 * Survey tabulation over the real 问卷星 sample downloads (fixtures/samples/wjx-survey-*.csv, the
 * same 8 answer sheets in both forms). Every figure is counted by hand from the CSV text:
 *   Q1 age: 18-24岁 sheets 1,5,7; 25-30岁 2,3; 31-40岁 4,6; 41岁以上 8
 *   Q2 sex: 女 1,3,4,6,7; 男 2,5,8
 *   Q3 channels (multi): 抖音 1,2,4,6,7; 淘宝 1,3,4,8; 线下超市 3,4,5; 其他〖小红书〗 7 -> 13 selections
 *   Q4 matrix: 口味 5,4,3,5,2,4,5,1 = 29; 价格 3,2,3,4,1,4,3,2 = 22; 包装 4,4,3,5,3,4,4,2 = 29
 *   Q5 recommend 0–10: 9,7,10,8,3,9,10,5 -> promoters 4, passives 2, detractors 2
 *   Q6 open: answered by 1,3,5,7 ((跳过), (空) and 无 are no answer)
 */
import { join } from 'node:path';
import { ingestFile } from '@creator-ops/ingest';
import type { TableSet } from '../types';
import { crossTab, matrixScores, npsOf, optionCounts, surveySheets } from './tabulate';

async function tables(file: string): Promise<TableSet> {
  const { table } = await ingestFile(join(process.cwd(), 'fixtures', 'samples', file), { fileName: file, account: '零食口味调研' });
  return new Map([['survey', table]]);
}

describe.each([
  ['wjx-survey-text.csv', { age: ['18-24岁', '25-30岁', '31-40岁', '41岁以上'], sex: ['女', '男'] }],
  ['wjx-survey-index.csv', { age: ['1', '2', '3', '4'], sex: ['2', '1'] }],
] as const)('%s', (file, labels) => {
  let sheets: ReturnType<typeof surveySheets>;
  beforeAll(async () => {
    sheets = surveySheets(await tables(file));
  });

  it('infers each question type', () => {
    expect(sheets.questions.map((q) => [q.no, q.type, q.answered])).toEqual([
      [1, 'single', 8],
      [2, 'single', 8],
      [3, 'multi', 8],
      [4, 'matrix', 8],
      [5, 'nps', 8],
      [6, 'open', 4],
    ]);
  });

  it('counts a single-choice question with shares of the sheets that answered', () => {
    const { rows, answered } = optionCounts(sheets, 1);
    expect(answered).toBe(8);
    expect(rows).toEqual([
      { option: labels.age[0], count: 3, share: 3 / 8 },
      { option: labels.age[1], count: 2, share: 2 / 8 },
      { option: labels.age[2], count: 2, share: 2 / 8 },
      { option: labels.age[3], count: 1, share: 1 / 8 },
    ]);
  });

  it('counts a multi-select per option over the sheets, so the shares add up to more than 100 %', () => {
    const { rows, answered, selections } = optionCounts(sheets, 3);
    expect([answered, selections]).toEqual([8, 13]);
    const byOption = Object.fromEntries(rows.map((r) => [r.option, r.count]));
    expect(byOption).toEqual({ 抖音: 5, 淘宝: 4, 线下超市: 3, 其他: 1 });
    expect(rows.reduce((s, r) => s + (r.share ?? 0), 0)).toBeCloseTo(13 / 8, 12);
  });

  it('averages each matrix row over its answers', () => {
    expect(matrixScores(sheets, 4)).toEqual([
      { item: '口味', answered: 8, average: 29 / 8 },
      { item: '价格', answered: 8, average: 22 / 8 },
      { item: '包装', answered: 8, average: 29 / 8 },
    ]);
  });

  it('gives NPS = (promoters − detractors) ÷ answers × 100', () => {
    expect(npsOf(sheets, 5)).toEqual({ answered: 8, promoters: 4, passives: 2, detractors: 2, nps: 25 });
  });

  it('cross-tabulates age × sex', () => {
    const t = crossTab(sheets, 1, 2);
    const f = labels.sex[0];
    const m = labels.sex[1];
    expect(t.map((r) => [r.rowOption, r.answered, r.cells.map((c) => [c.option, c.count])])).toEqual([
      [
        labels.age[0],
        3,
        [
          [f, 2],
          [m, 1],
        ],
      ],
      [
        labels.age[1],
        2,
        [
          [f, 1],
          [m, 1],
        ],
      ],
      [
        labels.age[2],
        2,
        [
          [f, 2],
          [m, 0],
        ],
      ],
      [
        labels.age[3],
        1,
        [
          [f, 0],
          [m, 1],
        ],
      ],
    ]);
  });

  it('limits the sheets to a period of submission days', () => {
    // 11-01 and 11-02: sheets 1–4
    const early = surveySheets(sheets.table ? new Map([['survey', sheets.table]]) : new Map(), { from: '2026-11-01', to: '2026-11-02' });
    expect(early.rows).toEqual([0, 1, 2, 3]);
    expect(npsOf(early, 5)).toEqual({ answered: 4, promoters: 2, passives: 2, detractors: 0, nps: 50 });
  });
});
