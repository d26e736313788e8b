import { randomUUID } from 'node:crypto';
import {
  acknowledgeAlert,
  assertValidRule,
  checkWebhookTarget,
  defaultRules,
  deliverWebhook,
  detectAnomalies,
  earliestDayRead,
  evaluateRules,
  pacing,
  reconcileAlerts,
  summarizeCounts,
  validateBudget,
  webhookPayloads,
  type Alert,
  type AlertRule,
  type Budget,
} from '@creator-ops/monitoring';
import type { TableSet } from '@creator-ops/query';
import { AppError, NotFoundError } from '../common/app-error';
import { Status } from '../common/http-status';
import type { Log } from '../common/log';
import type { AppConfig } from '../config/app-config';
import { WorkspaceLock } from '../coordination/workspace-lock';
import { TablesService } from '../tables/tables.service';
import type { Workspace } from '../workspaces/workspaces.repository';
import { MonitoringRepository } from './monitoring.repository';
import { Clock } from '../platform/clock';
import { HttpClient } from '../platform/http-client';
import { systemResolve, WebhookTargetError } from './webhook-sender';

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** Most severe first, then the latest window and the newest; ties by rule and subject, so pages never overlap. */
function byUrgency(a: Alert & { id?: string }, b: Alert & { id?: string }): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    b.window.to.localeCompare(a.window.to) ||
    b.createdAt.localeCompare(a.createdAt) ||
    a.ruleId.localeCompare(b.ruleId) ||
    (a.dimensionValue ?? '').localeCompare(b.dimensionValue ?? '') ||
    (a.id ?? '').localeCompare(b.id ?? '')
  );
}

/** Alert rules, their evaluation by the one engine after every import, anomalies and pacing. */
export class MonitoringService {
  constructor(
    private readonly tables: TablesService,
    private readonly repo: MonitoringRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly http: HttpClient,
    private readonly lock: WorkspaceLock,
    private readonly logger: Log,
  ) {}

  async rules(ws: Workspace): Promise<AlertRule[]> {
    return this.rulesOf(ws.id);
  }

  async createRule(ws: Workspace, input: unknown): Promise<AlertRule> {
    await this.rulesOf(ws.id);
    const rule = assertValidRule({ ...(input as object), id: undefined });
    return this.repo.saveRule(ws.id, { ...rule, id: randomUUID() });
  }

  async updateRule(ws: Workspace, id: string, patch: unknown): Promise<AlertRule> {
    const existing = await this.repo.rule(ws.id, id);
    if (!existing) throw new AppError('ALERT_RULE_NOT_FOUND', Status.NOT_FOUND, { id });
    const rule = assertValidRule({ ...existing, ...(patch as object), id });
    return this.repo.saveRule(ws.id, { ...rule, id });
  }

  async deleteRule(ws: Workspace, id: string): Promise<void> {
    if (!(await this.repo.deleteRule(ws.id, id))) throw new AppError('ALERT_RULE_NOT_FOUND', Status.NOT_FOUND, { id });
  }

  /** The workspace's alerts (of one state), most severe first, then latest window, newest, and by rule and subject. */
  async alerts(ws: Workspace, state?: string) {
    return (await this.repo.alerts(ws.id, state)).sort(byUrgency);
  }

  /** The open alerts' counts by severity, counted by the database (resolved ones pile up over the months). */
  async summary(ws: Workspace) {
    return summarizeCounts(await this.repo.counts(ws.id));
  }

  /** A page of `alerts` (all of them without `page`), how many there are in all and of each severity, and the workspace's counts. */
  async alertList(ws: Workspace, state: string | undefined, page?: { offset: number; limit: number }) {
    const items = await this.alerts(ws, state);
    const counts = await this.repo.counts(ws.id);
    const bySeverity = { high: 0, medium: 0, low: 0 };
    for (const c of counts) if (!state || c.state === state) bySeverity[c.severity] += c.count;
    const listed = page ? items.slice(page.offset, page.offset + page.limit) : items;
    return { items: listed, total: items.length, bySeverity, offset: page?.offset ?? 0, summary: summarizeCounts(counts) };
  }

  /**
   * Evaluates every rule on the workspace's current data and applies the lifecycle (no duplicates).
   * Under the workspace lock: two instances evaluating one after the other find each other's
   * alerts, so a rule and window gives one alert (and one webhook), not one per instance.
   */
  async evaluate(ws: Workspace) {
    return this.lock.withWorkspaceLock(ws.id, () => this.evaluateNow(ws));
  }

