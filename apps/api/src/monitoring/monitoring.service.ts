import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  acknowledgeAlert,
  assertValidRule,
  checkWebhookTarget,
  defaultRules,
  deliverWebhook,
  detectAnomalies,
  evaluateRules,
  pacing,
  reconcileAlerts,
  summarizeAlerts,
  validateBudget,
  RuleValidationError,
  type Alert,
  type AlertRule,
  type Budget,
} from '@creator-ops/monitoring';
import type { TableSet } from '@creator-ops/query';
import { AppError, NotFoundError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WorkspaceLock } from '../coordination/workspace-lock';
import { TablesService } from '../tables/tables.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { MonitoringRepository } from './monitoring.repository';
import { guardedFetch, systemResolve, WebhookTargetError } from './webhook-sender';

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** Alert rules, their evaluation by the one engine after every import, anomalies and pacing. */
@Injectable()
export class MonitoringService {
  private readonly logger = new Logger('Monitoring');

  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly tables: TablesService,
    private readonly repo: MonitoringRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lock: WorkspaceLock,
  ) {}

  async rules(workspaceName: string): Promise<AlertRule[]> {
    const ws = await this.workspaces.get(workspaceName);
    return this.rulesOf(ws.id);
  }

  async createRule(workspaceName: string, input: unknown): Promise<AlertRule> {
    const ws = await this.workspaces.get(workspaceName);
    await this.rulesOf(ws.id);
    const rule = this.valid({ ...(input as object), id: undefined });
    return this.repo.saveRule(ws.id, { ...rule, id: randomUUID() });
  }

  async updateRule(workspaceName: string, id: string, patch: unknown): Promise<AlertRule> {
    const ws = await this.workspaces.get(workspaceName);
    const existing = await this.repo.rule(ws.id, id);
    if (!existing) throw new AppError('ALERT_RULE_NOT_FOUND', HttpStatus.NOT_FOUND, { id });
    const rule = this.valid({ ...existing, ...(patch as object), id });
    return this.repo.saveRule(ws.id, { ...rule, id });
  }

  async deleteRule(workspaceName: string, id: string): Promise<void> {
    const ws = await this.workspaces.get(workspaceName);
    if (!(await this.repo.deleteRule(ws.id, id))) throw new AppError('ALERT_RULE_NOT_FOUND', HttpStatus.NOT_FOUND, { id });
  }

  async alerts(workspaceName: string, state?: string) {
    const ws = await this.workspaces.get(workspaceName);
    const list = await this.repo.alerts(ws.id, state);
    return list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.window.to.localeCompare(a.window.to) || b.createdAt.localeCompare(a.createdAt));
  }

  async summary(workspaceName: string) {
    return summarizeAlerts(await this.alerts(workspaceName));
  }

  /**
   * Evaluates every rule on the workspace's current data and applies the lifecycle (no duplicates).
   * Under the workspace lock: two instances evaluating one after the other find each other's
   * alerts, so a rule and window gives one alert (and one webhook), not one per instance.
   */
  async evaluate(workspaceName: string) {
    const ws = await this.workspaces.get(workspaceName);
    return this.lock.withWorkspaceLock(ws.id, () => this.evaluateNow(ws, workspaceName));
  }

  private async evaluateNow(ws: { id: string }, workspaceName: string) {
    const rules = await this.rulesOf(ws.id);
    const tables = await this.tableSet(ws.id);
    const evaluation = evaluateRules(rules, tables);
    const existing = await this.repo.alerts(ws.id);
    const result = reconcileAlerts(existing, evaluation, new Date());
    await this.repo.upsertAlerts(ws.id, [...result.created, ...result.stillOpen, ...result.reopened, ...result.resolved]);
    const fresh = [...result.created, ...result.reopened];
    const settings = await this.repo.settings(ws.id);
    if (settings.webhookUrl && fresh.length) void this.notify(settings.webhookUrl, workspaceName, fresh);
    return { created: result.created.length, reopened: result.reopened.length, resolved: result.resolved.length, open: result.stillOpen.length + fresh.length, skipped: evaluation.skipped };
  }

  async acknowledge(workspaceName: string, id: string) {
    const ws = await this.workspaces.get(workspaceName);
    return this.lock.withWorkspaceLock(ws.id, async () => {
      const alert = await this.repo.alert(ws.id, id);
      if (!alert) throw new AppError('ALERT_NOT_FOUND', HttpStatus.NOT_FOUND, { id });
      const acked = acknowledgeAlert(alert, new Date());
      await this.repo.upsertAlerts(ws.id, [acked]);
      return { ...acked, id };
    });
  }

  async anomalies(workspaceName: string, metric: string, dimension?: string) {
    const ws = await this.workspaces.get(workspaceName);
    return detectAnomalies(await this.tableSet(ws.id), { metric, dimension });
  }

  async pacing(workspaceName: string, budgets: unknown[], asOf?: string) {
    const errors = budgets.flatMap((b, i) => validateBudget(b).map((e) => ({ ...e, field: `[${i}].${e.field}` })));
    if (errors.length) throw new AppError('INVALID_BUDGET', HttpStatus.BAD_REQUEST, { problems: errors.map((e) => `${e.field}: ${e.message.zh}`).join('; ') }, { errors });
    const ws = await this.workspaces.get(workspaceName);
    return pacing(await this.tableSet(ws.id), budgets as Budget[], asOf);
  }

  async setWebhook(workspaceName: string, url: string | null) {
    const ws = await this.workspaces.get(workspaceName);
    if (url !== null) await this.assertWebhookTarget(url);
    const settings = await this.repo.settings(ws.id);
    settings.webhookUrl = url;
    await this.repo.saveSettings(settings);
    return { url };
  }

  /** http(s) to a public address after DNS resolution, unless WEBHOOK_ALLOW_PRIVATE (DESIGN §9). */
  private async assertWebhookTarget(url: string): Promise<void> {
    if (typeof url !== 'string' || url.length > 2000) throw new AppError('INVALID_WEBHOOK_URL', HttpStatus.BAD_REQUEST, { url: String(url).slice(0, 200) });
    const check = await checkWebhookTarget(url, systemResolve, this.config.webhookAllowPrivate);
    if (check.ok) return;
    const malformed = /^(not a URL|scheme|no host)/.test(check.reason);
    throw new AppError(malformed ? 'INVALID_WEBHOOK_URL' : 'WEBHOOK_TARGET_FORBIDDEN', HttpStatus.BAD_REQUEST, { url: url.slice(0, 200), reason: check.reason });
  }

  private async rulesOf(workspaceId: string): Promise<AlertRule[]> {
    const settings = await this.repo.settings(workspaceId);
    if (!settings.rulesSeeded) await this.repo.seedRules(workspaceId, defaultRules());
    return this.repo.rules(workspaceId);
  }

  private valid(input: unknown) {
    try {
      return assertValidRule(input);
    } catch (e) {
      if (e instanceof RuleValidationError) {
        throw new AppError('INVALID_ALERT_RULE', HttpStatus.BAD_REQUEST, { problems: e.errors.map((x) => `${x.field}: ${x.message.zh}`).join('; ') }, { errors: e.errors }, {
          zh: `告警规则无效：${e.errors.map((x) => `${x.field}: ${x.message.zh}`).join('；')}`,
          en: `Invalid alert rule: ${e.errors.map((x) => `${x.field}: ${x.message.en}`).join('; ')}`,
        });
      }
      throw e;
    }
  }

  private async tableSet(workspaceId: string): Promise<TableSet> {
    const logical = await this.tables.all(workspaceId);
    return new Map([...logical].map(([k, v]) => [k, v.table]));
  }

  private async notify(url: string, workspace: string, alerts: Alert[]): Promise<void> {
    const delivery = await deliverWebhook(url, { workspace, alerts }, { fetch: guardedFetch(this.config.webhookAllowPrivate), sleep: (ms) => new Promise((r) => setTimeout(r, ms)), isPermanent: (e) => e instanceof WebhookTargetError || (e as Error)?.cause instanceof WebhookTargetError });
    if (!delivery.delivered) this.logger.warn(`webhook for ${workspace} not delivered after ${delivery.attempts.length} attempt(s): ${delivery.attempts.at(-1)?.error ?? delivery.attempts.at(-1)?.status}`);
  }
}

export { NotFoundError };
