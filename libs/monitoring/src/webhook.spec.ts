/** Delivery against a real HTTP receiver on 127.0.0.1 (no real waits: sleep is recorded). */
import { jest } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverWebhook, isWebhookUrl, type Sleep } from './webhook';

interface Received {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver answering the given statuses in turn (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)];
      res.setHeader('content-type', 'text/plain');
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/creator-ops`,
    received,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

const payload = {
  workspace: 'demo',
  alerts: [{ ruleId: 'default-roi-below-breakeven', dimensionValue: 'P1', observed: 3, message: { zh: '计划A 低于保本ROI', en: 'below break-even' } }],
};
const recordingSleep = () => jest.fn<Sleep>(async () => undefined);

describe('deliverWebhook', () => {
  it('retries once after a 500 and delivers on the 200: exactly 2 attempts, the JSON body received', async () => {
    const hook = await receiver([500, 200]);
    const sleep = recordingSleep();
    try {
      const result = await deliverWebhook(hook.url, payload, { fetch, sleep });
      expect(result.delivered).toBe(true);
      expect(result.attempts).toEqual([
        { attempt: 1, status: 500, error: null, waitedMs: 0 },
        { attempt: 2, status: 200, error: null, waitedMs: 500 },
      ]);
      expect(sleep.mock.calls).toEqual([[500]]);
      expect(hook.received).toHaveLength(2);
      for (const r of hook.received) {
        expect(r.method).toBe('POST');
        expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(JSON.parse(r.body)).toEqual(payload);
      }
    } finally {
      await hook.close();
    }
  });

  it('does not retry a 400', async () => {
    const hook = await receiver([400, 200]);
    const sleep = recordingSleep();
    try {
      const result = await deliverWebhook(hook.url, payload, { fetch, sleep });
      expect(result).toEqual({ delivered: false, attempts: [{ attempt: 1, status: 400, error: null, waitedMs: 0 }] });
      expect(sleep).not.toHaveBeenCalled();
      expect(hook.received).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it('gives up after 3 retries of 5xx, waiting 500, 2000 and 5000 ms', async () => {
    const hook = await receiver([503]);
    const sleep = recordingSleep();
    try {
      const result = await deliverWebhook(hook.url, payload, { fetch, sleep });
      expect(result.delivered).toBe(false);
      expect(result.attempts.map((a) => [a.status, a.waitedMs])).toEqual([
        [503, 0],
        [503, 500],
        [503, 2000],
        [503, 5000],
      ]);
      expect(sleep.mock.calls).toEqual([[500], [2000], [5000]]);
      expect(hook.received).toHaveLength(4);
    } finally {
      await hook.close();
    }
  });

  it('retries a network error (nothing listening) and records it', async () => {
    const hook = await receiver([200]);
    const url = hook.url;
    await hook.close();
    const sleep = recordingSleep();
    const result = await deliverWebhook(url, payload, { fetch, sleep, retries: 1, backoffMs: [10] });
    expect(result.delivered).toBe(false);
    expect(result.attempts).toHaveLength(2);
    expect(result.attempts.every((a) => a.status === null && /ECONNREFUSED/.test(a.error ?? ''))).toBe(true);
    expect(sleep.mock.calls).toEqual([[10]]);
  });

  it('only posts to http(s) URLs', async () => {
    expect(isWebhookUrl('https://example.com/hook')).toBe(true);
    expect(isWebhookUrl('file:///etc/passwd')).toBe(false);
    await expect(deliverWebhook('ftp://x', payload, { fetch, sleep: recordingSleep() })).rejects.toThrow(RangeError);
  });
});
