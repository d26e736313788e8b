import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Alert, AlertRule } from '@creator-ops/monitoring';
import { advisoryKey } from '../coordination/advisory-key';
import { AlertRuleEntity } from './alert-rule.entity';
import { AlertEntity } from './alert.entity';
import { MonitoringSettingsEntity } from './monitoring-settings.entity';

export class MonitoringRepository {
  constructor(private readonly db: DataSource) {}

  async rules(workspaceId: string): Promise<AlertRule[]> {
    const rows = await this.db.getRepository(AlertRuleEntity).find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => ({ ...(r.rule as AlertRule), id: r.id }));
  }

  async rule(workspaceId: string, id: string): Promise<AlertRule | null> {
    const r = await this.db.getRepository(AlertRuleEntity).findOneBy({ workspaceId, id });
    return r ? { ...(r.rule as AlertRule), id: r.id } : null;
  }

  async saveRule(workspaceId: string, rule: AlertRule): Promise<AlertRule> {
    await this.db.getRepository(AlertRuleEntity).save({ id: rule.id, workspaceId, rule });
    return rule;
  }

  async deleteRule(workspaceId: string, id: string): Promise<boolean> {
    const r = await this.db.getRepository(AlertRuleEntity).delete({ workspaceId, id });
    return (r.affected ?? 0) > 0;
  }

  async settings(workspaceId: string): Promise<MonitoringSettingsEntity> {
    const repo = this.db.getRepository(MonitoringSettingsEntity);
    return (await repo.findOneBy({ workspaceId })) ?? repo.create({ workspaceId, rulesSeeded: false, webhookUrl: null });
  }

  async saveSettings(settings: MonitoringSettingsEntity): Promise<void> {
    await this.db.getRepository(MonitoringSettingsEntity).save(settings);
  }

  /** Seeds the default rules once per workspace, in one transaction (PostgreSQL: under a lock, so two instances seed once). */
  async seedRules(workspaceId: string, rules: AlertRule[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (this.db.options.type === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [advisoryKey('seed-rules', workspaceId)]);
      const settings =
        (await tx.getRepository(MonitoringSettingsEntity).findOneBy({ workspaceId })) ??
        tx.getRepository(MonitoringSettingsEntity).create({ workspaceId, webhookUrl: null });
      if (settings.rulesSeeded) return;
      for (const rule of rules) await tx.getRepository(AlertRuleEntity).save({ id: randomUUID(), workspaceId, rule });
      settings.rulesSeeded = true;
      await tx.getRepository(MonitoringSettingsEntity).save(settings);
    });
  }

  async alerts(workspaceId: string, state?: string): Promise<(Alert & { id: string })[]> {
    const rows = await this.db.getRepository(AlertEntity).find({ where: state ? { workspaceId, state } : { workspaceId } });
    return rows.map((r) => ({ ...(r.alert as Alert), id: r.id, state: r.state as Alert['state'] }));
  }

  /** How many alerts of each state and severity the workspace holds (from the columns: no alert is read). */
  async counts(workspaceId: string): Promise<{ state: Alert['state']; severity: Alert['severity']; count: number }[]> {
    const rows: { state: Alert['state']; severity: Alert['severity']; count: number | string }[] = await this.db
      .getRepository(AlertEntity)
      .createQueryBuilder('a')
      .select(['a.state AS state', 'a.severity AS severity', 'COUNT(*) AS count'])
      .where('a.workspaceId = :workspaceId', { workspaceId })
      .groupBy('a.state')
      .addGroupBy('a.severity')
      .getRawMany();
    // PostgreSQL's COUNT is a bigint, which its driver returns as text.
    return rows.map((r) => ({ state: r.state, severity: r.severity, count: Number(r.count) }));
  }

  async alert(workspaceId: string, id: string): Promise<(Alert & { id: string }) | null> {
    const r = await this.db.getRepository(AlertEntity).findOneBy({ workspaceId, id });
    return r ? { ...(r.alert as Alert), id: r.id, state: r.state as Alert['state'] } : null;
  }

  /**
   * Applies a reconciliation: every alert upserted by its key, in one transaction. An alert keeps
   * the id of the stored alert with its key (a later alert with the same key as an earlier one in the
   * list wins, as one save after another would). Plain SQL with driver placeholders: thousands of
   * alerts through the query builder cost more than SQL itself. PostgreSQL takes multi-row statements
   * (one round trip per thousand), SQLite one prepared statement per row.
   */
  async upsertAlerts(workspaceId: string, alerts: Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    const byKey = new Map<string, Alert>();
    for (const alert of alerts) byKey.set(alert.key, alert);
    const keys = [...byKey.keys()];
    const placeholder = this.db.options.type === 'postgres' ? (n: number) => `$${n}` : () => '?';
    await this.db.transaction(async (tx) => {
      const ids = new Map<string, string>();
      for (let at = 0; at < keys.length; at += UPSERT_CHUNK) {
        const chunk = keys.slice(at, at + UPSERT_CHUNK);
        const found: { id: string; key: string }[] = await tx.query(
          `SELECT "id", "key" FROM "alerts" WHERE "workspaceId" = ${placeholder(1)} AND "key" IN (${chunk.map((_, i) => placeholder(i + 2)).join(', ')})`,
          [workspaceId, ...chunk],
        );
        for (const row of found) ids.set(row.key, row.id);
      }
      const rowOf = (key: string): string[] => {
        const { id: _ignored, ...data } = byKey.get(key)!;
        return [ids.get(key) ?? randomUUID(), workspaceId, key, data.ruleId, data.state, data.severity, JSON.stringify(data)];
      };
      if (this.db.options.type === 'better-sqlite3') {
        // In-process SQLite: one prepared row statement run per alert on the transaction's own
        // connection beats statements of a thousand rows (~180 against ~250 ms for 10,000 alerts).
        const sqlite = (await tx.queryRunner!.connect()) as SqliteConnection;
        const insert = sqlite.prepare(upsertStatement(1, placeholder));
        for (const key of keys) insert.run(...rowOf(key));
        return;
      }
      for (let at = 0; at < keys.length; at += UPSERT_CHUNK) {
        const chunk = keys.slice(at, at + UPSERT_CHUNK);
        await tx.query(upsertStatement(chunk.length, placeholder), chunk.flatMap(rowOf));
      }
    });
  }
}

