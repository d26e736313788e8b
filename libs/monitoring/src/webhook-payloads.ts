/** Alerts per webhook POST: an account with thousands of plans can raise thousands at once (~1.3 KB of JSON each). */
export const WEBHOOK_ALERTS_PER_POST = 100;

export interface WebhookPayload<A> {
  workspace: string;
  alerts: A[];
  /** This POST's place among the POSTs of one evaluation (1-based), and how many there are. */
  part: number;
  parts: number;
  /** Alerts raised in all, over every part. */
  total: number;
}

/**
 * The POSTs that deliver `alerts` (in their order, most urgent first as the caller sorts them): every
 * alert in exactly one, at most `perPost` each, so that a receiver with an ordinary body limit takes them.
 */
export function webhookPayloads<A>(workspace: string, alerts: A[], perPost = WEBHOOK_ALERTS_PER_POST): WebhookPayload<A>[] {
  const parts = Math.max(1, Math.ceil(alerts.length / perPost));
  return Array.from({ length: parts }, (_, i) => ({
    workspace,
    alerts: alerts.slice(i * perPost, (i + 1) * perPost),
    part: i + 1,
    parts,
    total: alerts.length,
  }));
}
