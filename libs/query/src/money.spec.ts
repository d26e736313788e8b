/**
 * Money is exact to the cent (DESIGN §3.5, §4): summing a million cent amounts through the engine
 * gives exactly the BigInt total.
 */
import type { ColumnTable } from '@creator-ops/columnar';
import { runQuery } from './engine';
import type { TableSet } from './types';

const N = 1_000_000;

/** mulberry32: a small deterministic PRNG (uniform in [0, 1)). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Amounts of every size: 1 cent … 1,000,000.00 yuan, many with cents that are inexact in binary. */
function centAmounts(seed: number): Float64Array {
  const rand = prng(seed);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const scale = [100, 10_000, 1_000_000, 100_000_000][Math.floor(rand() * 4)];
    out[i] = Math.floor(rand() * scale) + 1;
  }
  return out;
}

const bigSum = (values: Float64Array, keep: (i: number) => boolean = () => true) => {
  let s = 0n;
  for (let i = 0; i < values.length; i++) if (keep(i)) s += BigInt(values[i]);
  return s;
};

function expectExactYuan(yuan: unknown, cents: bigint): void {
  expect(typeof yuan).toBe('number');
  // the engine's yuan × 100, rounded, is the BigInt cent total …
  expect(BigInt(Math.round((yuan as number) * 100))).toBe(cents);
  // … and the yuan value is exactly that total / 100 (the nearest double to the decimal amount)
  expect(yuan).toBe(Number(cents) / 100);
}

describe('a million cent amounts', () => {
  const DAY0 = Date.UTC(2026, 9, 1) / 86_400_000;

  it('ad cost totals and per-day sums equal the BigInt cent sums', () => {
    const cost = centAmounts(20261001);
    const date = new Float64Array(N);
    for (let i = 0; i < N; i++) date[i] = DAY0 + (i % 7);
    const table: ColumnTable = {
      kind: 'ad',
      length: N,
      specs: [
        { name: 'date', role: 'field', valueType: 'date' },
        { name: 'cost', role: 'field', valueType: 'money' },
      ],
      columns: new Map([
        ['date', { type: 'num', values: date, valid: null }],
        ['cost', { type: 'num', values: cost, valid: null }],
      ]),
    };
    const tables: TableSet = new Map([['ad', table]]);
    const expected = bigSum(cost);
    // the total is far beyond what a float sum of yuan keeps exact
    expect(expected).toBeGreaterThan(10_000_000_000n);

    const r = runQuery({ metrics: ['cost'], dimensions: ['date'], totals: true }, tables);
    expectExactYuan(r.totals!.cost, expected);
    expect(r.rows).toHaveLength(7);
    let perDay = 0n;
    r.rows.forEach((row, d) => {
      const cents = bigSum(cost, (i) => i % 7 === d);
      expectExactYuan(row.cost, cents);
      perDay += cents;
    });
    expect(perDay).toBe(expected);

    // For contrast: adding the same amounts as floating-point yuan does drift off the cent.
    let floatYuan = 0;
    for (let i = 0; i < N; i++) floatYuan += cost[i] / 100;
    expect(floatYuan).not.toBe(Number(expected) / 100);
  });

  it('shop GMV (paid orders only) equals the BigInt cent sum of the paid rows', () => {
    const payable = centAmounts(7);
    const rand = prng(99);
    const statuses = ['已完成', '已发货', '待支付', '已关闭'];
    const codes = new Int32Array(N);
    const paidAt = new Float64Array(N);
    // paid = has a payment time: 已完成 / 已发货 items, and every third 已关闭 item (paid, then fully refunded)
    const paid = new Uint8Array(N);
    for (let i = 0; i < N; i++) {
      codes[i] = Math.floor(rand() * 4);
      paid[i] = codes[i] < 2 || (codes[i] === 3 && i % 3 === 0) ? 1 : 0;
      paidAt[i] = (DAY0 + (i % 30)) * 86_400_000 + (i % 86_400) * 1000;
    }
    const table: ColumnTable = {
      kind: 'order',
      length: N,
      specs: [
        { name: 'status', role: 'field', valueType: 'enum' },
        { name: 'paid_at', role: 'field', valueType: 'datetime' },
        { name: 'payable_amount', role: 'field', valueType: 'money' },
      ],
      columns: new Map([
        ['status', { type: 'dict', codes, dict: statuses }],
        ['paid_at', { type: 'num', values: paidAt, valid: paid }],
        ['payable_amount', { type: 'num', values: payable, valid: null }],
      ]),
    };
    const r = runQuery({ metrics: ['gmv'], dimensions: ['date:month'], totals: true }, new Map([['order', table]]));
    // only rows with a payment time count; unpaid 待支付 / 已关闭 rows are excluded
    const expected = bigSum(payable, (i) => paid[i] === 1);
    expect(expected).toBeLessThan(bigSum(payable));
    expectExactYuan(r.totals!.gmv, expected);
    // days 0..29 from 2026-10-01 all fall in October; unpaid rows have no payment day (a null group, gmv 0)
    expect(r.rows.map((row) => row['date:month'])).toEqual(['2026-10', null]);
    expectExactYuan(r.rows[0].gmv, expected);
    expect(r.rows[1].gmv).toBe(0);
  });
});
