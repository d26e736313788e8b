import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { databaseEnv } from './helpers/test-database';
import { makeDataDir, removeDataDir, startApp, upload, type E2eApp } from './helpers/e2e-app';

/**
 * Monitoring over HTTP with the default rules (per plan, latest day): ROI below 保本ROI at a 30%
 * gross margin (1 / 0.3 = 3.33), CTR down > 30% day over day (impressions ≥ 1000), spend ≥ 100
 * with zero orders. Figures worked out by hand in the comments.
 */
const HEADER = '日期,计划ID,计划名称,消耗(元),展示次数,点击次数,成交订单数,成交金额(元)';
const DAY1 = [
  '2026-10-01,P1,计划一,200.00,10000,300,10,1000.00', // ROI 5
  '2026-10-01,P2,计划二,150.00,5000,100,3,600.00', // CTR 100/5000 = 2%
  '2026-10-01,P3,计划三,50.00,800,10,0,0.00',
];
const DAY2 = [
  '2026-10-02,P1,计划一,200.00,10000,300,10,500.00', // ROI 500/200 = 2.5 < 3.33 -> high
  '2026-10-02,P2,计划二,150.00,5000,50,3,600.00', // CTR 1%, was 2%: -50% -> medium; ROI 4 fine
  '2026-10-02,P3,计划三,50.00,800,5,0,0.00', // spends 50 < 100 with no orders: under the volume floor
  '2026-10-02,P4,计划四,120.00,2000,20,0,0.00', // 120 ≥ 100 and 0 orders -> high; ROI 0 < 3.33 -> high
];
// A corrected export of the last day: P1 ROI 800/200 = 4, P4 sold 2 orders for 500 (ROI 4.17); P2 unchanged.
const DAY2_FIXED = [
  '2026-10-02,P1,计划一,200.00,10000,300,10,800.00',
  '2026-10-02,P2,计划二,150.00,5000,50,3,600.00',
  '2026-10-02,P4,计划四,120.00,2000,20,2,500.00',
];

const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));

interface AlertBody {
  id: string;
  ruleId: string;
  metric: string;
  dimensionValue: string;
  window: { from: string; to: string };
  observed: number;
  threshold: number;
  state: string;
  severity: string;
}

