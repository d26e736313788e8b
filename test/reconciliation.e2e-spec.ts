import { everyCtrWrongCsv } from './helpers/ad-exports';
import { makeDataDir, removeDataDir, startApp, upload, uploadSample, type E2eApp } from './helpers/e2e-app';

/** The platform's own ratios are recomputed and every disagreement beyond rounding is listed. */
describe('reconciliation of reported ratios', () => {
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

  it('finds nothing to report in the consistent 千川 sample (row ratios and the 全部 total)', async () => {
    const res = await uploadSample(e, 'qc', 'qianchuan-plan-daily.csv');
    expect(res.status).toBe(201);
    const rec = await e.http().get(`/api/workspaces/qc/datasets/${res.body.id}/reconciliation`).expect(200);
    expect(rec.body).toMatchObject({ fields: ['reported_ctr', 'reported_roi', 'reported_cost_per_order'], rowsChecked: 28, totalChecked: true, issues: [] });
    expect(res.body.report.warnings.map((w: { code: string }) => w.code)).toContain('RECONCILIATION_OK');
  });

  it('lists a wrong row CTR and a wrong total ROI, and accepts values within the export rounding', async () => {
    const csv = [
      '日期,计划ID,消耗(元),展示次数,点击次数,点击率,成交订单数,成交金额(元),支付ROI',
      // 30 / 1000 = 3.00%: reported 3.00% is right; ROI 250 / 100 = 2.50 right.
      '2026-10-01,P1,100.00,1000,30,3.00%,5,250.00,2.50',
      // 20 / 800 = 2.50%: reported 2.60% is wrong by 0.1 pp (> 0.005 pp of rounding). ROI 90 / 60 = 1.50 right.
      '2026-10-01,P2,60.00,800,20,2.60%,3,90.00,1.50',
      // 7 / 300 = 2.333…%: reported 2.33% is within rounding. ROI 100 / 30 = 3.333… reported 3.33 fine.
      '2026-10-02,P1,30.00,300,7,2.33%,2,100.00,3.33',
      // Total: clicks 57 / 2100 = 2.714…% -> 2.71% right; ROI 440 / 190 = 2.3157… but reported 2.40: wrong.
      '全部,-,190.00,2100,57,2.71%,10,440.00,2.40',
    ].join('\n');
    const res = await upload(e, 'rec', Buffer.from(csv), 'plan.csv');
    expect(res.status).toBe(201);
    const rec = await e.http().get(`/api/workspaces/rec/datasets/${res.body.id}/reconciliation`).expect(200);
    expect(rec.body.rowsChecked).toBe(3);
    expect(rec.body.issues).toHaveLength(2);
    expect(rec.body.issues[0]).toMatchObject({ line: 3, field: 'reported_ctr', metric: 'ctr', reported: 0.026 });
    expect(rec.body.issues[0].recomputed).toBeCloseTo(20 / 800, 12);
    expect(rec.body.issues[1]).toMatchObject({ line: 'total', field: 'reported_roi', metric: 'roi', reported: 2.4 });
    expect(rec.body.issues[1].recomputed).toBeCloseTo(440 / 190, 12);
    expect(res.body.report.warnings.map((w: { code: string }) => w.code)).toContain('RECONCILIATION_MISMATCH');
  });

  it('counts every disagreement of an export whose CTR is defined otherwise on every row, lists the first 200 with the total row’s, and pages through the rest', async () => {
    // 1,500 rows: clicks i, impressions 1000, so the CTR is i / 1000; the export writes it as 9.99% on every row. Row i is on line i + 1.
    // 9.99% stands for 0.0999 ± 0.00005 (half its last digit); the nearest CTRs are 0.099 and 0.100, so all 1,500 disagree.
    // ROI: GMV 2 x cost, written 2.00: right on every row. Total: clicks 1500 x 1501 / 2 over 1,500,000 impressions = 75.05%, written 75.05%: right.
    const csv = everyCtrWrongCsv(1_500);
    const res = await upload(e, 'every', Buffer.from(csv), 'plan.csv');
    expect(res.status).toBe(201);
    const recon = res.body.report.reconciliation;
    expect([recon.rowsChecked, recon.totalChecked, recon.issueCount, recon.issueCounts]).toEqual([
      1_500,
      true,
      1_500,
      { reported_ctr: 1_500, reported_roi: 0 },
    ]);
    expect(recon.issues.map((i: { line: number }) => i.line)).toEqual(Array.from({ length: 200 }, (_, k) => k + 2));
    expect(res.body.report.warnings.find((w: { code: string }) => w.code === 'RECONCILIATION_MISMATCH').params).toEqual({ count: 1_500 });
    const url = `/api/workspaces/every/datasets/${res.body.id}/reconciliation`;
    expect((await e.http().get(url).expect(200)).body).toEqual(recon);
    // Rows 1,201..1,500 (lines 1,202..1,501), past the report's list: reported 0.0999, recomputed i / 1000.
    const page = (await e.http().get(`${url}?offset=1200&limit=1000`).expect(200)).body;
    expect([page.offset, page.issueCount, page.issues.length]).toEqual([1_200, 1_500, 300]);
    expect(page.issues.map((i: { line: number; reported: number; recomputed: number }) => [i.line, i.reported, i.recomputed])).toEqual(
      Array.from({ length: 300 }, (_, k) => [k + 1_202, 0.0999, (k + 1_201) / 1000]),
    );
    await e.http().get(`${url}?limit=1001`).expect(400);
  });

  it('pages over the rows’ disagreements then the total row’s, and lists nothing past the end', async () => {
    // 1,500 rows and the total row, every CTR written 9.99%: 1,501 disagreements, the total's last (index 1,500).
    const res = await upload(e, 'ends', Buffer.from(everyCtrWrongCsv(1_500, { wrongTotal: true })), 'plan.csv');
    expect(res.status).toBe(201);
    const url = `/api/workspaces/ends/datasets/${res.body.id}/reconciliation`;
    const tail = (await e.http().get(`${url}?offset=1450&limit=100`).expect(200)).body;
    expect(tail.issueCount).toBe(1_501);
    // Rows 1,451..1,500 are on lines 1,452..1,501; then the total row (75.05% recomputed).
    expect(tail.issues.map((i: { line: number | string }) => i.line)).toEqual([...Array.from({ length: 50 }, (_, k) => k + 1_452), 'total']);
    expect(tail.issues[50].recomputed).toBeCloseTo(1_125_750 / 1_500_000, 12);
    const before = (await e.http().get(`${url}?offset=1400&limit=100`).expect(200)).body;
    expect(before.issues.map((i: { line: number }) => i.line)).toEqual(Array.from({ length: 100 }, (_, k) => k + 1_402));
    expect((await e.http().get(`${url}?offset=1501`).expect(200)).body.issues).toEqual([]);
    expect((await e.http().get(`${url}?offset=999999999999`).expect(200)).body.issues).toEqual([]);
  });

  it('returns an empty reconciliation for a kind without reported ratios', async () => {
    const res = await uploadSample(e, 'shop', 'doudian-orders.csv');
    const rec = await e.http().get(`/api/workspaces/shop/datasets/${res.body.id}/reconciliation`).expect(200);
    expect(rec.body).toEqual({ fields: [], rowsChecked: 0, totalChecked: false, issueCount: 0, issueCounts: {}, issues: [] });
  });
});
