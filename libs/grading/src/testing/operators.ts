import { formatDay, parseIsoDay } from '@creator-ops/format';
import { roundHalfUp, toPresentation } from '../grade/numbers';
import { isAdditiveColumn, isPerMilleColumn, isRatioColumn, isShareColumn } from '../grade/variants';
import { headerLabel, keyCellText } from '../key/present';
import { shiftDecimal } from '../submission/values';
import type { AnswerKey, ColumnDef, Exercise, KeyRow, KeyTable, ValueFormat } from '../types';
import type { AnswerTable } from './fixtures';

/** Where a mutation must be diagnosed: cells (key row index, column key), rows, the sort, or anywhere. */
export interface Expectation {
  cells?: { row: number; column: string }[];
  rowCode?: boolean;
  sort?: boolean;
  anywhere?: boolean;
}

export interface Application {
  operator: string;
  code: string;
  table: AnswerTable;
  expect: Expectation;
}

interface Ctx {
  ex: Exercise;
  key: AnswerKey;
}

type Numeric = Exclude<ValueFormat, { type: 'label' }>;

/** The key as a trainee would write it: headers with units, cells rounded as asked. */
export function keyAsAnswer(key: Pick<KeyTable, 'columns' | 'rows'>): AnswerTable {
  return { header: key.columns.map((c) => headerLabel(c)), rows: key.rows.map((r) => key.columns.map((c) => keyCellText(r, c))) };
}

const formatOf = (row: KeyRow, col: ColumnDef) => (row.formats?.[col.key] ?? col.format) as ValueFormat;
const numeric = (f: ValueFormat): f is Numeric => f.type !== 'label';
const isKeyDay = (f: ColumnDef['format']) => f.type === 'date' || f.type === 'datetime' || f.type === 'week';

/** A value in the unit asked, written with the asked decimals, or with 3 significant digits when those show nothing. */
function written(value: number, f: Numeric): string {
  const shown = toPresentation(value, f);
  const d = f.type === 'integer' ? 0 : f.decimals;
  let digits = d;
  while (Math.abs(roundHalfUp(shown, digits)) < 100 && digits < d + 8 && Math.abs(shown) > 0 && Math.abs(roundHalfUp(shown, digits)) * 10 ** digits < 100)
    digits++;
  return shiftDecimal(roundHalfUp(shown, digits), 0);
}

/** Rewrites chosen cells; an operator applies when it changed at least one cell. */
function rewrite(ctx: Ctx, operator: string, code: string, pick: (row: KeyRow, col: ColumnDef, r: number) => string | null): Application[] {
  const table = keyAsAnswer(ctx.key);
  const cells: Expectation['cells'] = [];
  ctx.key.rows.forEach((row, r) =>
    ctx.key.columns.forEach((col, c) => {
      if (col.role !== 'value' || row.ungraded?.includes(col.key)) return;
      const text = pick(row, col, r);
      if (text === null || text === table.rows[r][c]) return;
      table.rows[r][c] = text;
      cells.push({ row: r, column: col.key });
    }),
  );
  return cells.length ? [{ operator, code, table, expect: { cells } }] : [];
}

const numberAt = (row: KeyRow, col: ColumnDef): { v: number; f: Numeric } | null => {
  const v = row.values[col.key];
  const f = formatOf(row, col);
  return typeof v === 'number' && v !== 0 && numeric(f) ? { v, f } : null;
};

const meanOfRows = (key: AnswerKey, col: ColumnDef): number | null => {
  const xs = key.rows
    .filter((r) => !r.isTotal)
    .map((r) => r.values[col.key])
    .filter((x): x is number => typeof x === 'number');
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
};

function shiftDays(text: string, days: number, week = false): string {
  const day = parseIsoDay(text.slice(0, 10));
  if (day === null) return text;
  const moved = formatDay(day + days);
  return week ? moved : moved + text.slice(10);
}

