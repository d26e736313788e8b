import { webhookPayloads, WEBHOOK_ALERTS_PER_POST } from './webhook-payloads';

describe('webhookPayloads', () => {
  it('puts every alert in exactly one POST, in order, at most 100 a POST', () => {
    const alerts = Array.from({ length: 250 }, (_, i) => ({ n: i }));
    const posts = webhookPayloads('shop', alerts);
    expect(WEBHOOK_ALERTS_PER_POST).toBe(100);
    expect(posts.map((p) => [p.part, p.parts, p.total, p.alerts.length])).toEqual([
      [1, 3, 250, 100],
      [2, 3, 250, 100],
      [3, 3, 250, 50],
    ]);
    expect(posts.flatMap((p) => p.alerts.map((a) => a.n))).toEqual(alerts.map((a) => a.n));
  });

  it('sends a few alerts in one POST, and an exact multiple without an empty last one', () => {
    expect(webhookPayloads('shop', [1, 2, 3])).toEqual([{ workspace: 'shop', alerts: [1, 2, 3], part: 1, parts: 1, total: 3 }]);
    expect(webhookPayloads('shop', [1, 2, 3, 4], 2).map((p) => p.alerts)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
