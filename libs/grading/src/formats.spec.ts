import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { gradeSubmission, type GradeResult } from './grade/grade';
import { unitPolicyOf } from './grade/unit-policy';
import { headerForm, matchHeaders } from './submission/headers';
import { parseSubmission } from './submission/parse';
import { shiftDecimal } from './submission/values';
import { bank, exampleAnswer, keyOf, toCsv, type AnswerTable } from './testing/fixtures';
import type { AnswerKey, Exercise } from './types';

const exercises = bank();
const isNumber = (s: string) => /^[+-]?\d+(\.\d+)?$/.test(s);
const unitOf = (h: string) => /[(（]\s*([^)）]+)\s*[)）]\s*$/.exec(h.normalize('NFKC'))?.[1] ?? '';

/** The example with each cell of matching columns rewritten. */
function mapCells(t: AnswerTable, fn: (cell: string, header: string, col: number) => string): AnswerTable {
  return { header: t.header, rows: t.rows.map((r) => r.map((c, i) => fn(c, t.header[i], i))) };
}

const grouped = (s: string) => {
  const [int, frac] = s.replace('-', '').split('.');
  return (s.startsWith('-') ? '-' : '') + int.replace(/\B(?=(\d{3})+$)/g, ',') + (frac !== undefined ? `.${frac}` : '');
};

async function grade(ex: Exercise, key: AnswerKey, bytes: Buffer, name = 'answer.csv'): Promise<GradeResult> {
  return gradeSubmission(ex, key, await parseSubmission(bytes, name));
}

async function toXlsx(t: AnswerTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('答案');
  ws.addRow(t.header);
  for (const row of t.rows) {
    const added = ws.addRow(
      row.map((c, i) => {
        const unit = unitOf(t.header[i]);
        if (i === 0 || !isNumber(c)) return c;
        return unit === '%' ? Number(shiftDecimal(c, -2)) : Number(c);
      }),
    );
    row.forEach((c, i) => {
      const unit = unitOf(t.header[i]);
      const decimals = c.split('.')[1]?.length ?? 0;
      if (i > 0 && isNumber(c) && unit === '%') added.getCell(i + 1).numFmt = decimals ? `0.${'0'.repeat(decimals)}%` : '0%';
      else if (i > 0 && isNumber(c) && unit === '元') added.getCell(i + 1).numFmt = decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(exercises.map((e) => [e.id, e] as const))('%s: equivalent formats score the same', (_id, ex) => {
  const base = () => exampleAnswer(ex);
  const full = async (t: AnswerTable | Buffer, name?: string) => {
    const key = await keyOf(ex);
    const r = await grade(ex, key, Buffer.isBuffer(t) ? t : toCsv(t), name);
    expect(r.cells.filter((c) => !c.correct).map((c) => `${c.row}·${c.header}: ${c.actual} vs ${c.expected}`)).toEqual([]);
    expect(r.score).toBe(key.maxScore);
  };

  it('rows in another order (only the sort points, when a sort is asked)', async () => {
    const key = await keyOf(ex);
    const t = base();
    const reversed = { header: t.header, rows: [...t.rows].reverse() };
    const r = await grade(ex, key, toCsv(reversed));
    const sortPoints = ex.question.sortRequired && t.rows.length > 1 ? (ex.scoring.sortPoints ?? 0) : 0;
    expect(r.score).toBe(key.maxScore - sortPoints);
  });

  it('percents as 13%; fractions 0.13 under a (%) header follow the unit policy', async () => {
    await full(mapCells(base(), (c, h) => (unitOf(h) === '%' && isNumber(c) ? `${c}%` : c)));
    const fractions = mapCells(base(), (c, h) => (unitOf(h) === '%' && isNumber(c) ? shiftDecimal(c, -2) : c));
    const percentCells = base().rows.flatMap((r) => r.filter((c, i) => unitOf(base().header[i]) === '%' && isNumber(c) && Number(c) !== 0));
    if (unitPolicyOf(ex) === 'lenient' || percentCells.length === 0) return full(fractions);
    const key = await keyOf(ex);
    const r = await grade(ex, key, toCsv(fractions));
    const wrong = r.cells.filter((c) => !c.correct);
    expect(wrong).toHaveLength(percentCells.length);
    expect(new Set(wrong.map((c) => c.diagnosis?.code))).toEqual(new Set(['PERCENT_AS_FRACTION']));
  });

  it('money with ¥ and thousands separators; keys with spaces, apostrophes and full-width brackets in headers', async () => {
    const t = mapCells(base(), (c, h, i) => (unitOf(h) === '元' && isNumber(c) ? `¥${grouped(c)}` : i === 0 && c !== '合计' ? ` '${c} ` : c));
    await full({ header: t.header.map((h) => h.replace('(', '（').replace(')', '）')), rows: t.rows });
  });

  it('English headers', async () => {
    const key = await keyOf(ex);
    const t = base();
    const mapped = matchHeaders(key.columns, t.header);
    const header = t.header.map((h, i) => {
      const col = key.columns.find((c) => mapped.get(c.key) === i);
      const unit = unitOf(h);
      return col ? `${col.header.en}${unit ? `(${unit})` : ''}` : h;
    });
    await full({ header, rows: t.rows });
  });

  it('GB18030 CSV, XLSX (numbers and percent formats) and JSON', async () => {
    const t = base();
    const csvText = toCsv(t)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    await full(iconv.encode(csvText, 'gb18030'), 'answer.csv');
    await full(await toXlsx(t), 'answer.xlsx');
    const json = JSON.stringify(t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, isNumber(r[i]) && i > 0 ? Number(r[i]) : r[i]]))));
    await full(Buffer.from(json, 'utf8'), 'answer.json');
  });
});

