import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { makeDataDir, removeDataDir, sampleBytes, startApp, uploadSample, type E2eApp } from './helpers/e2e-app';

/** Reports over HTTP: the catalogue, JSON, server-rendered charts and the workbook export. */
describe('reports API', () => {
  let dir: string;
  let e: E2eApp;
  const WS = 'shop';
  const SAMPLES = ['doudian-orders.csv', 'qianchuan-plan-daily.csv', 'douyin-works.csv'];

  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir);
    for (const f of SAMPLES) expect((await uploadSample(e, WS, f, { account: '示例账号' })).status).toBe(201);
  });
  afterAll(async () => {
    await e.close();
    removeDataDir(dir);
  });

  it('lists the catalogue with what each report needs', async () => {
    const res = await e.http().get(`/api/workspaces/${WS}/reports`).expect(200);
    const byKey = Object.fromEntries(res.body.items.map((r: { key: string }) => [r.key, r]));
    expect(byKey.ad_performance).toMatchObject({ available: true, missing: [] });
    expect(byKey.sales_report).toMatchObject({ available: true });
    // No live export was uploaded: the live review says which export to upload.
    expect(byKey.live_review).toMatchObject({ available: false, missing: ['live'] });
    const live = await e.http().get(`/api/workspaces/${WS}/reports/live_review`).expect(200);
    expect(live.body.missing.message.zh).toContain('直播');
  });

  it('computes the ad report KPIs over the whole period with the engine (ratios of sums)', async () => {
    const res = await e.http().get(`/api/workspaces/${WS}/reports/ad_performance?preset=all`).expect(200);
    const kpi = (k: string) => res.body.kpis.find((x: { metric: string }) => x.metric === k);
    // Totals of the 28 daily plan rows (the 全部 row of the export agrees): cost 118,365.83; clicks 91,888; impressions 3,333,550; GMV 391,673.55.
    expect(kpi('cost')?.value).toBeCloseTo(118365.83, 6);
    expect(kpi('ctr')?.value).toBeCloseTo(91888 / 3333550, 12);
    expect(kpi('roi')?.value).toBeCloseTo(391673.55 / 118365.83, 12);
    // One period model (issue 14): 全部 spans the workspace, not the report's kind — works from 2026-09-01
    // (douyin-works.csv), orders paid up to 2026-10-13 (doudian-orders.csv); the ad rows (10-01..10-07) all fall inside.
    expect(res.body.params).toMatchObject({ from: '2026-09-01', to: '2026-10-13' });
  });

  it('renders every chart of a report as SVG with its title and axis units, and as PNG', async () => {
    const res = await e.http().get(`/api/workspaces/${WS}/reports/ad_performance?preset=all`).expect(200);
    expect(res.body.charts.length).toBeGreaterThan(0);
    for (const chart of res.body.charts as { id: string; title: { zh: string }; option: Record<string, unknown> }[]) {
      const svg = await e.http().get(`/api/workspaces/${WS}/reports/ad_performance/charts/${chart.id}.svg?preset=all`).expect(200);
      expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
      const text = svg.text ?? svg.body.toString();
      expect(text.startsWith('<svg')).toBe(true);
      expect(text).toContain(chart.title.zh);
      const axes = [chart.option.xAxis, chart.option.yAxis].flat().filter(Boolean) as { name?: string }[];
      for (const axis of axes) if (axis.name) expect(text).toContain(axis.name);
      const png = await e.http().get(`/api/workspaces/${WS}/reports/ad_performance/charts/${chart.id}.png?preset=all`).buffer(true).parse(binary).expect(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect((png.body as Buffer).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
    await e.http().get(`/api/workspaces/${WS}/reports/ad_performance/charts/nope.svg`).expect(404);
  });

  it('exports a workbook with a sheet per table and a provenance sheet naming the source files by hash', async () => {
    const res = await e.http().get(`/api/workspaces/${WS}/reports/sales_report/export.xlsx?preset=all`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('数据来源');
    const prov = wb.getWorksheet('数据来源')!;
    const cells: string[] = [];
    prov.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    const sha = createHash('sha256').update(sampleBytes('doudian-orders.csv')).digest('hex');
    expect(cells).toContain(sha);
    expect(cells).toContain('doudian-orders.csv');
    expect(cells.some((c) => c.includes('订单应付金额'))).toBe(true);
    const report = await e.http().get(`/api/workspaces/${WS}/reports/sales_report?preset=all`).expect(200);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(report.body.tables.length + 1);
  });

  it('rejects bad parameters with 400 and unknown reports with 404', async () => {
    const bad = await e.http().get(`/api/workspaces/${WS}/reports/ad_performance?granularity=year`).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const unknown = await e.http().get(`/api/workspaces/${WS}/reports/nope`).expect(404);
    expect(unknown.body.code).toBe('REPORT_NOT_FOUND');
  });
});

/** Collects a binary response body as a Buffer (supertest's parser signature). */
function binary(res: import('supertest').Response, done: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
