import type { QueryResult, QuerySpec } from '@creator-ops/query';
import type { ReportContext } from '../types';
import { categoryName, queryFirstAvailable } from './shared';

/** The finest named grain an ad export has: plan (千川), else unit, else campaign (巨量引擎 project). */
export const AD_ENTITY_DIMENSIONS = [
  ['plan_id', 'plan'],
  ['plan'],
  ['plan_id'],
  ['unit_id', 'unit'],
  ['unit'],
  ['unit_id'],
  ['campaign_id', 'campaign'],
  ['campaign'],
  ['campaign_id'],
];

export interface AdEntities {
  dims: string[];
  result: QueryResult;
  /** What one row is, for titles and axis names. */
  entity: { zh: string; en: string };
  /** A row's display name: the name column, else the id. */
  nameOf(row: Record<string, unknown>): string;
}

const ENTITY = {
  plan: { zh: '计划', en: 'Plan' },
  unit: { zh: '单元', en: 'Unit' },
  campaign: { zh: '项目', en: 'Campaign' },
};

/** Per plan (or unit / campaign) figures; null when the export names none of them. */
export function queryAdEntities(ctx: ReportContext, spec: Omit<QuerySpec, 'dimensions'>): AdEntities | null {
  const found = queryFirstAvailable(ctx, AD_ENTITY_DIMENSIONS, spec);
  if (!found) return null;
  const level = found.dims[0].replace(/_id$/, '') as keyof typeof ENTITY;
  const nameKey = found.dims.find((d) => !d.endsWith('_id')) ?? found.dims[0];
  // Rows of exports without this grain (a 巨量引擎 unit report beside 千川 plans) are one group with
  // no id: say what it is rather than "-" / "-".
  const without = ctx.locale === 'en' ? `(reports without ${ENTITY[level].en.toLowerCase()}s)` : `（无${ENTITY[level].zh}的报表）`;
  const rows = found.result.rows.map((r) => (found.dims.every((d) => r[d] === null || r[d] === undefined) ? { ...r, [nameKey]: without } : r));
  return { ...found, result: { ...found.result, rows }, entity: ENTITY[level], nameOf: (row) => categoryName(row[nameKey], ctx.locale) };
}
