import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { COMPARE_MODES, type QueryFilter, type QuerySpec } from '@creator-ops/query';
import type { DatasetsService, WorkspacesRepository } from '@creator-ops/core/light';
import { openLightContext } from '../light-context';
import { parse, UsageError } from '../args';
import { renderCsv, renderJson, renderTable } from '../output/query-output';

export const QUERY_USAGE =
  'query [--workspace W | --data FILE...] --metrics m1,m2 [--by dim1,dim2] [--from D] [--to D] [--filter field=value]... [--compare previous_period|previous_week|previous_month|previous_year] [--sort key[:asc|desc]] [--limit N] [--param gross_margin=0.3] [--date-field created_at] [--format table|csv|json] [--lang zh|en]';

export async function queryCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    data: { type: 'string', multiple: true },
    metrics: { type: 'string', short: 'm' },
    by: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    filter: { type: 'string', multiple: true },
    compare: { type: 'string' },
    sort: { type: 'string', multiple: true },
    limit: { type: 'string' },
    param: { type: 'string', multiple: true },
    'date-field': { type: 'string' },
    format: { type: 'string', default: 'table' },
    lang: { type: 'string', default: 'zh' },
    kind: { type: 'string' },
    account: { type: 'string' },
  });
  if (!values.metrics) throw new UsageError(`usage: ${QUERY_USAGE}`);
  if (values.workspace && values.data) throw new UsageError('use either --workspace or --data, not both');
  if (!['table', 'csv', 'json'].includes(values.format!)) throw new UsageError('--format must be table, csv or json');
  if (values.compare && !(COMPARE_MODES as readonly string[]).includes(values.compare))
    throw new UsageError(`--compare must be one of ${COMPARE_MODES.join(', ')}`);
  const spec: QuerySpec = {
    metrics: splitList(values.metrics),
    dimensions: values.by ? splitList(values.by) : [],
    filters: (values.filter ?? []).map(parseFilter),
    from: values.from,
    to: values.to,
    compare: (values.compare as QuerySpec['compare']) ?? null,
    sort: (values.sort ?? []).map((s) => {
      const [key, dir = 'desc'] = s.split(':');
      if (dir !== 'asc' && dir !== 'desc') throw new UsageError(`--sort ${s}: direction must be asc or desc`);
      return { key, dir };
    }),
    limit: values.limit ? Number(values.limit) : undefined,
    params: Object.fromEntries((values.param ?? []).map(parseParam)),
    ...(values['date-field'] ? { dateField: values['date-field'] } : {}),
  };
  const oneOff = values.data?.length ? mkdtempSync(join(tmpdir(), 'creator-ops-query-')) : null;
  const { core } = await openLightContext(oneOff ? { dataDir: oneOff } : {});
  // With PostgreSQL metadata the one-off workspace lives in the shared database: a unique name,
  // removed (imports first) when the query is done.
  const workspace = oneOff ? `adhoc-${randomUUID().slice(0, 8)}` : (values.workspace ?? 'default');
  try {
    if (oneOff) {
      const datasets = core.datasets;
      for (const file of values.data!) {
        const path = resolve(file);
        await datasets.import(workspace, { path, fileName: basename(path), kind: values.kind as never, account: values.account });
      }
    }
    const result = await core.query.query(await core.workspaces.get(workspace), spec);
    const locale = values.lang === 'en' ? 'en' : 'zh-CN';
    const out = values.format === 'json' ? renderJson(result) : values.format === 'csv' ? renderCsv(result, locale) : renderTable(result, locale);
    process.stdout.write(out);
    return 0;
  } finally {
    if (oneOff) await forgetOneOff(core.datasets, core.workspacesRepository, workspace);
    await core.close();
    if (oneOff) rmSync(oneOff, { recursive: true, force: true });
  }
}

async function forgetOneOff(datasets: DatasetsService, workspaces: WorkspacesRepository, workspace: string): Promise<void> {
  const ws = await workspaces.findByName(workspace);
  if (!ws) return;
  for (const d of await datasets.list(ws)) await datasets.remove(ws, d.id);
  await workspaces.removeByName(workspace);
}

const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function parseFilter(text: string): QueryFilter {
  const m = /^([^=!~<>]+?)(=|!=|~|>=|<=)(.*)$/.exec(text);
  if (!m) throw new UsageError(`--filter ${text}: use field=value, field!=value, field~text, field>=min or field<=max`);
  const [, field, op, value] = m;
  switch (op) {
    case '=':
      return value.includes('|') ? { field, op: 'in', value: value.split('|') } : { field, op: 'eq', value };
    case '!=':
      return { field, op: 'ne', value };
    case '~':
      return { field, op: 'contains', value };
    case '>=':
      return { field, op: 'range', value: [value, null] };
    default:
      return { field, op: 'range', value: [null, value] };
  }
}

function parseParam(text: string): [string, number] {
  const [key, raw] = text.split('=');
  const value = Number(raw);
  if (!key || !Number.isFinite(value)) throw new UsageError(`--param ${text}: use name=number`);
  return [key, value];
}
