import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { listFiles, makeDataDir, removeDataDir, sampleBytes, startApp, upload, type E2eApp } from '../helpers/e2e-app';
import { decodeCsvText, parseCsv } from '../helpers/sample-figures';

/**
 * F9: phones, names and addresses inside free text (买家留言, 商家备注) were stored verbatim and
 * returned by /rows. Now they are masked before storage, and the import report counts the cells.
 */
const NOTES: [string, string, string[]][] = [
  // [买家留言, 商家备注, what must never be stored]
  ['请联系13812345678，送到北京市朝阳区建国路88号3栋201', '-', ['13812345678', '建国路88号', '3栋201']],
  ['收件人：张三丰 电话 139-0000-1111', '已备注', ['张三丰', '139-0000-1111']],
  ['-', '开票身份证110105199003071234', ['110105199003071234']],
  ['放在6号楼1203室门口，谢谢', '座机 0755-12345678', ['6号楼1203室', '0755-12345678']],
];

describe('F9 personal data inside free text', () => {
  let dir: string;
  let e: E2eApp;
  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir);
  });
  afterAll(async () => {
    await e.close();
    removeDataDir(dir);
  });

  it('masks phones, ID numbers, addresses and names before storage, and counts the masked cells', async () => {
    const rows = parseCsv(decodeCsvText(sampleBytes('doudian-orders.csv')));
    NOTES.forEach(([message, remark], i) => {
      rows[i]['买家留言'] = message;
      rows[i]['商家备注'] = remark;
    });
    const bytes = Buffer.from(Papa.unparse(rows));
    const res = await upload(e, 'shop', bytes, 'orders-with-notes.csv').expect(201);
    const warning = res.body.report.warnings.find((w: { code: string }) => w.code === 'PII_TEXT_MASKED');
    // 5 cells hold personal data: three 买家留言 (rows 1, 2, 4) and two 商家备注 (rows 3, 4).
    expect(warning.params.count).toBe(5);
    expect(warning.params.columns).toMatch(/买家留言/);
    expect(warning.params.columns).toMatch(/商家备注/);

    const id = res.body.id;
    const got = await e.http().get(`/api/workspaces/shop/datasets/${id}/rows?offset=0&limit=500`).expect(200);
    const text = JSON.stringify(got.body);
    const secrets = NOTES.flatMap(([, , s]) => s);
    expect(secrets.filter((s) => text.includes(s))).toEqual([]);
    // The rest of the text is kept.
    expect(text).toContain('谢谢');
    expect(text).toContain('***');
    // Nor is any of it anywhere in DATA_DIR (database, Arrow files).
    const stored = listFiles(dir).map((f) => readFileSync(f));
    expect(secrets.filter((s) => stored.some((b) => b.includes(Buffer.from(s))))).toEqual([]);
  });
});
