/** The subset of `fetch` the sender uses; the global fetch fits. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ status: number; arrayBuffer?: () => Promise<ArrayBuffer> }>;

export type Sleep = (ms: number) => Promise<void>;

export interface WebhookOptions {
  fetch: FetchLike;
  /** Waits between attempts (tests pass one that records and returns at once). */
  sleep: Sleep;
  /** Retries after the first attempt. Default 3 (at most 4 attempts). */
  retries?: number;
  /** Wait before retry n (the last entry repeats). Default [500, 2000, 5000]. */
  backoffMs?: number[];
  /** Per-attempt timeout; a timeout counts as a network error. Default 10 000. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Errors not worth retrying (a refused target): delivery stops at once. */
  isPermanent?: (err: unknown) => boolean;
}

export interface WebhookAttempt {
  attempt: number;
  /** HTTP status, or null when no response came (network error, timeout). */
  status: number | null;
  error: string | null;
  /** Milliseconds waited before this attempt. */
  waitedMs: number;
}

export interface WebhookDelivery {
  delivered: boolean;
  attempts: WebhookAttempt[];
}

export const DEFAULT_BACKOFF_MS = [500, 2000, 5000];

/** http(s) URLs only. */
export function isWebhookUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * POSTs `payload` as JSON. A network error or a 5xx is retried after the next backoff; a 2xx
 * delivers; any other status (4xx: the receiver rejects this payload, and would again) stops.
 */
export async function deliverWebhook(url: string, payload: unknown, opts: WebhookOptions): Promise<WebhookDelivery> {
  if (!isWebhookUrl(url)) throw new RangeError(`Not an http(s) URL: ${url}`);
  const retries = opts.retries ?? 3;
  const backoff = opts.backoffMs?.length ? opts.backoffMs : DEFAULT_BACKOFF_MS;
  const body = JSON.stringify(payload);
  const headers = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'creator-ops-webhook', ...opts.headers };
  const attempts: WebhookAttempt[] = [];
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    const waitedMs = attempt === 1 ? 0 : backoff[Math.min(attempt - 2, backoff.length - 1)];
    if (waitedMs > 0) await opts.sleep(waitedMs);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await opts.fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
      status = res.status;
      // Read the body so the connection is released; its content does not matter.
      await res.arrayBuffer?.().catch(() => undefined);
    } catch (err) {
      error = describe(err);
      if (opts.isPermanent?.(err)) {
        attempts.push({ attempt, status, error, waitedMs });
        break;
      }
    }
    attempts.push({ attempt, status, error, waitedMs });
    if (status !== null && status >= 200 && status < 300) return { delivered: true, attempts };
    if (status !== null && status < 500) break;
  }
  return { delivered: false, attempts };
}

function describe(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const cause = e?.cause?.code ?? e?.cause?.message;
  return [e?.name === 'TimeoutError' ? 'timeout' : (e?.message ?? String(err)), cause].filter(Boolean).join(': ');
}
