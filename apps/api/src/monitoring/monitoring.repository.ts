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

  /** Applies a reconciliation: every alert upserted by its key, in one transaction. */
  async upsertAlerts(workspaceId: string, alerts: Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(AlertEntity);
      for (const alert of alerts) {
        const existing = await repo.findOneBy({ workspaceId, key: alert.key });
        const id = existing?.id ?? randomUUID();
        const { id: _ignored, ...data } = alert;
        await repo.save({ id, workspaceId, key: alert.key, ruleId: alert.ruleId, state: alert.state, severity: alert.severity, alert: data });
      }
    });
  }
}