describe('campaign monitoring', () => {
  let dir: string;
  let e: E2eApp;
  let hook: Server;
  const received: { status: number; body: { alerts: AlertBody[] } }[] = [];
  let hookUrl = '';

  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir);
    let calls = 0;
    hook = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        const status = calls++ === 0 ? 500 : 200;
        received.push({ status, body: JSON.parse(data) });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hook`;
  });
  afterAll(async () => {
    await e.close();
    await new Promise((r) => hook.close(r));
    removeDataDir(dir);
  });

  const alerts = async (state?: string) =>
    (
      await e
        .http()
        .get(`/api/workspaces/ads/alerts${state ? `?state=${state}` : ''}`)
        .expect(200)
    ).body as { items: AlertBody[]; summary: { open: { high: number } } };
  const fired = (items: AlertBody[]) => items.map((a) => `${a.metric}:${a.dimensionValue}:${a.severity}:${a.state}`).sort();

  it('starts a workspace with the default rules', async () => {
    await upload(e, 'ads', csv(DAY1), 'day1.csv').expect(201);
    const rules = await e.http().get('/api/workspaces/ads/alert-rules').expect(200);
    expect(rules.body.items.map((r: { op: string; metric: string }) => `${r.metric}:${r.op}`).sort()).toEqual([
      'ad_orders:zero_with_spend',
      'cpa:change_pct_up',
      'ctr:change_pct_down',
      'roi:below_breakeven_roi',
    ]);
    await e.http().put('/api/workspaces/ads/webhook').send({ url: hookUrl }).expect(200);
  });

  it('fires exactly on the expected plans after an import, and not under the volume floor', async () => {
    await upload(e, 'ads', csv(DAY2), 'day2.csv').expect(201);
    const { items, summary } = await alerts();
    expect(fired(items)).toEqual(['ad_orders:P4:high:new', 'ctr:P2:medium:new', 'roi:P1:high:new', 'roi:P4:high:new']);
    expect(summary.open.high).toBe(3);
    const roiP1 = items.find((a) => a.metric === 'roi' && a.dimensionValue === 'P1')!;
    expect(roiP1.window).toEqual({ from: '2026-10-02', to: '2026-10-02' });
    expect(roiP1.observed).toBeCloseTo(2.5, 12);
    expect(roiP1.threshold).toBeCloseTo(1 / 0.3, 12);
    const ctrP2 = items.find((a) => a.metric === 'ctr')!;
    expect(ctrP2.observed).toBeCloseTo(0.01, 12);
  });

  it('never duplicates on re-evaluation, and keeps an acknowledgement', async () => {
    const before = await alerts();
    const ctr = before.items.find((a) => a.metric === 'ctr')!;
    await e.http().post(`/api/workspaces/ads/alerts/${ctr.id}/ack`).expect(200);
    const again = await e.http().post('/api/workspaces/ads/alerts/evaluate').expect(200);
    expect(again.body.created).toBe(0);
    const after = await alerts();
    expect(after.items).toHaveLength(4);
    expect(after.items.find((a) => a.id === ctr.id)!.state).toBe('acknowledged');
  });

  it('resolves alerts a later import clears', async () => {
    await upload(e, 'ads', csv(DAY2_FIXED), 'day2-fixed.csv').expect(201);
    const open = await alerts('new');
    expect(open.items).toHaveLength(0);
    expect(fired((await alerts('resolved')).items)).toEqual(['ad_orders:P4:high:resolved', 'roi:P1:high:resolved', 'roi:P4:high:resolved']);
    expect(fired((await alerts('acknowledged')).items)).toEqual(['ctr:P2:medium:acknowledged']);
  });

  it('lists alerts a page at a time: the pages join into the whole list, in the same order, with its total', async () => {
    const whole = (await e.http().get('/api/workspaces/ads/alerts').expect(200)).body as { items: AlertBody[] };
    // The three high alerts (resolved) before the medium one (acknowledged).
    expect(whole.items.map((a) => a.severity)).toEqual(['high', 'high', 'high', 'medium']);
    const ids: string[] = [];
    for (let offset = 0; offset < 5; offset += 2) {
      const page = (await e.http().get(`/api/workspaces/ads/alerts?offset=${offset}&limit=2`).expect(200)).body;
      expect([page.offset, page.total, page.summary.open.high]).toEqual([offset, 4, 0]);
      ids.push(...page.items.map((a: AlertBody) => a.id));
    }
    expect(ids).toEqual(whole.items.map((a) => a.id));
    const resolved = (await e.http().get('/api/workspaces/ads/alerts?state=resolved&limit=1').expect(200)).body;
    expect([resolved.total, resolved.items.map((a: AlertBody) => a.id)]).toEqual([3, [whole.items[0].id]]);
    expect(resolved.bySeverity).toEqual({ high: 3, medium: 0, low: 0 });
    expect((await e.http().get('/api/workspaces/ads/alerts?limit=1').expect(200)).body.bySeverity).toEqual({ high: 3, medium: 1, low: 0 });
    await e.http().get('/api/workspaces/ads/alerts?state=open').expect(400);
    await e.http().get('/api/workspaces/ads/alerts?limit=0').expect(400);
  });

  it('delivered the new alerts to the webhook, retrying after a 500', async () => {
    for (let i = 0; i < 50 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(received.map((r) => r.status)).toEqual([500, 200]);
    expect(received[1].body.alerts.map((a) => `${a.metric}:${a.dimensionValue}`).sort()).toEqual(['ad_orders:P4', 'ctr:P2', 'roi:P1', 'roi:P4']);
  });

  it('delivers 250 fresh alerts in POSTs of at most 100, each alert once, the most urgent first', async () => {
    // 250 plans: day 1 ROI 1000 / 200 = 5, day 2 ROI 100 / 200 = 0.5 < 3.33 (CTR, CPA and orders unchanged): 250 ROI alerts on day 2.
    const plans = (day: string, gmv: string) =>
      Array.from({ length: 250 }, (_, k) => `${day},Q${String(k + 1).padStart(3, '0')},计划,200.00,10000,300,10,${gmv}`);
    await upload(e, 'big', csv(plans('2026-10-01', '1000.00')), 'big-day1.csv').expect(201);
    await e.http().put('/api/workspaces/big/webhook').send({ url: hookUrl }).expect(200);
    await upload(e, 'big', csv(plans('2026-10-02', '100.00')), 'big-day2.csv').expect(201);
    const posts = () => received.filter((r) => (r.body as unknown as { workspace: string }).workspace === 'big');
    for (let i = 0; i < 50 && posts().length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    const bodies = posts().map((r) => r.body as unknown as { alerts: AlertBody[]; part: number; parts: number; total: number });
    expect(bodies.map((b) => [b.part, b.parts, b.total, b.alerts.length])).toEqual([
      [1, 3, 250, 100],
      [2, 3, 250, 100],
      [3, 3, 250, 50],
    ]);
    // Ties (one rule, one day) go by plan id: Q001..Q250 across the three POSTs.
    expect(bodies.flatMap((b) => b.alerts.map((a) => `${a.metric}:${a.dimensionValue}`))).toEqual(
      Array.from({ length: 250 }, (_, k) => `roi:Q${String(k + 1).padStart(3, '0')}`),
    );
  });

  it('validates rules and reports every problem at once', async () => {
    const bad = await e.http().post('/api/workspaces/ads/alert-rules').send({ metric: 'nope', op: 'sideways', window: 'year', severity: 'urgent' }).expect(400);
    expect(bad.body.code).toBe('INVALID_ALERT_RULE');
    expect(bad.body.details.errors.length).toBeGreaterThanOrEqual(4);
    const ok = await e
      .http()
      .post('/api/workspaces/ads/alert-rules')
      .send({ metric: 'cpc', op: '>', value: 5, dimension: 'plan_id', window: '7d', severity: 'low' })
      .expect(201);
    await e.http().patch(`/api/workspaces/ads/alert-rules/${ok.body.id}`).send({ value: 6 }).expect(200);
    await e.http().delete(`/api/workspaces/ads/alert-rules/${ok.body.id}`).expect(204);
  });

  it('the CLI exits 3 while a high-severity alert is open', async () => {
    const cli = join(process.cwd(), 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'main.js');
    const run = (ws: string) =>
      spawnSync(process.execPath, [cli, 'alerts', '--workspace', ws, '--json'], {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dir, ...databaseEnv(dir) },
      });
    expect(run('ads').status).toBe(0);
    await upload(e, 'ads2', csv([...DAY1, ...DAY2]), 'both.csv').expect(201);
    const r = run('ads2');
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).summary.open.high).toBe(3);
  });
});
