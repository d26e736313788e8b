import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { gradeSubmission, type GradeResult } from './grade/grade';
import { parseSubmission } from './submission/parse';
import { bank, exampleAnswer, keyOf, toCsv, type AnswerTable } from './testing/fixtures';
import type { Exercise } from './types';

/**
 * Issue 18, acceptance 2: answers in the shapes trainees write them score full marks — other
 * header wording (the import side's aliases, the product's own report headers), Chinese dates and
 * week/month labels, 万, ¥, full-width digits, GBK and UTF-16 text, XLSX with real date cells.
 * The rewritten cells are derived from the worked answer (computed outside the engine) by hand
 * rules written here.
 */
const exercises = new Map(bank().map((e) => [e.id, e]));
const ex = (id: string): Exercise => exercises.get(id)!;

async function graded(e: Exercise, bytes: Buffer, name = 'answer.csv'): Promise<GradeResult> {
  return gradeSubmission(e, await keyOf(e), await parseSubmission(bytes, name));
}

async function expectFull(e: Exercise, t: AnswerTable | Buffer, name?: string) {
  const r = await graded(e, Buffer.isBuffer(t) ? t : toCsv(t), name);
  expect(r.cells.filter((c) => !c.correct).map((c) => `${c.row}·${c.header}: ${c.actual} ${c.diagnosis?.code ?? ''}`)).toEqual([]);
  expect(r.rows.filter((x) => x.status !== 'matched').map((x) => `${x.row} ${x.status}`)).toEqual([]);
  expect(r.score).toBe((await keyOf(e)).maxScore);
}

const renamed = (t: AnswerTable, names: Record<string, string>): AnswerTable => ({ header: t.header.map((h) => names[h] ?? h), rows: t.rows });
const withKeys = (t: AnswerTable, fn: (key: string, r: number) => string): AnswerTable => ({
  header: t.header,
  rows: t.rows.map((row, r) => [fn(row[0], r), ...row.slice(1)]),
});

describe('header wording: one vocabulary for ingest and grading', () => {
  it('ad report headers as the export writes them: 花费, 展现量, 点击次数, 千次展现费用 (and 曝光量)', async () => {
    const t = exampleAnswer(ex('cj-4.3.4-plan-metrics'));
    expect(t.header).toEqual(['计划名称', '消耗(元)', '展示数', '点击数', '转化数', 'CTR(%)', 'CPC(元)', 'CPM(元)', 'CVR(%)', '转化成本(元)']);
    await expectFull(ex('cj-4.3.4-plan-metrics'), renamed(t, { '消耗(元)': '花费(元)', 展示数: '展现量', 点击数: '点击次数', 'CPM(元)': '千次展现费用(元)' }));
    await expectFull(
      ex('cj-4.3.4-plan-metrics'),
      renamed(t, { 展示数: '曝光量', 'CTR(%)': '点击率(%)', 'CVR(%)': '转化率(%)', 'CPC(元)': '平均点击单价（元）' }),
    );
  });

  it("RFM with the product report's own headers: 最近购买间隔, 购买频次, 客户分层", async () => {
    const t = exampleAnswer(ex('gj-2.2.1-rfm'));
    await expectFull(ex('gj-2.2.1-rfm'), renamed(t, { 'R(天)': '最近购买间隔(天)', 'F(次)': '购买频次', 客户类型: '客户分层' }));
  });
});

