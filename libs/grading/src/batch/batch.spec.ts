import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { performance } from 'node:perf_hooks';
import { applyMutation, bank, exampleAnswer, keyOf, mutationsOf, toCsv, type AnswerTable } from '../testing/fixtures';
import { gradeBatch, type BatchInput } from './batch';
import { batchToCsv, batchToXlsx, itemAnalysisToCsv, neutralise } from './export';

const EXERCISE = 'cj-4.3.4-plan-metrics';

/** 200 deterministic submissions: the example, its typical mistakes, random slips, an XLSX and a broken file. */
async function submissions(count: number): Promise<BatchInput[]> {
  const ex = bank().find((e) => e.id === EXERCISE)!;
  const example = exampleAnswer(ex);
  const mutations = mutationsOf(ex);
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: BatchInput[] = [];
  for (let i = 0; i < count; i++) {
    let t: AnswerTable = example;
    if (rand() < 0.6) t = applyMutation(t, mutations[Math.floor(rand() * mutations.length)]);
    if (rand() < 0.3) {
      const rows = t.rows.map((r) => [...r]);
      const r = Math.floor(rand() * (rows.length - 1));
      const c = 1 + Math.floor(rand() * (t.header.length - 1));
      rows[r][c] = String(Number(rows[r][c]) + 1);
      t = { header: t.header, rows };
    }
    const studentId = `2026${String(i + 1).padStart(4, '0')}`;
    if (i === 13) out.push({ studentId, fileName: `${studentId}.csv`, bytes: Buffer.alloc(0) });
    else if (i % 50 === 7) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('答案');
      ws.addRow(t.header);
      t.rows.forEach((r) => ws.addRow(r.map((c, k) => (k > 0 && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c))));
      out.push({ studentId, fileName: `${studentId}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) });
    } else out.push({ studentId: i === 0 ? '=cmd|calc' : studentId, fileName: `${studentId}.csv`, bytes: toCsv(t) });
  }
  return out;
}

describe('gradeBatch', () => {
  it('grades 200 submissions into a per-student × per-item table with item analysis (timing logged; the bench prints it)', async () => {
    const ex = bank().find((e) => e.id === EXERCISE)!;
    const key = await keyOf(ex);
    const inputs = await submissions(200);
    const t0 = performance.now();
    const batch = await gradeBatch(ex, key, inputs);
    const ms = performance.now() - t0;
    console.log(`graded ${inputs.length} submissions in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(30_000);

    expect(batch.students).toHaveLength(200);
    expect(batch.summary.failed).toBe(1);
    expect(batch.students[13].error?.code).toBe('SUBMISSION_EMPTY');
    const valueColumns = key.columns.filter((c) => c.role === 'value').length;
    expect(batch.items).toHaveLength(valueColumns);
    for (const s of batch.students.filter((x) => !x.error)) {
      expect(Object.values(s.items).reduce((a, b) => a + b, 0) - s.penalty).toBe(s.score);
    }
    const perfect = batch.students.filter((s) => s.score === key.maxScore).length;
    expect(perfect).toBeGreaterThan(20);
    const ctr = batch.items.find((it) => it.id === 'ctr')!;
    expect(ctr.shareCorrect).toBeGreaterThan(0);
    expect(ctr.shareCorrect).toBeLessThan(1);
    expect(ctr.topDiagnosis?.code).toBe('INVERTED_RATIO');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await batchToXlsx(batch)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('成绩')!;
    expect(sheet.actualRowCount).toBe(201);
    expect(sheet.getRow(1).cellCount).toBe(2 + batch.items.length + 6);
    expect(sheet.getRow(2).getCell(1).value).toBe("'=cmd|calc");
    expect(wb.getWorksheet('题目分析')!.actualRowCount).toBe(1 + batch.items.length);

    const csv = Papa.parse<string[]>(batchToCsv(batch).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(csv).toHaveLength(201);
    expect(csv[0].slice(0, 2)).toEqual(['学生ID', '文件名']);
    expect(Papa.parse(itemAnalysisToCsv(batch).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data).toHaveLength(1 + batch.items.length);
  });

  it("shows each item's most common diagnosis: cells, the sort, rows of a list", async () => {
    const ex = bank().find((e) => e.id === 'cj-2.1.6-works-by-format')!;
    const key = await keyOf(ex);
    const t = exampleAnswer(ex);
    const rate = t.header.indexOf('互动率(%)');
    // Two trainees multiply the rate by 100 twice, one reverses the rows, one writes a count no mistake explains.
    const times100 = { header: t.header, rows: t.rows.map((r) => r.map((c, i) => (i === rate ? String(Number(c) * 100) : c))) };
    const reversed = { header: t.header, rows: [...t.rows].reverse() };
    const slip = { header: t.header, rows: t.rows.map((r, k) => (k === 0 ? [r[0], String(Number(r[1]) + 1000), ...r.slice(2)] : r)) };
    const inputs = [times100, times100, reversed, slip, t].map((x, i) => ({ studentId: `s${i}`, fileName: `s${i}.csv`, bytes: toCsv(x) }));
    const batch = await gradeBatch(ex, key, inputs);
    const item = (id: string) => batch.items.find((it) => it.id === id)!;
    expect(item('engagement_rate').topDiagnosis).toMatchObject({ code: 'TIMES_100_TWICE', count: 2 * t.rows.length });
    expect(item('__sort').topDiagnosis).toMatchObject({ code: 'SORT_REVERSED', count: 1 });
    expect(item('works').topDiagnosis).toMatchObject({ code: 'WRONG_VALUE', count: 1 });
    expect(item('plays').topDiagnosis).toBeNull();
    for (const it of batch.items) if (it.shareCorrect < 1) expect(it.topDiagnosis).not.toBeNull();

    const list = bank().find((e) => e.id === 'cj-3.1.6-overdue-orders')!;
    const listKey = await keyOf(list);
    const orders = exampleAnswer(list);
    const listBatch = await gradeBatch(list, listKey, [
      { studentId: 'a', fileName: 'a.csv', bytes: toCsv({ header: orders.header, rows: orders.rows.slice(1) }) },
    ]);
    expect(listBatch.items.filter((it) => it.topDiagnosis !== null)).toHaveLength(1);
  });

  it('neutralises formula injection in exported text', () => {
    expect(neutralise('=1+1')).toBe("'=1+1");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('张三')).toBe('张三');
  });
});
