import type { DataSource } from 'typeorm';
import type { Log } from '../common/log';
import { INSTANCE_ID } from './instance-id';

export const WORKSPACE_CHANNEL = 'creator_ops_workspace';

/**
 * Announces a committed change to a workspace's datasets (PostgreSQL: `NOTIFY creator_ops_workspace,
 * '<workspace id>:<instance id>'`). Correctness does not depend on it: TablesService checks the
 * workspace's committed import ids (one indexed metadata query) on every read, so a read on any
 * instance right after an import elsewhere sees the new data even if the notification is late.
 * The notification lets the other instances free the memory of tables that are no longer current.
 */
export class WorkspaceEvents {
  constructor(
    private readonly db: DataSource,
    private readonly logger: Log,
  ) {}

  async changed(workspaceId: string): Promise<void> {
    if (this.db.options.type !== 'postgres') return;
    await this.db
      .query('SELECT pg_notify($1, $2)', [WORKSPACE_CHANNEL, `${workspaceId}:${INSTANCE_ID}`])
      .catch((e: Error) => this.logger.warn(`workspace change not announced: ${e.message}`));
  }
}
