import type { FetchLike } from '@creator-ops/monitoring';
import { guardedFetch } from '../monitoring/webhook-sender';

/** Outgoing HTTP (webhooks), behind a provider: the only network call the API makes. */
export abstract class HttpClient {
  /** A fetch for webhook deliveries that refuses private targets unless `allowPrivate` (DESIGN §9). */
  abstract webhookFetch(allowPrivate: boolean): FetchLike;

  /** Waits between delivery attempts. */
  abstract sleep(ms: number): Promise<void>;
}

export class NodeHttpClient extends HttpClient {
  webhookFetch(allowPrivate: boolean): FetchLike {
    return guardedFetch(allowPrivate);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