/** What upsertAlerts uses of a better-sqlite3 connection (the driver's, as TypeORM's query runner hands it out). */
interface SqliteConnection {
  prepare(sql: string): { run(...params: unknown[]): unknown };
}

/** Alerts per statement (7 parameters each, well under SQLite's and PostgreSQL's limits). */
const UPSERT_CHUNK = 1000;

/** The alert columns in parameter order (`alert` is the entity's simple-json column: JSON text). */
const ALERT_COLUMNS = ['id', 'workspaceId', 'key', 'ruleId', 'state', 'severity', 'alert'];

/** INSERT of `rows` alerts, each replacing the stored row with its id (SQLite and PostgreSQL alike). */
function upsertStatement(rows: number, placeholder: (n: number) => string): string {
  const tuples: string[] = [];
  let n = 0;
  for (let r = 0; r < rows; r++) tuples.push(`(${ALERT_COLUMNS.map(() => placeholder(++n)).join(', ')})`);
  const columns = ALERT_COLUMNS.map((c) => `"${c}"`).join(', ');
  const updates = ALERT_COLUMNS.slice(1)
    .map((c) => `"${c}" = EXCLUDED."${c}"`)
    .join(', ');
  return `INSERT INTO "alerts" (${columns}) VALUES ${tuples.join(', ')} ON CONFLICT ("id") DO UPDATE SET ${updates}`;
}