describe('dates as trainees type them, resolved against the exercise period', () => {
  const weekly = ex('cj-2.1.6-weekly-account-report');
  // The four weeks of the task start on Mondays 2026-09-07, -14, -21, -28 (ISO weeks 37–40: ISO
  // week 1 of 2026 starts on Monday 2025-12-29, and 2026-09-07 is 252 days = 36 weeks later).
  const mondays = [
    [9, 7],
    [9, 14],
    [9, 21],
    [9, 28],
  ];
  const sundays = [
    [9, 13],
    [9, 20],
    [9, 27],
    [10, 4],
  ];

  it('week labels: 9月7日, 9.7-9.13, 9/7~9/13, 2026年第37周, 第38周', async () => {
    const t = exampleAnswer(weekly);
    expect(t.rows.map((r) => r[0])).toEqual(['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28']);
    await expectFull(
      weekly,
      withKeys(t, (_, r) => `${mondays[r][0]}月${mondays[r][1]}日`),
    );
    await expectFull(
      weekly,
      withKeys(t, (_, r) => `${mondays[r].join('.')}-${sundays[r].join('.')}`),
    );
    await expectFull(
      weekly,
      withKeys(t, (_, r) => `${mondays[r].join('/')}~${sundays[r].join('/')}`),
    );
    await expectFull(
      weekly,
      withKeys(t, (_, r) => `2026年第${37 + r}周`),
    );
    await expectFull(
      weekly,
      withKeys(t, (_, r) => `第${37 + r}周`),
    );
  });

  it('days as 10月1日 and 10/1, months as 7月', async () => {
    const daily = ex('cj-3.1.6-daily-sales');
    const t = exampleAnswer(daily);
    const md = (iso: string) => [Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
    await expectFull(
      daily,
      withKeys(t, (k) => `${md(k)[0]}月${md(k)[1]}日`),
    );
    await expectFull(
      daily,
      withKeys(t, (k) => md(k).join('/')),
    );
    const monthly = ex('zj-3.1.7-monthly-sales');
    await expectFull(
      monthly,
      withKeys(exampleAnswer(monthly), (k) => `${Number(k.slice(5, 7))}月`),
    );
  });

  it('a day outside the period is still a wrong row, not silently moved', async () => {
    const daily = ex('cj-3.1.6-daily-sales');
    const t = exampleAnswer(daily);
    const r = await graded(daily, toCsv(withKeys(t, (k, i) => (i === 0 ? '11月20日' : k))));
    expect(r.rows.filter((x) => x.status === 'missing')).toHaveLength(1);
    expect(r.rows.filter((x) => x.status === 'extra')).toHaveLength(1);
  });
});

const FULL_WIDTH = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('number shapes', () => {
  it('万 for large counts and money, ¥ and thousands separators, full-width digits', async () => {
    const e = ex('cj-4.3.4-plan-metrics');
    const t = exampleAnswer(e);
    // 2401419 = 240.1419万; 127881.57 = 12.788157万 (every digit kept, so nothing is lost).
    const wan = (c: string) => {
      const [int, frac = ''] = c.split('.');
      const digits = int.padStart(5, '0');
      return `${digits.slice(0, -4).replace(/^0+(?=\d)/, '')}.${digits.slice(-4)}${frac}`.replace(/\.?0+$/, '') + '万';
    };
    expect(wan('2401419')).toBe('240.1419万');
    expect(wan('127881.57')).toBe('12.788157万');
    const big = { header: t.header, rows: t.rows.map((row) => row.map((c, i) => ([1, 2].includes(i) && Number(c) >= 10000 ? wan(c) : c))) };
    await expectFull(e, big);
    const yuan = {
      header: t.header,
      rows: t.rows.map((row) =>
        row.map((c, i) => (t.header[i].includes('元') && /^\d+\.\d+$/.test(c) ? `¥${Number(c.split('.')[0]).toLocaleString('en-US')}.${c.split('.')[1]}` : c)),
      ),
    };
    expect(yuan.rows[0][1]).toBe('¥127,881.57');
    await expectFull(e, yuan);
    await expectFull(e, { header: t.header, rows: t.rows.map((row) => row.map((c, i) => (i > 0 ? FULL_WIDTH(c) : c))) });
  });
});

describe('encodings and files', () => {
  it('GBK and UTF-16 (LE and BE, with BOM) CSV', async () => {
    const e = ex('cj-3.1.6-refund-rates');
    const text = toCsv(exampleAnswer(e))
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    await expectFull(e, iconv.encode(text, 'gbk'), 'answer.csv');
    await expectFull(e, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]), 'answer.csv');
    await expectFull(e, Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]), 'answer.csv');
  });

  it('XLSX with real date cells (and a Chinese date format)', async () => {
    for (const id of ['cj-3.1.6-daily-sales', 'cj-2.1.6-weekly-account-report']) {
      const e = ex(id);
      const t = exampleAnswer(e);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('答案');
      ws.addRow(t.header);
      t.rows.forEach((row, r) => {
        const [y, m, d] = row[0].split('-').map(Number);
        const added = ws.addRow([new Date(Date.UTC(y, m - 1, d)), ...row.slice(1).map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c))]);
        added.getCell(1).numFmt = r % 2 ? 'yyyy"年"m"月"d"日"' : 'yyyy/m/d';
        row.slice(1).forEach((c, i) => (added.getCell(i + 2).numFmt = c.includes('.') ? `0.${'0'.repeat(c.split('.')[1].length)}` : '0'));
      });
      await expectFull(e, Buffer.from(await wb.xlsx.writeBuffer()), 'answer.xlsx');
    }
  });
});
