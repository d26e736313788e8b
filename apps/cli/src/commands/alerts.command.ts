import { MonitoringService } from '@creator-ops/core';
import { openContext, resolveWorkspace } from '../cli-context';
import { parse } from '../args';

export const ALERTS_USAGE = 'alerts --workspace W [--evaluate] [--state new|acknowledged|resolved] [--json]   (exit 3 when a high-severity alert is open)';

/** Prints the workspace's alerts; exit code 3 when a high-severity alert is open (for cron). */
export async function alertsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    workspace: { type: 'string', short: 'w', default: 'default' },
    evaluate: { type: 'boolean', default: false },
    state: { type: 'string' },
    json: { type: 'boolean', default: false },
    lang: { type: 'string', default: 'zh' },
  });
  const { ctx } = await openContext({}, values.evaluate ? { write: true, command: 'alerts --evaluate' } : {});
  try {
    const monitoring = ctx.get(MonitoringService);
    const ws = await resolveWorkspace(ctx, values.workspace!);
    if (values.evaluate) await monitoring.evaluate(ws);
    const items = await monitoring.alerts(ws, values.state);
    const summary = await monitoring.summary(ws);
    if (values.json) process.stdout.write(JSON.stringify({ items, summary }, null, 2) + '\n');
    else {
      const zh = values.lang !== 'en';
      const lines = items.map((a) => `[${a.severity}] ${a.state.padEnd(12)} ${a.window.from}~${a.window.to}  ${zh ? a.message.zh : a.message.en}`);
      process.stdout.write((lines.length ? lines.join('\n') : zh ? '没有告警' : 'No alerts') + '\n');
    }
    return summary.open.high > 0 ? 3 : 0;
  } finally {
    await ctx.close();
  }
}
