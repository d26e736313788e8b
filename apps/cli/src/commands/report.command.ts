import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ReportInput } from '@creator-ops/reports';
import { ReportsService } from '@creator-ops/core';
import { openContext, resolveWorkspace } from '../cli-context';
import { parse, UsageError } from '../args';

export const REPORT_USAGE =
  'report KEY --workspace W [--preset last7|last30|this_month|last_month|all] [--from D] [--to D] [--granularity day|week|month] [--account A] [--compare previous_period|previous_week|previous_month|previous_year|none] [--top N] [--gross-margin 0.3] [--reference-date D] [--lang zh|en] [--chart ID] --out FILE.(json|svg|png|xlsx|csv)';

/** Writes a report (JSON, a chart as SVG/PNG, the workbook, or a table as CSV); `report --list` prints the catalogue. */
export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    workspace: { type: 'string', short: 'w', default: 'default' },
    preset: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    granularity: { type: 'string' },
    account: { type: 'string' },
    compare: { type: 'string' },
    top: { type: 'string' },
    'gross-margin': { type: 'string' },
    'reference-date': { type: 'string' },
    lang: { type: 'string', default: 'zh' },
    chart: { type: 'string' },
    table: { type: 'string' },
    out: { type: 'string', short: 'o' },
    list: { type: 'boolean', default: false },
  });
  const { ctx } = await openContext();
  try {
    const reports = ctx.get(ReportsService);
    if (values.list) {
      process.stdout.write(JSON.stringify(await reports.catalogue(await resolveWorkspace(ctx, values.workspace!)), null, 2) + '\n');
      return 0;
    }
    const [key] = positionals;
    if (!key) throw new UsageError(`usage: ${REPORT_USAGE}`);
    const input: ReportInput = {
      preset: values.preset as ReportInput['preset'],
      from: values.from,
      to: values.to,
      granularity: values.granularity as ReportInput['granularity'],
      account: values.account,
      compare: values.compare as ReportInput['compare'],
      top: values.top === undefined ? undefined : Number(values.top),
      gross_margin: values['gross-margin'] === undefined ? undefined : Number(values['gross-margin']),
      reference_date: values['reference-date'],
      locale: values.lang === 'en' ? 'en' : 'zh-CN',
    };
    const ws = await resolveWorkspace(ctx, values.workspace!);
    const ext = values.out ? extname(values.out).toLowerCase() : '.json';
    let body: string | Buffer;
    switch (ext) {
      case '.json':
        body = JSON.stringify(await reports.report(ws, key, input), null, 2) + '\n';
        break;
      case '.svg':
      case '.png': {
        const chartId = values.chart ?? (await reports.report(ws, key, input)).charts[0]?.id;
        if (!chartId) throw new UsageError(`report ${key} has no chart here`);
        body = await reports.chart(ws, key, chartId, ext.slice(1) as 'svg' | 'png', input);
        break;
      }
      case '.xlsx':
        body = (await reports.xlsx(ws, key, input)).body;
        break;
      case '.csv':
        body = (await reports.csv(ws, key, values.table, input)).body;
        break;
      default:
        throw new UsageError('--out must end in .json, .svg, .png, .xlsx or .csv');
    }
    if (values.out) writeFileSync(values.out, body);
    else process.stdout.write(body);
    return 0;
  } finally {
    await ctx.close();
  }
}
