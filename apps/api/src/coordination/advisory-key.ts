import { createHash } from 'node:crypto';

/**
 * A stable signed 64-bit key for PostgreSQL advisory locks, as a decimal string (pass it as
 * `$1::bigint`): the first 8 bytes of SHA-256 over `<namespace>:<id>`. Namespaces keep the locks of
 * different purposes apart, so holding one never blocks the other.
 * Example: advisoryKey('workspace', ws.id) -> '-4125532843018357341'.
 */
export function advisoryKey(namespace: LockNamespace, id: string): string {
  return createHash('sha256').update(`${namespace}:${id}`).digest().readBigInt64BE(0).toString();
}

export type LockNamespace =
  /** Writes to a workspace (import, dataset delete, rule evaluation, alert acknowledgement). */
  | 'workspace'
  /** Seeding a workspace's default alert rules (may run inside a workspace lock, so its own key). */
  | 'seed-rules'
  /** The global import sequence number. */
  | 'dataset-seq'
  /** Held by each running instance for its lifetime: free means the instance is gone. */
  | 'instance'
  /** Running migrations at start (two instances starting together). */
  | 'migrations'
  /** Loading the demo workspace on a first start. */
  | 'demo';
