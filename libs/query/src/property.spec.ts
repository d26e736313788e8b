/**
 * Property test: random ad and order exports × random queries, checked against a deliberately naive
 * reference written here independently of the engine — a plain loop over the generated row objects,
 * money in BigInt cents, ratio = sum / sum with null on a zero or null denominator.
 *
 * Reference semantics (DESIGN §4): a sum skips null cells; a sum over rows that all have a null cell is
 * null (unknown), a sum over no rows is 0; paid orders are those with a payment time (支付完成时间);
 * refunded items have 售后状态 退款成功 / 同意退款，退款成功 / 售后成功; without a refund_amount column
 * a refunded item counts its payable amount.
 */
import fc from 'fast-check';

// A fixed seed keeps CI reproducible; FAST_CHECK_SEED explores other cases locally.
fc.configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20261126) });
import { runQuery } from './engine';
import type { QueryFilter, QueryResult, QuerySpec, ResultRow } from './types';
import { buildTables, type PlainRow } from './testing/table-builder';

// ---------------------------------------------------------------------------------------------
// Generated data: money as integer cents (numbers), dates as text.
// ---------------------------------------------------------------------------------------------
interface AdRow {
  date: string;
  plan_id: string | null;
  product: string | null;
  impressions: number | null;
  clicks: number | null;
  cost: number | null; // cents
  conversions: number | null;
  orders: number | null;
  gmv: number | null; // cents
}

interface OrderRow {
  order_item_id: string;
  order_id: string | null;
  buyer_id: string | null;
  product_id: string | null;
  province: string | null;
  status: string | null;
  after_sale_status: string | null;
  payable_amount: number | null; // cents
  quantity: number | null;
  discount_total: number | null; // cents
  refund_amount: number | null; // cents
  paid_at: string | null; // 'YYYY-MM-DD HH:mm:ss'
}

const FIRST_DAY = Date.UTC(2026, 8, 24); // 2026-09-24 (a Thursday); 40 days run into November
const DAYS = 40;
const dayText = (i: number) => new Date(FIRST_DAY + i * 86_400_000).toISOString().slice(0, 10);
const two = (n: number) => String(n).padStart(2, '0');

/** Mostly present, sometimes null. */
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 6 });
/** Counts with plenty of zeros. */
const count = (max: number) => nullable(fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 0, max }), weight: 4 }));
const cents = (max: number) => nullable(fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 0, max }), weight: 6 }));

const adRowArb: fc.Arbitrary<AdRow> = fc.record({
  date: fc.integer({ min: 0, max: DAYS - 1 }).map(dayText),
  plan_id: fc.constantFrom('P1', 'P2', 'P3', 'P4', null),
  product: fc.constantFrom('保温杯', '帆布袋', '贴纸', null),
  impressions: count(100_000),
  clicks: count(3_000),
  cost: cents(5_000_000), // up to 50,000.00 yuan a row
  conversions: count(300),
  orders: count(100),
  gmv: cents(20_000_000),
});

const orderRowArb = (i: number): fc.Arbitrary<OrderRow> =>
  fc.record({
    order_item_id: fc.constant(`I${i}`),
    order_id: fc.option(
      fc.integer({ min: 1, max: 12 }).map((n) => `O${n}`),
      { nil: null, freq: 20 },
    ),
    buyer_id: fc.option(
      fc.integer({ min: 1, max: 6 }).map((n) => `B${n}`),
      { nil: null, freq: 8 },
    ),
    product_id: fc.constantFrom('SKU1', 'SKU2', 'SKU3', null),
    province: fc.constantFrom('广东', '浙江', '江苏', '广西', null),
    status: fc.constantFrom('已完成', '已发货', '待发货', '备货中', '部分发货', '待支付', '已关闭', null),
    after_sale_status: fc.constantFrom(null, '-', '退款成功', '同意退款，退款成功', '售后成功', '售后关闭', '换货成功'),
    payable_amount: cents(200_000),
    quantity: count(9),
    discount_total: cents(5_000),
    refund_amount: cents(200_000),
    paid_at: nullable(
      fc
        .tuple(fc.integer({ min: 0, max: DAYS - 1 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
        .map(([d, h, m, s]) => `${dayText(d)} ${two(h)}:${two(m)}:${two(s)}`),
    ),
  });

const orderRowsArb = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => orderRowArb(i))));