  private async evaluateNow(ws: Workspace) {
    const rules = await this.rulesOf(ws.id);
    const evaluation = evaluateRules(rules, await this.tablesForRules(ws.id, rules));
    const existing = await this.repo.alerts(ws.id);
    const result = reconcileAlerts(existing, evaluation, this.clock.now());
    await this.repo.upsertAlerts(ws.id, [...result.created, ...result.stillOpen, ...result.reopened, ...result.resolved]);
    const fresh = [...result.created, ...result.reopened];
    const settings = await this.repo.settings(ws.id);
    if (settings.webhookUrl && fresh.length) void this.notify(settings.webhookUrl, ws.name, fresh);
    return {
      created: result.created.length,
      reopened: result.reopened.length,
      resolved: result.resolved.length,
      open: result.stillOpen.length + fresh.length,
      skipped: evaluation.skipped,
    };
  }

  async acknowledge(ws: Workspace, id: string) {
    return this.lock.withWorkspaceLock(ws.id, async () => {
      const alert = await this.repo.alert(ws.id, id);
      if (!alert) throw new AppError('ALERT_NOT_FOUND', Status.NOT_FOUND, { id });
      const acked = acknowledgeAlert(alert, this.clock.now());
      await this.repo.upsertAlerts(ws.id, [acked]);
      return { ...acked, id };
    });
  }

  async anomalies(ws: Workspace, metric: string, dimension?: string) {
    return detectAnomalies(await this.tableSet(ws.id), { metric, dimension });
  }

  async pacing(ws: Workspace, budgets: unknown[], asOf?: string) {
    const errors = budgets.flatMap((b, i) => validateBudget(b).map((e) => ({ ...e, field: `[${i}].${e.field}` })));
    if (errors.length)
      throw new AppError('INVALID_BUDGET', Status.BAD_REQUEST, { problems: errors.map((e) => `${e.field}: ${e.message.zh}`).join('; ') }, { errors });
    return pacing(await this.tableSet(ws.id), budgets as Budget[], asOf);
  }

  async setWebhook(ws: Workspace, url: string | null) {
    if (url !== null) await this.assertWebhookTarget(url);
    const settings = await this.repo.settings(ws.id);
    settings.webhookUrl = url;
    await this.repo.saveSettings(settings);
    return { url };
  }

  /** http(s) to a public address after DNS resolution, unless WEBHOOK_ALLOW_PRIVATE (DESIGN §9). */
  private async assertWebhookTarget(url: string): Promise<void> {
    if (typeof url !== 'string' || url.length > 2000) throw new AppError('INVALID_WEBHOOK_URL', Status.BAD_REQUEST, { url: String(url).slice(0, 200) });
    const check = await checkWebhookTarget(url, systemResolve, this.config.webhookAllowPrivate);
    if (check.ok) return;
    const malformed = /^(not a URL|scheme|no host)/.test(check.reason);
    throw new AppError(malformed ? 'INVALID_WEBHOOK_URL' : 'WEBHOOK_TARGET_FORBIDDEN', Status.BAD_REQUEST, {
      url: url.slice(0, 200),
      reason: check.reason,
    });
  }

  private async rulesOf(workspaceId: string): Promise<AlertRule[]> {
    const settings = await this.repo.settings(workspaceId);
    if (!settings.rulesSeeded) await this.repo.seedRules(workspaceId, defaultRules());
    return this.repo.rules(workspaceId);
  }

  /** Only the batches holding the days the rules read (the latest ones, as a rule's window ends on its data's last day). */
  private async tablesForRules(workspaceId: string, rules: AlertRule[]): Promise<TableSet> {
    const recent = await this.tables.recent(workspaceId);
    const lastDays = [...recent.lastDays.values()];
    return recent.load(lastDays.length ? earliestDayRead(rules, Math.min(...lastDays)) : null);
  }

  private async tableSet(workspaceId: string): Promise<TableSet> {
    return (await this.tables.tableSet(workspaceId)).tables;
  }

  /** The fresh alerts, most urgent first, a hundred a POST; a POST not delivered after its retries stops the rest. */
  private async notify(url: string, workspace: string, alerts: (Alert & { id?: string })[]): Promise<void> {
    const posts = webhookPayloads(workspace, [...alerts].sort(byUrgency));
    for (const [i, payload] of posts.entries()) {
      const delivery = await deliverWebhook(url, payload, {
        fetch: this.http.webhookFetch(this.config.webhookAllowPrivate),
        sleep: (ms) => this.http.sleep(ms),
        isPermanent: (e) => e instanceof WebhookTargetError || (e as Error)?.cause instanceof WebhookTargetError,
      });
      if (delivery.delivered) continue;
      const last = delivery.attempts.at(-1);
      const unsent = posts.slice(i).reduce((n, p) => n + p.alerts.length, 0);
      const undelivered = posts.length > 1 ? ` (part ${payload.part} of ${payload.parts}; ${unsent} alerts not sent)` : '';
      this.logger.warn(`webhook for ${workspace} not delivered after ${delivery.attempts.length} attempt(s): ${last?.error ?? last?.status}${undelivered}`);
      return;
    }
  }
}

export { NotFoundError };
