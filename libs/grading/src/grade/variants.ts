import { metricRegistry } from '@creator-ops/metrics';
import type { AnswerKey, ColumnDef, KeyRow, ValueSource } from '../types';

/** A cell's value under a mistake that transforms the key value itself (catalogue detector `variant`). */
export interface CellVariant {
  code: string;
  value: number;
}

const metricKind = (key: string) => metricRegistry().metrics.get(key)?.kind;

/** A ratio of two sums (CTR, CPC, 互动率, 平均播放): inverting it or averaging it over rows is a typical mistake. */
export function isRatioColumn(col: ColumnDef): boolean {
  const v: ValueSource = col.value;
  if ('metric' in v) return metricKind(v.metric) === 'ratio' || metricKind(v.metric) === 'weighted_avg';
  if ('expr' in v) return v.expr.includes('/');
  return 'cumulativeRatio' in v;
}

/** A column summed over rows (counts, amounts): a total row counted as data doubles its total. */
export function isAdditiveColumn(col: ColumnDef): boolean {
  const v: ValueSource = col.value;
  if (col.format.type !== 'integer' && col.format.type !== 'money' && col.format.type !== 'number') return false;
  if ('metric' in v) return ['sum', 'count', 'count_distinct'].includes(metricKind(v.metric) ?? '');
  return 'lookup' in v;
}

/** A share of a total: keeping the total row in the denominator halves it. */
export const isShareColumn = (col: ColumnDef): boolean => 'share' in col.value || 'cumulativeShare' in col.value;

/** A per-thousand figure (CPM, GPM). */
export function isPerMilleColumn(col: ColumnDef): boolean {
  const v: ValueSource = col.value;
  if ('metric' in v) return ['cpm', 'gpm', 'live_gpm'].includes(v.metric);
  return 'expr' in v && /\*\s*1000\b/.test(v.expr);
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The values a cell takes under each `variant` mistake that applies to its column and row. */
export function cellVariants(key: AnswerKey, row: KeyRow, col: ColumnDef): CellVariant[] {
  const exact = row.values[col.key];
  if (typeof exact !== 'number' || exact === 0) return [];
  const out: CellVariant[] = [];
  // Most specific first: x / 1000 can also be close to 1 / x when x is near √1000.
  if (isPerMilleColumn(col)) out.push({ code: 'CPM_WITHOUT_1000', value: exact / 1000 });
  if (isRatioColumn(col)) {
    out.push({ code: 'INVERTED_RATIO', value: 1 / exact });
    if (row.isTotal) {
      const m = mean(
        key.rows
          .filter((r) => !r.isTotal)
          .map((r) => r.values[col.key])
          .filter((x): x is number => typeof x === 'number'),
      );
      if (m !== null) out.push({ code: 'MEAN_OF_RATIOS', value: m });
    }
  }
  if (row.isTotal && isAdditiveColumn(col)) out.push({ code: 'TOTAL_ROW_AS_DATA', value: 2 * exact });
  if (isShareColumn(col)) out.push({ code: 'TOTAL_IN_DENOMINATOR', value: exact / 2 });
  return out;
}
