import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { BatchResult } from './batch';

/** A text a spreadsheet would run as a formula gets a leading apostrophe (DESIGN §9). */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One row per student, one column per item, then total, maximum, percent and the main issues. */
function studentTable(batch: BatchResult): (string | number)[][] {
  const header = [
    '学生ID',
    '文件名',
    ...batch.items.map((it) => `${it.label}（${it.maxPoints}分）`),
    '多余行扣分',
    '总分',
    '满分',
    '得分率(%)',
    '主要问题',
    '错误',
  ];
  const rows = batch.students.map((s) => [
    neutralise(s.studentId),
    neutralise(s.fileName),
    ...batch.items.map((it) => s.items[it.id] ?? 0),
    s.penalty,
    s.score,
    s.maxScore,
    round2(s.ratio * 100),
    neutralise(s.mainIssues.join('；')),
    s.error ? neutralise(s.error.message) : '',
  ]);
  return [header, ...rows];
}

function itemTable(batch: BatchResult): (string | number)[][] {
  return [
    ['题目项', '满分', '正确率(%)', '平均得分', '最常见问题', '出现次数'],
    ...batch.items.map((it) => [
      it.label,
      it.maxPoints,
      round2(it.shareCorrect * 100),
      round2(it.averagePoints),
      it.topDiagnosis?.message ?? '',
      it.topDiagnosis?.count ?? 0,
    ]),
  ];
}

/** UTF-8 CSV with BOM (Excel opens it with the right encoding). */
export function batchToCsv(batch: BatchResult): string {
  return '\uFEFF' + Papa.unparse(studentTable(batch), { newline: '\r\n' }) + '\r\n';
}

/** Item analysis as CSV. */
export function itemAnalysisToCsv(batch: BatchResult): string {
  return '\uFEFF' + Papa.unparse(itemTable(batch), { newline: '\r\n' }) + '\r\n';
}

/** Workbook: 成绩 (one row per student, one column per item) and 题目分析 (item analysis). */
export async function batchToXlsx(batch: BatchResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'creator-ops';
  const grades = wb.addWorksheet('成绩', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  for (const row of studentTable(batch)) grades.addRow(row);
  grades.getRow(1).font = { bold: true };
  grades.columns.forEach((c, i) => (c.width = i < 2 ? 16 : 12));
  const items = wb.addWorksheet('题目分析', { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of itemTable(batch)) items.addRow(row);
  items.getRow(1).font = { bold: true };
  items.columns.forEach((c, i) => (c.width = i === 0 || i === 4 ? 28 : 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
