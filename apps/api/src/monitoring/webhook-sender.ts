import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressProblem, checkWebhookTarget, type FetchLike, type Resolve } from '@creator-ops/monitoring';

/** Every address of a name, through the system resolver (what a connection would use). */
export const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, addresses: LookupAddress[]) => (err ? reject(err) : resolve(addresses.map((a) => a.address)))),
  );

export class WebhookTargetError extends Error {
  constructor(readonly reason: string) {
    super(`webhook target refused: ${reason}`);
    this.name = 'WebhookTargetError';
  }
}

/**
 * A `fetch` for webhooks that re-checks the target when it connects: the URL is checked again, and
 * the address the socket actually connects to is checked inside the DNS lookup of that very
 * connection, so a name that resolved to a public address when the URL was set and to 127.0.0.1
 * now (DNS rebinding) is refused. Redirects are not followed.
 */
export type DnsLookupAll = (
  hostname: string,
  options: { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export function guardedFetch(
  allowPrivate: boolean,
  resolveName: Resolve = systemResolve,
  lookupAll: DnsLookupAll = dnsLookup as unknown as DnsLookupAll,
): FetchLike {
  const lookup: LookupFunction = (hostname, options, callback) => {
    lookupAll(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      const bad = allowPrivate ? null : addresses.map((a) => addressProblem(a.address)).find(Boolean);
      if (bad) return callback(new WebhookTargetError(`${hostname} resolves to ${bad}`), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  return async (url, init) => {
    const check = await checkWebhookTarget(url, resolveName, allowPrivate);
    if (!check.ok) throw new WebhookTargetError(check.reason);
    return new Promise((resolve, reject) => {
      const send = new URL(url).protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        url,
        { method: init.method, headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) }, lookup, signal: init.signal },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(init.body);
    });
  };
}