/** The mutation operators of issue 18, each with the diagnosis it must get. */
export const OPERATORS: { name: string; code: string; apply: (ctx: Ctx) => Application[] }[] = [
  {
    name: 'mean of ratios',
    code: 'MEAN_OF_RATIOS',
    apply: (ctx) =>
      rewrite(ctx, 'mean of ratios', 'MEAN_OF_RATIOS', (row, col) => {
        const n = numberAt(row, col);
        const m = row.isTotal && isRatioColumn(col) ? meanOfRows(ctx.key, col) : null;
        return n && m !== null ? written(m, n.f) : null;
      }),
  },
  {
    name: '×100 twice',
    code: 'TIMES_100_TWICE',
    apply: (ctx) =>
      rewrite(ctx, '×100 twice', 'TIMES_100_TWICE', (row, col) => {
        const n = numberAt(row, col);
        return n && n.f.type === 'percent' ? shiftDecimal(keyCellText(row, col), 2) : null;
      }),
  },
  {
    name: 'fraction for percent',
    code: 'PERCENT_AS_FRACTION',
    apply: (ctx) =>
      rewrite(ctx, 'fraction for percent', 'PERCENT_AS_FRACTION', (row, col) => {
        const n = numberAt(row, col);
        return n && (n.f.type === 'percent' || n.f.type === 'pp') ? shiftDecimal(keyCellText(row, col), -2) : null;
      }),
  },
  {
    name: 'inverted ratio',
    code: 'INVERTED_RATIO',
    apply: (ctx) =>
      rewrite(ctx, 'inverted ratio', 'INVERTED_RATIO', (row, col) => {
        const n = numberAt(row, col);
        return n && !row.isTotal && isRatioColumn(col) ? written(1 / n.v, n.f) : null;
      }),
  },
  {
    name: 'total row counted',
    code: 'TOTAL_ROW_AS_DATA',
    apply: (ctx) => {
      if (ctx.key.rows.some((r) => r.isTotal))
        return rewrite(ctx, 'total row counted', 'TOTAL_ROW_AS_DATA', (row, col) => {
          const n = numberAt(row, col);
          return n && row.isTotal && isAdditiveColumn(col) ? written(2 * n.v, n.f) : null;
        });
      const label = ctx.key.exportTotalLabels[0];
      if (!label) return [];
      const table = keyAsAnswer(ctx.key);
      table.rows.push(table.rows[0].map((c, i) => (i === 0 ? label : c)));
      return [{ operator: 'total row counted', code: 'TOTAL_ROW_AS_DATA', table, expect: { rowCode: true } }];
    },
  },
  {
    name: 'total in denominator',
    code: 'TOTAL_IN_DENOMINATOR',
    apply: (ctx) =>
      rewrite(ctx, 'total in denominator', 'TOTAL_IN_DENOMINATOR', (row, col) => {
        const n = numberAt(row, col);
        return n && isShareColumn(col) ? written(n.v / 2, n.f) : null;
      }),
  },
  {
    name: 'dates shifted by one day',
    code: 'DATES_SHIFTED',
    apply: (ctx) => {
      const recency = ctx.ex.question.alternatives?.find((a) => a.offset)?.offset?.column;
      if (recency)
        return rewrite(ctx, 'dates shifted by one day', 'RECENCY_OFF_BY_ONE', (row, col) =>
          col.key === recency && typeof row.values[col.key] === 'number' ? String((row.values[col.key] as number) + 1) : null,
        );
      const k = ctx.key.columns.findIndex((c) => c.role === 'key' && (c.format.type === 'date' || c.format.type === 'datetime'));
      if (k < 0) return [];
      const table = keyAsAnswer(ctx.key);
      table.rows.forEach((r) => (r[k] = shiftDays(r[k], 1)));
      return [{ operator: 'dates shifted by one day', code: 'DATES_SHIFTED', table, expect: { rowCode: true } }];
    },
  },
  {
    name: 'Sunday-start weeks',
    code: 'WEEK_START_SUNDAY',
    apply: (ctx) => {
      const k = ctx.key.columns.findIndex((c) => c.role === 'key' && c.format.type === 'week');
      if (k < 0) return [];
      const table = keyAsAnswer(ctx.key);
      table.rows.forEach((r) => (r[k] = shiftDays(r[k], -1, true)));
      return [{ operator: 'Sunday-start weeks', code: 'WEEK_START_SUNDAY', table, expect: { rowCode: true } }];
    },
  },
  {
    name: 'CPM ×1000 missing',
    code: 'CPM_WITHOUT_1000',
    apply: (ctx) =>
      rewrite(ctx, 'CPM ×1000 missing', 'CPM_WITHOUT_1000', (row, col) => {
        const n = numberAt(row, col);
        return n && isPerMilleColumn(col) ? written(n.v / 1000, n.f) : null;
      }),
  },
  {
    name: 'rows reordered',
    code: 'SORT_*',
    apply: (ctx) => {
      const data = ctx.key.rows.map((r, i) => ({ r, i })).filter((x) => !x.r.isTotal);
      if (!ctx.ex.question.sortRequired || data.length < 3) return [];
      const base = keyAsAnswer(ctx.key);
      const totals = base.rows.filter((_, i) => ctx.key.rows[i].isTotal);
      const rows = data.map((x) => base.rows[x.i]);
      const reversed = { header: base.header, rows: [...[...rows].reverse(), ...totals] };
      const rotated = { header: base.header, rows: [...rows.slice(1), rows[0], ...totals] };
      return [
        { operator: 'rows reordered', code: 'SORT_REVERSED', table: reversed, expect: { sort: true } },
        { operator: 'rows reordered', code: 'SORT_ORDER', table: rotated, expect: { sort: true } },
      ];
    },
  },
  {
    name: 'rule ignored',
    code: 'alternative',
    apply: (ctx) =>
      ctx.key.alternatives.map((alt) => {
        let table: AnswerTable;
        if (alt.def.offset) {
          const column = alt.def.offset.column;
          table = keyAsAnswer(ctx.key);
          const c = ctx.key.columns.findIndex((x) => x.key === column);
          table.rows.forEach((r, i) => typeof ctx.key.rows[i].values[column] === 'number' && (r[c] = String((ctx.key.rows[i].values[column] as number) + 30)));
        } else table = keyAsAnswer(alt.table);
        return { operator: 'rule ignored', code: alt.def.code, table, expect: { anywhere: true } };
      }),
  },
];

export const isKeyDayColumn = isKeyDay;
