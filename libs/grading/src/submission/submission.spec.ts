import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { headerForm, matchHeaders } from './headers';
import { normaliseKey } from './keys';
import { parseSubmission, SubmissionError } from './parse';
import { parseCell, shiftDecimal } from './values';
import type { ColumnDef } from '../types';

describe('parseCell', () => {
  it('reads the number shapes trainees write', () => {
    expect(parseCell('13%')).toEqual({ kind: 'number', n: { value: 13, decimals: 0, percent: true, points: false } });
    expect(parseCell('¥1,234.50')).toMatchObject({ n: { value: 1234.5, decimals: 2 } });
    expect(parseCell('-¥12.00')).toMatchObject({ n: { value: -12, decimals: 2 } });
    expect(parseCell('+0.35个百分点')).toMatchObject({ n: { value: 0.35, points: true } });
    expect(parseCell('0.35pp')).toMatchObject({ n: { value: 0.35, points: true } });
    expect(parseCell('1.2万')).toMatchObject({ n: { value: 12000, decimals: -3 } });
    expect(parseCell('2.35倍')).toMatchObject({ n: { value: 2.35 } });
    expect(parseCell('1:2.35')).toMatchObject({ n: { value: 2.35 } });
    expect(parseCell('（12.5）')).toEqual({ kind: 'text', text: '(12.5)' });
  });

  it('keeps empty and invalid apart', () => {
    for (const s of ['', '-', '—', '--', 'N/A', ' ']) expect(parseCell(s).kind).toBe('empty');
    for (const s of ['#DIV/0!', '∞', 'Infinity']) expect(parseCell(s).kind).toBe('invalid');
  });

  it('shifts decimals exactly', () => {
    expect(shiftDecimal(0.145, 2)).toBe('14.5');
    expect(shiftDecimal('12.35', -2)).toBe('0.1235');
    expect(shiftDecimal(1e-7, 2)).toBe('0.00001');
    expect(shiftDecimal(-3, 2)).toBe('-300');
  });
});

describe('keys and headers', () => {
  it('normalises keys of each kind', () => {
    expect(normaliseKey("\t'6917926068920153218", { type: 'id' })).toBe('6917926068920153218');
    expect(normaliseKey('6.91793E+18', { type: 'id' })).toMatch(/^sci:/);
    expect(normaliseKey('2026/9/7', { type: 'date' })).toBe('2026-09-07');
    expect(normaliseKey('2026年9月7日', { type: 'week' })).toBe('2026-09-07');
    expect(normaliseKey('46272', { type: 'date' })).toBe('2026-09-07');
    expect(normaliseKey('2026年7月', { type: 'month' })).toBe('2026-07');
    expect(normaliseKey('2026/07/01', { type: 'month' })).toBe('2026-07');
    expect(normaliseKey('星期日', { type: 'weekday' })).toBe('7');
    expect(normaliseKey('周一', { type: 'weekday' })).toBe('1');
    expect(normaliseKey('20:00', { type: 'hour' })).toBe('20');
    expect(normaliseKey('20点', { type: 'hour' })).toBe('20');
    expect(normaliseKey('2026/10/01 19:30', { type: 'datetime' })).toBe('2026-10-01 19:30:00');
    expect(normaliseKey('  视频　', { type: 'text' })).toBe('视频');
    expect(normaliseKey('="视频"', { type: 'text' })).toBe('视频');
  });

  it('reads header units and matches zh, en and alias names', () => {
    expect(headerForm('互动率（%）')).toEqual({ base: '互动率', percent: true });
    expect(headerForm(' 消耗(元) ')).toEqual({ base: '消耗', percent: false });
    expect(headerForm('点击率%')).toEqual({ base: '点击率', percent: true });
    const cols = [
      { key: 'plays', header: { zh: '播放量', en: 'Plays' }, role: 'value' },
      { key: 'rate', header: { zh: '互动率', en: 'Engagement rate' }, role: 'value', aliases: ['互动比'] },
      { key: 'avg', header: { zh: '日均播放', en: 'Daily plays' }, role: 'value' },
    ] as ColumnDef[];
    expect(matchHeaders(cols, ['Engagement rate (%)', '日均播放量', '播放量'])).toEqual(
      new Map([
        ['plays', 2],
        ['rate', 0],
        ['avg', 1],
      ]),
    );
  });
});

describe('parseSubmission', () => {
  const csv = '体裁,互动率(%)\r\n视频,12.35\r\n';
  it('decodes UTF-8 with and without BOM, GB18030 and UTF-16', async () => {
    const grids = await Promise.all([
      parseSubmission(Buffer.from('\uFEFF' + csv), 'a.csv'),
      parseSubmission(Buffer.from(csv), 'a.csv'),
      parseSubmission(iconv.encode(csv, 'gb18030'), 'a.csv'),
      parseSubmission(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf16le')]), 'a.csv'),
    ]);
    for (const g of grids)
      expect(g.grid).toEqual([
        ['体裁', '互动率(%)'],
        ['视频', '12.35'],
      ]);
    expect(grids[2].encoding).toBe('GB18030');
  });

  it('reads tab-separated text and JSON shapes', async () => {
    expect((await parseSubmission(Buffer.from('体裁\t互动率\n视频\t12.35\n'), 'a.txt')).grid[1]).toEqual(['视频', '12.35']);
    expect((await parseSubmission(Buffer.from(JSON.stringify([{ 体裁: '视频', 互动率: 12.35 }])), 'a.json')).grid).toEqual([
      ['体裁', '互动率'],
      ['视频', '12.35'],
    ]);
    expect((await parseSubmission(Buffer.from(JSON.stringify({ columns: ['体裁', '互动率'], rows: [['视频', 12.35]] })), 'a.json')).grid[1]).toEqual([
      '视频',
      '12.35',
    ]);
  });

  it('reads XLSX cells as shown: percent formats, decimals of the format, formulas, dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('答案');
    ws.addRow(['日期', '互动率', '金额', '公式']);
    const row = ws.addRow([new Date(Date.UTC(2026, 8, 7)), 0.123456, 1234.5, { formula: 'B2*2', result: 0.246912 }]);
    row.getCell(2).numFmt = '0.00%';
    row.getCell(3).numFmt = '#,##0.00';
    const sub = await parseSubmission(Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx');
    expect(sub.format).toBe('xlsx');
    expect(sub.grid).toEqual([
      ['日期', '互动率', '金额', '公式'],
      ['2026-09-07', '12.35%', '1234.50', '0.246912'],
    ]);
  });

  it('rejects what is not an answer table with a reason', async () => {
    await expect(parseSubmission(Buffer.alloc(0), 'a.csv')).rejects.toBeInstanceOf(SubmissionError);
    await expect(parseSubmission(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'a.xls')).rejects.toMatchObject({ code: 'SUBMISSION_LEGACY_XLS' });
    await expect(parseSubmission(Buffer.from('{"a":'), 'a.json')).rejects.toMatchObject({ code: 'SUBMISSION_JSON' });
    await expect(parseSubmission(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'a.xlsx')).rejects.toMatchObject({ code: 'SUBMISSION_XLSX' });
  });
});
