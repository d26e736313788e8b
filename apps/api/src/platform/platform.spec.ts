import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultInjector } from '../storage/fault-injector';
import { WebhookTargetError } from '../monitoring/webhook-sender';
import { Clock, FixedClock, SystemClock } from './clock';
import { Environment, ProcessEnvironment, StaticEnvironment } from './environment';
import { FileSystem, NodeFileSystem } from './file-system';
import { HttpClient, NodeHttpClient } from './http-client';
import { PlatformModule } from './platform.module';

describe('platform providers', () => {
  it('PlatformModule provides the real implementations, and a test can replace one', async () => {
    const real = await Test.createTestingModule({ imports: [PlatformModule] }).compile();
    expect(real.get(Clock)).toBeInstanceOf(SystemClock);
    expect(real.get(FileSystem)).toBeInstanceOf(NodeFileSystem);
    expect(real.get(HttpClient)).toBeInstanceOf(NodeHttpClient);
    expect(real.get(Environment)).toBeInstanceOf(ProcessEnvironment);
    const fixed = new FixedClock(new Date('2026-10-31T16:00:00Z'));
    const faked = await Test.createTestingModule({ imports: [PlatformModule] })
      .overrideProvider(Clock)
      .useValue(fixed)
      .compile();
    expect(faked.get(Clock).now().toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });

  describe('Clock', () => {
    it('the system clock reads the current time', () => {
      const before = Date.now();
      const now = new SystemClock().now().getTime();
      expect(now).toBeGreaterThanOrEqual(before);
      expect(now).toBeLessThanOrEqual(Date.now());
    });

    it('a fixed clock says what it is told, and a caller cannot move it', () => {
      const clock = new FixedClock(new Date('2026-08-01T00:00:00Z'));
      const t = clock.now();
      t.setUTCFullYear(2000);
      expect(clock.now().toISOString()).toBe('2026-08-01T00:00:00.000Z');
      clock.set(new Date('2026-08-02T12:30:00Z'));
      expect(clock.now().toISOString()).toBe('2026-08-02T12:30:00.000Z');
    });
  });

  describe('FileSystem', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'co-platform-fs-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads the bytes of a real file', () => {
      const path = join(dir, '订单.csv');
      writeFileSync(path, Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62, 0x0a]));
      expect([...new NodeFileSystem().readFile(path)]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62, 0x0a]);
    });

    it('a missing file fails with the system error code', () => {
      expect(() => new NodeFileSystem().readFile(join(dir, 'missing.csv'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    });
  });

  describe('Environment', () => {
    it('reads the process environment where it is injected', () => {
      process.env.CREATOR_OPS_PLATFORM_SPEC = 'on';
      try {
        expect(new ProcessEnvironment().get('CREATOR_OPS_PLATFORM_SPEC')).toBe('on');
      } finally {
        delete process.env.CREATOR_OPS_PLATFORM_SPEC;
      }
      expect(new ProcessEnvironment().get('CREATOR_OPS_PLATFORM_SPEC')).toBeUndefined();
    });

    it('the fault injector takes its crash point from the Environment, not process.env', () => {
      // A crash point other than the checked one: check() only throws what was armed.
      const faults = new FaultInjector(new StaticEnvironment({ CREATOR_OPS_CRASH_AT: 'delete:after-unlink' }));
      expect(() => faults.check('import:before-write')).not.toThrow();
      faults.arm('import:before-write');
      expect(() => faults.check('import:before-write')).toThrow('Injected fault at import:before-write');
    });
  });

  describe('HttpClient', () => {
    let server: Server;
    let url: string;
    const received: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          received.push(body);
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    it('refuses a webhook to this machine unless private targets are allowed', async () => {
      const http = new NodeHttpClient();
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' };
      await expect(http.webhookFetch(false)(url, init)).rejects.toBeInstanceOf(WebhookTargetError);
      expect(received).toEqual([]);
      await expect(http.webhookFetch(true)(url, init)).resolves.toEqual({ status: 204 });
      expect(received).toEqual(['{"n":1}']);
    });

    it('sleeps for about the time asked', async () => {
      const start = Date.now();
      await new NodeHttpClient().sleep(30);
      expect(Date.now() - start).toBeGreaterThanOrEqual(25);
    });
  });
});