/** Integer cents -> exact yuan text for the table builder. */
function yuanText(c: number): string {
  const b = BigInt(c);
  const abs = b < 0n ? -b : b;
  return `${b < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
const MONEY = new Set(['cost', 'gmv', 'payable_amount', 'discount_total', 'refund_amount']);
function toPlain(row: object): PlainRow {
  const out: PlainRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = MONEY.has(k) && typeof v === 'number' ? yuanText(v) : (v as string | number | null);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The naive reference
// ---------------------------------------------------------------------------------------------
type Row = Record<string, string | number | null>;

/** Σ field over rows passing `pred`: null cells skipped; all-null -> null; no rows -> 0. */
function sumOf(rows: Row[], field: string, pred: (r: Row) => boolean = () => true): bigint | null {
  const passing = rows.filter(pred);
  const present = passing.filter((r) => r[field] !== null && r[field] !== undefined);
  if (passing.length > 0 && present.length === 0) return null;
  return present.reduce((acc, r) => acc + BigInt(r[field] as number), 0n);
}
const distinctOf = (rows: Row[], field: string, pred: (r: Row) => boolean) =>
  new Set(
    rows
      .filter(pred)
      .map((r) => r[field])
      .filter((v) => v !== null),
  ).size;
const num = (b: bigint | null) => (b === null ? null : Number(b));
const yuan = (b: bigint | null) => (b === null ? null : Number(b) / 100);
const div = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const times = (a: number | null, k: number) => (a === null ? null : a * k);

const REFUNDED = ['退款成功', '同意退款，退款成功', '售后成功'];
// Paid = has a payment time (DESIGN §4): the generated exports always carry 支付完成时间.
const isPaid = (r: Row) => r.paid_at !== null;
const isRefunded = (r: Row) => REFUNDED.includes(r.after_sale_status as string);

type RefMetric = (rows: Row[], ctx: { refundColumn: boolean }) => number | null;

const AD_REF: Record<string, RefMetric> = {
  impressions: (g) => num(sumOf(g, 'impressions')),
  clicks: (g) => num(sumOf(g, 'clicks')),
  cost: (g) => yuan(sumOf(g, 'cost')),
  conversions: (g) => num(sumOf(g, 'conversions')),
  ad_orders: (g) => num(sumOf(g, 'orders')),
  ad_gmv: (g) => yuan(sumOf(g, 'gmv')),
  ctr: (g) => div(num(sumOf(g, 'clicks')), num(sumOf(g, 'impressions'))),
  cvr: (g) => div(num(sumOf(g, 'conversions')), num(sumOf(g, 'clicks'))),
  order_cvr: (g) => div(num(sumOf(g, 'orders')), num(sumOf(g, 'clicks'))),
  cpc: (g) => div(yuan(sumOf(g, 'cost')), num(sumOf(g, 'clicks'))),
  cpm: (g) => times(div(yuan(sumOf(g, 'cost')), num(sumOf(g, 'impressions'))), 1000),
  cpa: (g) => div(yuan(sumOf(g, 'cost')), num(sumOf(g, 'conversions'))),
  cost_per_order: (g) => div(yuan(sumOf(g, 'cost')), num(sumOf(g, 'orders'))),
  roi: (g) => div(num(sumOf(g, 'gmv')), num(sumOf(g, 'cost'))),
  profit_roi: (g) => {
    const gmv = sumOf(g, 'gmv');
    const cost = sumOf(g, 'cost');
    return gmv === null || cost === null ? null : div(Number(gmv - cost), Number(cost));
  },
};

// An empty 退款金额 cell means no refund: the refund column sums with empty cells as 0.
// Refund figures are over paid orders only.
const refundCents = (g: Row[], refundColumn: boolean) =>
  refundColumn
    ? g.filter(isPaid).reduce((acc, r) => acc + BigInt((r.refund_amount as number | null) ?? 0), 0n)
    : sumOf(g, 'payable_amount', (r) => isPaid(r) && isRefunded(r));
const ORDER_REF: Record<string, RefMetric> = {
  items: (g) => g.length,
  gmv: (g) => yuan(sumOf(g, 'payable_amount', isPaid)),
  paid_orders: (g) => distinctOf(g, 'order_id', isPaid),
  buyers: (g) => distinctOf(g, 'buyer_id', isPaid),
  units: (g) => num(sumOf(g, 'quantity', isPaid)),
  discount_total: (g) => yuan(sumOf(g, 'discount_total', isPaid)),
  aov: (g) => div(yuan(sumOf(g, 'payable_amount', isPaid)), distinctOf(g, 'buyer_id', isPaid)),
  avg_order_value: (g) => div(yuan(sumOf(g, 'payable_amount', isPaid)), distinctOf(g, 'order_id', isPaid)),
  refund_amount: (g, c) => yuan(refundCents(g, c.refundColumn)),
  refund_orders: (g) => distinctOf(g, 'order_id', (r) => isPaid(r) && isRefunded(r)),
  refund_rate: (g, c) => div(num(refundCents(g, c.refundColumn)), num(sumOf(g, 'payable_amount', isPaid))),
  refund_order_rate: (g) =>
    div(
      distinctOf(g, 'order_id', (r) => isPaid(r) && isRefunded(r)),
      distinctOf(g, 'order_id', isPaid),
    ),
};
/** Money sums: must be exact to the cent. */

/** The day of a row: ad `date`; order `paid_at`'s date part. */
const dayOfRow = (kind: 'ad' | 'order', r: Row) => (kind === 'ad' ? (r.date as string) : r.paid_at === null ? null : (r.paid_at as string).slice(0, 10));

function weekdayOf(day: string): number {
  const js = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return js === 0 ? 7 : js;
}
function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`) - (weekdayOf(day) - 1) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function dimValue(kind: 'ad' | 'order', r: Row, dim: string): string | number | null {
  const day = dayOfRow(kind, r);
  switch (dim) {
    case 'date':
    case 'date:day':
      return day;
    case 'date:week':
      return day === null ? null : mondayOf(day);
    case 'date:month':
      return day === null ? null : day.slice(0, 7);
    case 'weekday':
      return day === null ? null : weekdayOf(day);
    case 'hour':
      return r.paid_at === null ? null : Number((r.paid_at as string).slice(11, 13));
    default:
      return r[dim] ?? null;
  }
}

