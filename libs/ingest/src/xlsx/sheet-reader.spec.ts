/**
 * The worksheet state machine (sheet-reader.ts) on sheet XML written out here: cell types, the
 * cases exceljs's WorksheetReader got wrong, and sheets that are not whole.
 */
import { IngestError } from '../messages';
import { sheetRows, type SheetContext, type SheetRow } from './sheet-reader';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const CTX: SheetContext = {
  sharedStrings: ['共享文本', { richText: [{ text: '富' }, { text: '文本' }] }],
  numFmt: (s) => (s === 1 ? 'yyyy-mm-dd' : s === 2 ? '0.00%' : undefined),
};

async function read(xml: string, chunkSize = 7): Promise<SheetRow[]> {
  async function* chunks() {
    for (let i = 0; i < xml.length; i += chunkSize) yield xml.slice(i, i + chunkSize);
  }
  const rows: SheetRow[] = [];
  for await (const batch of sheetRows(chunks(), CTX)) rows.push(...batch);
  return rows;
}
const sheet = (data: string, root = 'worksheet') => `<?xml version="1.0" encoding="UTF-8"?><${root} ${NS}><sheetData>${data}</sheetData></${root}>`;

describe('sheetRows', () => {
  it('reads every cell type by its t attribute, and the number format of its style', async () => {
    const rows = await read(
      sheet(
        '<row r="1">' +
          '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
          '<c r="C1" t="inlineStr"><is><t>内联</t></is></c>' +
          '<c r="D1" t="str"><f>A1&amp;B1</f><v>公式文本</v></c>' +
          '<c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#DIV/0!</v></c>' +
          '<c r="G1"><v>1610.67</v></c><c r="H1" s="1"><v>45930</v></c><c r="I1" s="2"><f>A2/B2</f><v>0.1234</v></c>' +
          '<c r="J1" t="d"><v>2026-10-01T19:30:00</v></c><c r="K1"><f>A3</f></c><c r="L1" s="1"/>' +
          '</row>',
      ),
    );
    expect(rows).toHaveLength(1);
    const { number, values, formats } = rows[0];
    expect(number).toBe(1);
    expect(values).toEqual([
      '共享文本',
      { richText: [{ text: '富' }, { text: '文本' }] },
      '内联',
      '公式文本',
      true,
      { error: '#DIV/0!' },
      1610.67,
      45930,
      0.1234,
      new Date(Date.UTC(2026, 9, 1, 19, 30)),
    ]);
    expect(formats[7]).toBe('yyyy-mm-dd');
    expect(formats[8]).toBe('0.00%');
    // A formula without a cached value and a styled empty cell hold nothing.
    expect(values.length).toBe(10);
  });

  it('joins the runs of a rich inline string and leaves out phonetic runs', async () => {
    const rows = await read(
      sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><r><t>作品1：</t></r><r><rPr><b/></rPr><t xml:space="preserve">秋天 </t></r><rPh sb="0" eb="1"><t>ZUO</t></rPh></is></c></row>',
      ),
    );
    expect(rows[0].values).toEqual(['作品1：秋天 ']);
  });

  it('numbers rows and cells without r attributes from the previous ones; keeps gaps where r says so', async () => {
    const rows = await read(
      sheet('<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>'),
    );
    expect(rows.map((r) => r.number)).toEqual([1, 5, 6]);
    expect(rows[0].values).toEqual(['a', 1]);
    expect(rows[1].values).toEqual([undefined, undefined, 3, 4]);
    expect(rows[2].values).toEqual([5]);
  });

  it('reads prefixed element names (x:row) and ignores <dimension>', async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="Z1"><x:v>2</x:v></x:c></x:row><x:row r="2"><x:c r="B2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const rows = await read(xml);
    expect(rows.map((r) => r.number)).toEqual([1, 2]);
    expect(rows[0].values[25]).toBe(2);
    expect(rows[1].values).toEqual([undefined, 3]);
  });

  it('fails with XLSX_CORRUPT on a sheet that ends early, a column beyond XFD, or a missing shared string', async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'imported',
        (e) => (e instanceof IngestError ? e.code : String(e)),
      );
    expect(await code(read(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`))).toBe('XLSX_CORRUPT');
    expect(await code(read(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')))).toBe('XLSX_CORRUPT');
    expect(await code(read(sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>')))).toBe('XLSX_CORRUPT');
  });
});
