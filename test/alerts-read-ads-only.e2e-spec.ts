import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeDataDir, removeDataDir, startApp, upload, uploadSample, type E2eApp } from './helpers/e2e-app';

/**
 * The alert rules read the kinds their metrics need and nothing else: after an ad import into a
 * workspace that also holds the shop's orders, evaluating the default (ad) rules reads no order. A
 * million orders read whole cost an import of 460,000 ad rows +5 s and +450 MB. The probe: the order
 * import's column file is removed from disk first, so reading it would fail the evaluation.
 *
 * The ads, worked out by hand: 计划一 (P1) spends 200 a day; GMV 1000 then 500, so ROI 5 then 2.5, under
 * 保本ROI 1 / 0.3 = 3.33 on the last day -> one high alert. Its CTR (300 / 10000) and CPA (200 / 10) do not
 * move. 计划二 (P2) holds ROI 4 with the same clicks and orders both days: nothing.
 */
const ADS = [
  '日期,计划ID,计划名称,消耗(元),展示次数,点击次数,成交订单数,成交金额(元)',
  '2026-10-01,P1,计划一,200.00,10000,300,10,1000.00',
  '2026-10-01,P2,计划二,150.00,5000,100,3,600.00',
  '2026-10-02,P1,计划一,200.00,10000,300,10,500.00',
  '2026-10-02,P2,计划二,150.00,5000,100,3,600.00',
];

describe('alert rules over a workspace with orders and ads', () => {
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

  it('raises the ad alerts without reading the orders', async () => {
    await uploadSample(e, 'shop', 'doudian-orders.csv').expect(201);
    const workspaces = join(dir, 'workspaces');
    const orderFiles = readdirSync(workspaces).flatMap((ws) => readdirSync(join(workspaces, ws, 'order')).map((f) => join(workspaces, ws, 'order', f)));
    expect(orderFiles).toHaveLength(1);
    rmSync(orderFiles[0]);

    await upload(e, 'shop', Buffer.from(ADS.join('\n')), 'ads.csv').expect(201);
    await e.http().post('/api/workspaces/shop/alerts/evaluate').expect(200);
    const { items } = (await e.http().get('/api/workspaces/shop/alerts').expect(200)).body as {
      items: { metric: string; dimensionValue: string; severity: string; observed: number; window: { from: string; to: string } }[];
    };
    expect(items.map((a) => `${a.metric}:${a.dimensionValue}:${a.severity}`)).toEqual(['roi:P1:high']);
    expect(items[0].observed).toBeCloseTo(2.5, 12);
    expect(items[0].window).toEqual({ from: '2026-10-02', to: '2026-10-02' });
  });
});
