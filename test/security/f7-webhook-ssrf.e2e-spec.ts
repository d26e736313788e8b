import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardedFetch, WebhookTargetError, type DnsLookupAll } from '../../apps/api/src/monitoring/webhook-sender';
import { expectErrorBody, makeDataDir, RecordingLogger, removeDataDir, startApp, upload, type E2eApp } from '../helpers/e2e-app';
import { sleep, sqlRun } from './security-helpers';

/**
 * F7: the webhook accepted and POSTed to loopback, metadata, private and numeric-form addresses.
 * Now refused when set and again when sent (DNS rebinding). Everything here stays on loopback: the
 * refused URLs are judged without a DNS query (literals and reserved names), and the rebinding case
 * uses the real sender with a resolver injected by the test.
 */
const HEADER = '日期,计划ID,计划名称,消耗(元),展示次数,点击次数,成交订单数,成交金额(元)';
const DAY1 = ['2026-10-01,P1,计划一,200.00,10000,300,10,1000.00'];
const DAY2 = ['2026-10-02,P1,计划一,200.00,10000,300,10,500.00', '2026-10-02,P4,计划四,120.00,2000,20,0,0.00'];
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));

describe('F7 webhook SSRF', () => {
  let dir: string;
  let e: E2eApp;
  let hook: Server;
  let port = 0;
  const received: string[] = [];
  const logger = new RecordingLogger();

  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir, { WEBHOOK_ALLOW_PRIVATE: '0' }, logger);
    hook = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      req.resume();
      req.on('end', () => res.writeHead(200).end('ok'));
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
    port = (hook.address() as AddressInfo).port;
    await upload(e, 'ads', csv(DAY1), 'day1.csv').expect(201);
  });
  afterAll(async () => {
    await e.close();
    await new Promise((r) => hook.close(r));
    removeDataDir(dir);
  });

  it('refuses every form the probe used, without connecting', async () => {
    const forms = [
      `http://127.0.0.1:${port}/hook`,
      `http://localhost:${port}/hook`,
      `http://[::1]:${port}/hook`,
      `http://0.0.0.0:${port}/hook`,
      `http://2130706433:${port}/hook`,
      `http://0x7f000001:${port}/hook`,
      `http://127.1:${port}/hook`,
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://100.100.100.200/latest/meta-data/',
      'http://10.0.0.1/hook',
      'http://192.168.1.1/hook',
      `http://user:secret@127.0.0.1:${port}/hook`,
      'http://admin:pw@93.184.215.14/hook',
    ];
    for (const url of forms) {
      const res = await e.http().put('/api/workspaces/ads/webhook').send({ url });
      expect([url, res.status]).toEqual([url, 400]);
      expectErrorBody(res.body, 'WEBHOOK_TARGET_FORBIDDEN');
      expect(res.body.messages.zh).toMatch(/WEBHOOK_ALLOW_PRIVATE/);
    }
    expectErrorBody((await e.http().put('/api/workspaces/ads/webhook').send({ url: 'file:///etc/passwd' }).expect(400)).body, 'INVALID_WEBHOOK_URL');
    // A public address is accepted (setting it connects to nothing).
    await e.http().put('/api/workspaces/ads/webhook').send({ url: 'https://93.184.215.14/hook' }).expect(200);
    expect(received).toEqual([]);
  });

  it('checks again when sending: a stored loopback URL is not posted to', async () => {
    // A URL stored before (an older version, or WEBHOOK_ALLOW_PRIVATE since turned off), in the real database file.
    await sqlRun(dir, 'UPDATE monitoring_settings SET "webhookUrl" = ?', [`http://127.0.0.1:${port}/stored`]);
    await upload(e, 'ads', csv(DAY2), 'day2.csv').expect(201);
    const alerts = (await e.http().get('/api/workspaces/ads/alerts').expect(200)).body.items;
    expect(alerts.length).toBeGreaterThan(0);
    for (let i = 0; i < 20 && !logger.lines.some((l) => /webhook for ads not delivered/.test(l)); i++) await sleep(100);
    expect(logger.lines.find((l) => /webhook for ads not delivered/.test(l))).toMatch(/loopback/);
    expect(received).toEqual([]);
  });

  it('refuses at connect time a name that resolved to a public address when checked (DNS rebinding)', async () => {
    const publicFirst = async () => ['93.184.215.14'];
    const loopbackNow: DnsLookupAll = (_host, _opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    const send = guardedFetch(false, publicFirst, loopbackNow);
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
    await expect(send(`http://hooks.rebind.test:${port}/rebind`, init)).rejects.toBeInstanceOf(WebhookTargetError);
    expect(received).toEqual([]);
    // WEBHOOK_ALLOW_PRIVATE=1: the same name reaches the loopback receiver.
    const allowed = guardedFetch(true, publicFirst, loopbackNow);
    expect((await allowed(`http://hooks.rebind.test:${port}/allowed`, init)).status).toBe(200);
    expect(received).toEqual(['POST /allowed']);
  });
});
