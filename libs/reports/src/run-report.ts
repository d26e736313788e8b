import { CodedError } from '@creator-ops/errors';
import { runQuery, surveySheets, type QueryOptions, type QuerySpec, type TableSet } from '@creator-ops/query';
import { isPresent } from '@creator-ops/columnar';
import { KINDS, type ExportKind, type Label } from '@creator-ops/schemas';
import { resolveParams } from './params';
import { REPORTS } from './registry';
import type { ReportContext, ReportDefinition, ReportInput, ReportResult } from './types';
import { metricsShown } from './kpis';

export class UnknownReportError extends CodedError {
  constructor(readonly key: string) {
    super('REPORT_NOT_FOUND', { report: key }, { zh: '报表 {report} 不存在', en: 'Report {report} not found' });
    this.name = 'UnknownReportError';
  }
}

export function reportDefinition(key: string): ReportDefinition {
  const def = REPORTS.find((r) => r.key === key);
  if (!def) throw new UnknownReportError(key);
  return def;
}

/** Kinds a report needs that the workspace lacks (empty when it can run). */
export function missingKinds(def: ReportDefinition, present: Set<ExportKind>): ExportKind[] {
  const missing = def.kinds.filter((k) => !present.has(k));
  if (def.anyOf) return missing.length === def.kinds.length ? missing : [];
  return missing;
}

/** Why a report whose kinds are present still cannot run (its `needsField` has no value), else null. */
export function missingField(def: ReportDefinition, tables: TableSet): Label | null {
  const need = def.needsField;
  if (!need) return null;
  const table = tables.get(need.kind);
  if (!table) return null; // missingKinds says it
  const col = table.columns.get(need.field);
  if (col) for (let i = 0; i < table.length; i++) if (isPresent(col, i)) return null;
  return need.message;
}

/**
 * Builds one report over a workspace's tables; every number comes from the query engine.
 * `engine` is passed to every query (`{ rollups: false }` computes from the rows only; same figures).
 */
export function runReport(key: string, tables: TableSet, input: ReportInput = {}, engine: QueryOptions = {}): ReportResult {
  const def = reportDefinition(key);
  const present = new Set(tables.keys());
  const params = resolveParams(input, tables, def.kinds);
  const base = { key: def.key, title: def.title, standard: def.standard, params, generatedAt: new Date().toISOString() };
  const missing = missingKinds(def, present);
  if (missing.length) {
    const zh = missing.map((k) => KINDS[k].label.zh).join(def.anyOf ? ' 或 ' : '、');
    const en = missing.map((k) => KINDS[k].label.en).join(def.anyOf ? ' or ' : ', ');
    return {
      ...base,
      missing: { kinds: missing, message: { zh: `请先上传：${zh}`, en: `Upload first: ${en}` } },
      kpis: [],
      tables: [],
      charts: [],
      metrics: [],
    };
  }
  const fieldMissing = missingField(def, tables);
  if (fieldMissing) return { ...base, missing: { kinds: [], message: fieldMissing }, kpis: [], tables: [], charts: [], metrics: [] };
  const ctx: ReportContext = {
    params,
    locale: params.locale,
    kinds: present,
    query(spec: QuerySpec, options = {}) {
      const withPeriod = options.period !== false && params.from !== null && spec.from === undefined && spec.to === undefined;
      const accountFilter = options.account !== false && params.account !== null ? [{ field: 'account', op: 'eq' as const, value: params.account }] : [];
      return runQuery(
        {
          ...spec,
          ...(withPeriod ? { from: params.from!, to: params.to! } : {}),
          filters: [...(spec.filters ?? []), ...accountFilter],
          compare: options.compare === false ? null : (spec.compare ?? null),
          params: { ...(params.gross_margin !== null ? { gross_margin: params.gross_margin } : {}), ...(spec.params ?? {}) },
        },
        options.kinds ? new Map([...tables].filter(([kind]) => options.kinds!.includes(kind))) : tables,
        engine,
      );
    },
    surveySheets: () => null,
  };
  ctx.surveySheets = () =>
    tables.has('survey')
      ? surveySheets(tables, {
          ...(params.from !== null ? { from: params.from, to: params.to! } : {}),
          filters: params.account !== null ? [{ field: 'account', op: 'eq', value: params.account }] : [],
        })
      : null;
  const built = def.build(ctx);
  return { ...base, ...built, metrics: metricsShown(built) };
}
