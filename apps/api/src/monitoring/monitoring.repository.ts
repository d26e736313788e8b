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

  async alert(workspaceId: string, id: string): Promise<(Alert & { id: string }) | null> {
    const r = await this.db.getRepository(AlertEntity).findOneBy({ workspaceId, id });
    return r ? { ...(r.alert as Alert), id: r.id, state: r.state as Alert['state'] } : null;
  }

  /**
   * Applies a reconciliation: every alert upserted by its key, in one transaction. An alert keeps
   * the id of the stored alert with its key; the rows go in multi-row statements (a later alert with
   * the same key as an earlier one in the list wins, as one save after another would).
   */
  async upsertAlerts(workspaceId: string, alerts: Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    const byKey = new Map<string, Alert>();
    for (const alert of alerts) byKey.set(alert.key, alert);
    const keys = [...byKey.keys()];
    await this.db.transaction(async (tx) => {
      const ids = new Map<string, string>();
      for (let at = 0; at < keys.length; at += UPSERT_CHUNK) {
        const found: { id: string; key: string }[] = await tx
          .getRepository(AlertEntity)
          .createQueryBuilder('a')
          .select(['a.id AS id', 'a.key AS key'])
          .where('a.workspaceId = :workspaceId AND a.key IN (:...keys)', { workspaceId, keys: keys.slice(at, at + UPSERT_CHUNK) })
          .getRawMany();
        for (const row of found) ids.set(row.key, row.id);
      }
      const rows = keys.map((key) => {
        const { id: _ignored, ...data } = byKey.get(key)!;
        return { id: ids.get(key) ?? randomUUID(), workspaceId, key, ruleId: data.ruleId, state: data.state, severity: data.severity, alert: data };
      });
      for (let at = 0; at < rows.length; at += UPSERT_CHUNK) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(AlertEntity)
          .values(rows.slice(at, at + UPSERT_CHUNK))
          .orUpdate(['workspaceId', 'key', 'ruleId', 'state', 'severity', 'alert'], ['id'])
          .updateEntity(false)
          .execute();
      }
    });
  }
}

/** Alerts per statement (7 parameters each, well under SQLite's and PostgreSQL's limits). */
const UPSERT_CHUNK = 1000;
