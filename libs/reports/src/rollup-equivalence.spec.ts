import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWriteStream } from 'node:fs';
import { mergeParts, type ImportPart } from '@creator-ops/columnar';
import { ingestFile } from '@creator-ops/ingest';
import { rollupAnswers, runQuery, type QuerySpec, type TableSet } from '@creator-ops/query';
import { KINDS, type ExportKind } from '@creator-ops/schemas';
import { generateExport } from '../../../apps/cli/src/generate';
import { runReport } from './run-report';
import type { ReportInput, ReportResult } from './types';

/**
 * Acceptance 3 of issue 15: the daily rollups and the row path give the same figures for every
 * dashboard metric (money to the cent, ratios equal or both null), for every period preset,
 * comparison, granularity and account, on generated workspaces: the demo workspace (fixtures/demo,
 * written by `cli generate --demo`) and the demo plus 20,000-row generated order and ad exports
 * (large enough for the rollup's size rule to apply).
 */
const DEMO = join(process.cwd(), 'fixtures', 'demo');
const ACCOUNTS = ['小鹿的零食铺', '阿杰好物', '元气生活馆'];
const PRESETS = ['last7', 'last30', 'this_month', 'last_month', 'all'] as const;
const COMPARES = [undefined, 'previous_period', 'previous_week', 'previous_month', 'previous_year', 'none'] as const;
const GRANULARITIES = ['day', 'week', 'month'] as const;

async function ingestInto(parts: Map<ExportKind, ImportPart[]>, path: string, file: string, account?: string): Promise<void> {
  const { table, report } = await ingestFile(path, { fileName: file, secret: 'x', ...(account ? { account } : {}) });
  const kind = report.kind as ExportKind;
  const list = parts.get(kind) ?? [];
  list.push({ id: `${kind}-${list.length}-${file}`, table, keyFields: report.naturalKey });
  parts.set(kind, list);
}

function merged(parts: Map<ExportKind, ImportPart[]>): TableSet {
  const tables: TableSet = new Map();
  for (const [kind, list] of parts) tables.set(kind, mergeParts(KINDS[kind], list));
  return tables;
}

async function demoParts(): Promise<Map<ExportKind, ImportPart[]>> {
  const manifest = JSON.parse(readFileSync(join(DEMO, 'manifest.json'), 'utf8')) as { files: { file: string; account?: string }[] };
  const parts = new Map<ExportKind, ImportPart[]>();
  for (const f of manifest.files) await ingestInto(parts, join(DEMO, f.file), f.file, f.account);
  return parts;
}

async function generated(dir: string, kind: 'order' | 'ad', rows: number, seed: number): Promise<string> {
  const path = join(dir, `${kind}-${seed}.csv`);
  const out = createWriteStream(path);
  await generateExport({ kind, rows, seed, out });
  await new Promise<void>((ok, ko) => out.end((e?: Error | null) => (e ? ko(e) : ok())));
  return path;
}

const withoutClock = ({ generatedAt: _, ...rest }: ReportResult) => rest;

describe('rollups give the row path figures for every dashboard metric', () => {
  const workspaces: { name: string; tables: TableSet }[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'co-rollup-'));
    workspaces.push({ name: 'demo', tables: merged(await demoParts()) });
    const big = await demoParts();
    await ingestInto(big, await generated(dir, 'order', 20_000, 15), '抖店订单_生成.csv', '小鹿的零食铺');
    await ingestInto(big, await generated(dir, 'ad', 20_000, 16), '千川计划日报_生成.csv', '阿杰好物');
    workspaces.push({ name: 'demo + 20k generated orders and ads', tables: merged(big) });
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the generated workspaces hold the dashboard kinds, the large one past the small-table size', () => {
    for (const { tables } of workspaces)
      for (const kind of ['order', 'ad', 'account', 'content', 'live'] as ExportKind[]) expect(tables.get(kind)?.length).toBeGreaterThan(0);
    expect(workspaces[1].tables.get('order')!.length).toBeGreaterThan(20_000);
    expect(workspaces[1].tables.get('ad')!.length).toBeGreaterThan(20_000);
  });

  it.each([0, 1])('dashboard report, every preset × comparison × granularity × account (workspace %i)', (w) => {
    const { tables } = workspaces[w];
    let reports = 0;
    let metrics = 0;
    for (const preset of PRESETS)
      for (const compare of COMPARES)
        for (const granularity of GRANULARITIES)
          for (const account of [undefined, ...ACCOUNTS]) {
            const input: ReportInput = { preset, granularity, ...(compare ? { compare } : {}), ...(account ? { account } : {}) };
            const before = rollupAnswers();
            const rows = runReport('dashboard', tables, input, { rollups: false });
            expect(rollupAnswers()).toBe(before);
            const rolled = runReport('dashboard', tables, input);
            expect(rollupAnswers()).toBeGreaterThan(before);
            expect(withoutClock(rolled)).toStrictEqual(withoutClock(rows));
            reports++;
            metrics += rolled.kpis.length;
          }
    expect(reports).toBe(PRESETS.length * COMPARES.length * GRANULARITIES.length * 4);
    expect(metrics).toBeGreaterThan(reports * 5);
  });

  it.each([0, 1])('each dashboard metric as a query: totals, by day / week / month / weekday / account, compared (workspace %i)', (w) => {
    const { tables } = workspaces[w];
    const shown = runReport('dashboard', tables, { preset: 'all' }).metrics.map((m) => m.key);
    expect(shown.length).toBeGreaterThanOrEqual(8);
    let compared = 0;
    for (const preset of PRESETS) {
      const { params } = runReport('dashboard', tables, { preset });
      for (const metric of shown)
        for (const dimensions of [[], ['date:day'], ['date:week'], ['date:month'], ['weekday'], ['account'], ['account', 'date:day']])
          for (const compare of [null, 'previous_period'] as const) {
            const spec: QuerySpec = { metrics: [metric], dimensions, from: params.from!, to: params.to!, compare };
            let rows;
            try {
              rows = runQuery(spec, tables, { rollups: false });
            } catch (e) {
              // A dimension a metric's kind lacks is the same error either way.
              expect(() => runQuery(spec, tables)).toThrow((e as Error).message);
              continue;
            }
            expect(runQuery(spec, tables)).toStrictEqual(rows);
            compared++;
          }
    }
    expect(compared).toBeGreaterThan(shown.length * PRESETS.length * 10);
  });
});