interface GenFilter {
  field: string;
  op: QueryFilter['op'];
  /** For the engine (money in yuan). */
  value: unknown;
  /** For the reference (money in cents). */
  test: (v: string | number | null) => boolean;
}

function keep(kind: 'ad' | 'order', r: Row, spec: { from?: string; to?: string }, filters: GenFilter[]): boolean {
  if (spec.from || spec.to) {
    const day = dayOfRow(kind, r);
    if (day === null || (spec.from && day < spec.from) || (spec.to && day > spec.to)) return false;
  }
  return filters.every((f) => f.test(r[f.field] ?? null));
}

interface Reference {
  rows: Map<string, Record<string, number | null>>;
  totals: Record<string, number | null>;
}

function reference(
  parts: { kind: 'ad' | 'order'; rows: Row[]; refs: Record<string, RefMetric>; refundColumn?: boolean }[],
  metrics: string[],
  dims: string[],
  spec: { from?: string; to?: string },
  filters: GenFilter[],
): Reference {
  const selected = parts.map((p) => ({ ...p, rows: p.rows.filter((r) => keep(p.kind, r, spec, filters)) }));
  const keys = new Set<string>();
  for (const p of selected) for (const r of p.rows) keys.add(JSON.stringify(dims.map((d) => dimValue(p.kind, r, d))));
  if (dims.length === 0) keys.add('[]');
  const evalGroup = (pick: (p: (typeof selected)[number]) => Row[]) => {
    const out: Record<string, number | null> = {};
    for (const m of metrics) {
      if (m === 'ad_gmv_share') {
        const ad = selected.find((p) => p.kind === 'ad')!;
        const order = selected.find((p) => p.kind === 'order')!;
        out[m] = div(num(sumOf(pick(ad), 'gmv')), num(sumOf(pick(order), 'payable_amount', isPaid)));
        continue;
      }
      const p = selected.find((s) => m in s.refs)!;
      out[m] = p.refs[m](pick(p), { refundColumn: p.refundColumn ?? false });
    }
    return out;
  };
  const rows = new Map<string, Record<string, number | null>>();
  for (const key of keys)
    rows.set(
      key,
      evalGroup((p) => p.rows.filter((r) => JSON.stringify(dims.map((d) => dimValue(p.kind, r, d))) === key)),
    );
  return { rows, totals: evalGroup((p) => p.rows) };
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------
function sameValue(actual: unknown, expected: number | null, where: string): void {
  if (expected === null) {
    if (actual !== null) throw new Error(`${where}: expected null, got ${String(actual)}`);
    return;
  }
  if (typeof actual !== 'number' || !Number.isFinite(actual)) throw new Error(`${where}: expected ${expected}, got ${String(actual)}`);
  if (Math.abs(actual - expected) > 1e-9 * Math.abs(expected) + 1e-12) throw new Error(`${where}: expected ${expected}, got ${actual}`);
}

function checkAgainst(result: QueryResult, ref: Reference, metrics: string[], dims: string[], exactCents: Map<string, bigint | null>): void {
  const seen = new Set<string>();
  for (const row of result.rows) {
    const key = JSON.stringify(dims.map((d) => row[d]));
    if (seen.has(key)) throw new Error(`duplicate group ${key}`);
    seen.add(key);
    const expected = ref.rows.get(key);
    if (!expected) throw new Error(`unexpected group ${key}`);
    for (const m of metrics) sameValue(row[m], expected[m], `row ${key} ${m}`);
  }
  if (seen.size !== ref.rows.size)
    throw new Error(`expected ${ref.rows.size} groups, got ${seen.size}: missing ${[...ref.rows.keys()].filter((k) => !seen.has(k)).join(' ')}`);
  for (const m of metrics) sameValue((result.totals as ResultRow)[m], ref.totals[m], `totals ${m}`);
  // Money sums to the cent: the yuan value is exactly the BigInt cents / 100.
  for (const [m, c] of exactCents) {
    const v = (result.totals as ResultRow)[m];
    if (c === null) continue;
    if (v !== Number(c) / 100 || BigInt(Math.round((v as number) * 100)) !== c) throw new Error(`totals ${m}: ${String(v)} is not exactly ${c} cents`);
  }
}

// ---------------------------------------------------------------------------------------------
// Random queries
// ---------------------------------------------------------------------------------------------
const periodArb = fc.oneof(
  fc.constant({}),
  fc
    .tuple(fc.integer({ min: 0, max: DAYS - 1 }), fc.integer({ min: 0, max: DAYS - 1 }))
    .map(([a, b]) => ({ from: dayText(Math.min(a, b)), to: dayText(Math.max(a, b)) })),
  fc.integer({ min: 0, max: DAYS - 1 }).map((a) => ({ from: dayText(a) })),
  fc.integer({ min: 0, max: DAYS - 1 }).map((a) => ({ to: dayText(a) })),
);

function textFilterArb(field: string, values: string[], needles: string[]): fc.Arbitrary<GenFilter> {
  return fc.oneof(
    fc.constantFrom(...values).map((v) => ({ field, op: 'eq' as const, value: v, test: (x: string | number | null) => x === v })),
    fc.constantFrom(...values).map((v) => ({ field, op: 'ne' as const, value: v, test: (x: string | number | null) => x !== v })),
    fc.subarray(values).map((vs) => ({ field, op: 'in' as const, value: vs, test: (x: string | number | null) => x !== null && vs.includes(x as string) })),
    fc
      .constantFrom(...needles)
      .map((n) => ({ field, op: 'contains' as const, value: n, test: (x: string | number | null) => typeof x === 'string' && x.includes(n) })),
  );
}

function rangeFilterArb(field: string, max: number, money: boolean): fc.Arbitrary<GenFilter> {
  const bound = fc.option(fc.integer({ min: 0, max }), { nil: null, freq: 4 });
  return fc.tuple(bound, bound).map(([lo, hi]) => ({
    field,
    op: 'range' as const,
    value: [lo === null ? null : money ? lo / 100 : lo, hi === null ? null : money ? hi / 100 : hi],
    test: (x: string | number | null) => x !== null && (lo === null || (x as number) >= lo) && (hi === null || (x as number) <= hi),
  }));
}

const AD_METRIC_KEYS = Object.keys(AD_REF);
const ORDER_METRIC_KEYS = Object.keys(ORDER_REF);
const AD_DIMS = ['plan_id', 'product', 'date', 'date:week', 'date:month', 'weekday'];
const ORDER_DIMS = ['province', 'product_id', 'status', 'buyer_id', 'date', 'date:week', 'date:month', 'weekday', 'hour'];

const adFilterArb = fc.option(
  fc.oneof(
    textFilterArb('plan_id', ['P1', 'P2', 'P3', 'P4'], ['P', '1']),
    textFilterArb('product', ['保温杯', '帆布袋', '贴纸'], ['杯', '袋']),
    rangeFilterArb('impressions', 100_000, false),
    rangeFilterArb('cost', 5_000_000, true),
  ),
  { nil: null },
);
const orderFilterArb = fc.option(
  fc.oneof(
    textFilterArb('province', ['广东', '浙江', '江苏', '广西'], ['广', '江']),
    textFilterArb('product_id', ['SKU1', 'SKU2', 'SKU3'], ['SKU', '2']),
    rangeFilterArb('quantity', 9, false),
    rangeFilterArb('payable_amount', 200_000, true),
  ),
  { nil: null },
);

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) };