describe.each(exercises.map((e) => [e.id, e] as const))('%s: generic mistakes', (_id, ex) => {
  it('a missing row loses that row, an extra row costs the penalty, an unasked total row is ignored', async () => {
    const key = await keyOf(ex);
    const t = exampleAnswer(ex);
    const firstData = key.rows.findIndex((r) => !r.isTotal);
    const rowPoints = key.rows[firstData] ? (await grade(ex, key, toCsv(t))).rows[firstData].maxPoints : 0;
    const missing = await grade(ex, key, toCsv({ header: t.header, rows: t.rows.slice(1) }));
    expect(missing.score).toBe(key.maxScore - rowPoints);
    expect(missing.rows.filter((r) => r.status === 'missing')).toHaveLength(1);
    const extraRow = t.header.map((_, i) => (i === 0 ? '不存在的一行' : t.rows[0][i]));
    const extra = await grade(ex, key, toCsv({ header: t.header, rows: [...t.rows, extraRow] }));
    expect(extra.score).toBe(key.maxScore - (ex.scoring.extraRowPenalty ?? 1));
    expect(extra.rows.find((r) => r.status === 'extra')?.diagnosis?.code).toBe('EXTRA_ROW');
    if (!ex.question.totalsRow) {
      const total = await grade(ex, key, toCsv({ header: t.header, rows: [...t.rows, t.header.map((_, i) => (i === 0 ? '合计' : ''))] }));
      expect(total.score).toBe(key.maxScore);
      expect(total.rows.find((r) => r.status === 'ignored')?.diagnosis?.code).toBe('TOTAL_ROW_IGNORED');
    }
  });

  const percentColumns = exampleAnswer(ex).header.filter((h) => unitOf(h) === '%');
  if (percentColumns.length === 0) return;
  it('×100 twice, and a fraction where a percent was asked (header without %)', async () => {
    const key = await keyOf(ex);
    const t = exampleAnswer(ex);
    const column = percentColumns[0];
    const c = t.header.indexOf(column);
    const nonZero = t.rows.filter((r) => isNumber(r[c]) && Number(r[c]) !== 0).length;
    const headerOf = (r: GradeResult) => r.columns.find((x) => x.submitted === column || x.submitted === headerForm(column).base)?.header;

    const twice = await grade(ex, key, toCsv(mapCells(t, (v, h) => (h === column && isNumber(v) ? shiftDecimal(v, 2) : v))));
    const twiceCells = twice.cells.filter((x) => x.header === headerOf(twice) && !x.correct);
    expect(twiceCells).toHaveLength(nonZero);
    expect(new Set(twiceCells.map((x) => x.diagnosis?.code))).toEqual(new Set(['TIMES_100_TWICE']));
    expect(twice.score).toBe(key.maxScore - nonZero);

    const bare = column.replace(/[(（]%[)）]/, '');
    const fractions = mapCells(t, (v, h) => (h === column && isNumber(v) ? shiftDecimal(v, -2) : v));
    const asFraction = await grade(ex, key, toCsv({ header: fractions.header.map((h) => (h === column ? bare : h)), rows: fractions.rows }));
    const fractionCells = asFraction.cells.filter((x) => !x.correct);
    expect(fractionCells).toHaveLength(nonZero);
    expect(new Set(fractionCells.map((x) => x.diagnosis?.code))).toEqual(new Set(['PERCENT_AS_FRACTION']));
  });
});