describe('the engine equals a naive reference on random exports and queries', () => {
  it('ad reports', () => {
    fc.assert(
      fc.property(
        fc.array(adRowArb, { minLength: 1, maxLength: 40 }),
        fc.subarray(AD_METRIC_KEYS, { minLength: 1 }),
        fc.subarray(AD_DIMS, { maxLength: 2 }),
        adFilterArb,
        periodArb,
        (rows, metrics, dims, filter, period) => {
          const tables = buildTables({ ad: rows.map(toPlain) });
          const filters = filter ? [filter] : [];
          const spec: QuerySpec = {
            metrics,
            dimensions: dims,
            filters: filters.map(({ field, op, value }) => ({ field, op, value })),
            ...period,
            totals: true,
          };
          const result = runQuery(spec, tables);
          const all = rows as unknown as Row[];
          const ref = reference([{ kind: 'ad', rows: all, refs: AD_REF }], metrics, dims, period, filters);
          const selected = all.filter((r) => keep('ad', r, period, filters));
          const exact = new Map<string, bigint | null>();
          if (metrics.includes('cost')) exact.set('cost', sumOf(selected, 'cost'));
          if (metrics.includes('ad_gmv')) exact.set('ad_gmv', sumOf(selected, 'gmv'));
          checkAgainst(result, ref, metrics, dims, exact);
        },
      ),
      RUNS,
    );
  });

  it('shop orders (with and without a refund_amount column)', () => {
    fc.assert(
      fc.property(
        orderRowsArb,
        fc.boolean(),
        fc.subarray(ORDER_METRIC_KEYS, { minLength: 1 }),
        fc.subarray(ORDER_DIMS, { maxLength: 2 }),
        orderFilterArb,
        periodArb,
        (rows, refundColumn, metrics, dims, filter, period) => {
          const plain = rows.map((r) => {
            const p = toPlain(r);
            if (!refundColumn) delete p.refund_amount;
            return p;
          });
          const tables = buildTables({ order: plain });
          const filters = filter ? [filter] : [];
          const spec: QuerySpec = {
            metrics,
            dimensions: dims,
            filters: filters.map(({ field, op, value }) => ({ field, op, value })),
            ...period,
            totals: true,
          };
          const result = runQuery(spec, tables);
          const all = rows as unknown as Row[];
          const ref = reference([{ kind: 'order', rows: all, refs: ORDER_REF, refundColumn }], metrics, dims, period, filters);
          const selected = all.filter((r) => keep('order', r, period, filters));
          const exact = new Map<string, bigint | null>();
          if (metrics.includes('gmv')) exact.set('gmv', sumOf(selected, 'payable_amount', isPaid));
          if (metrics.includes('discount_total')) exact.set('discount_total', sumOf(selected, 'discount_total', isPaid));
          if (metrics.includes('refund_amount')) exact.set('refund_amount', refundCents(selected, refundColumn));
          checkAgainst(result, ref, metrics, dims, exact);
        },
      ),
      RUNS,
    );
  });

  it('ads joined with orders by date (ad share of GMV, groups missing in one kind)', () => {
    fc.assert(
      fc.property(
        fc.array(adRowArb, { minLength: 1, maxLength: 25 }),
        orderRowsArb,
        fc.subarray(['ad_gmv_share', 'ad_gmv', 'gmv', 'roi'], { minLength: 1 }),
        fc.subarray(['date', 'date:week', 'date:month', 'weekday'], { maxLength: 1 }),
        periodArb,
        (adRows, orderRows, metrics, dims, period) => {
          const tables = buildTables({ ad: adRows.map(toPlain), order: orderRows.map(toPlain) });
          const result = runQuery({ metrics, dimensions: dims, ...period, totals: true }, tables);
          // Only the kinds the requested metrics read form groups.
          const needsAd = metrics.some((m) => m !== 'gmv');
          const needsOrder = metrics.some((m) => m === 'gmv' || m === 'ad_gmv_share');
          const ref = reference(
            [
              ...(needsAd ? [{ kind: 'ad' as const, rows: adRows as unknown as Row[], refs: AD_REF }] : []),
              ...(needsOrder ? [{ kind: 'order' as const, rows: orderRows as unknown as Row[], refs: ORDER_REF, refundColumn: true }] : []),
            ],
            metrics,
            dims,
            period,
            [],
          );
          checkAgainst(result, ref, metrics, dims, new Map());
        },
      ),
      RUNS,
    );
  });
});
