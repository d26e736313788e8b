import type { Column, ColumnTable } from './column';
import { countDuplicateKeys, rowKeys } from './keys';

const num = (values: (number | null)[]): Column => ({
  type: 'num',
  values: Float64Array.from(values, (v) => v ?? 0),
  valid: values.includes(null) ? Uint8Array.from(values, (v) => (v === null ? 0 : 1)) : null,
});
const dict = (values: (string | null)[]): Column => {
  const words = [...new Set(values.filter((v): v is string => v !== null))];
  return { type: 'dict', dict: words, codes: Int32Array.from(values, (v) => (v === null ? -1 : words.indexOf(v))) };
};
const table = (columns: Record<string, Column>, length: number): ColumnTable => ({
  kind: 'ad',
  length,
  specs: Object.keys(columns).map((name) => ({ name, role: 'field', valueType: 'string' })),
  columns: new Map(Object.entries(columns)),
});
/** The second method: distinct string keys. */
const byStrings = (t: ColumnTable, keys: string[]) => t.length - new Set(rowKeys(t, keys)).size;

describe('countDuplicateKeys', () => {
  it('counts rows repeating an earlier key over a day column and a dictionary column, nulls as one value', () => {
    // Keys: (20000,A) (20000,B) (20001,A) (20000,A)* (null,A) (null,A)* (20001,null) (20001,null)* -> 3 repeats.
    const t = table({ date: num([20000, 20000, 20001, 20000, null, null, 20001, 20001]), plan_id: dict(['A', 'B', 'A', 'A', 'A', 'A', null, null]) }, 8);
    expect(countDuplicateKeys(t, ['date', 'plan_id'])).toBe(3);
    expect(byStrings(t, ['date', 'plan_id'])).toBe(3);
  });

  it('tells apart numbers that are not small integers (fractions, a wide range, -0 equal to 0)', () => {
    // 0.5 twice, 1e15 twice, -0 and 0 the same key, 3 once: 3 repeats among 7 rows.
    const t = table({ value: num([0.5, 1e15, -0, 0.5, 1e15, 0, 3]) }, 7);
    expect(countDuplicateKeys(t, ['value'])).toBe(3);
    const wide = table({ value: num([0, 2 ** 30, 0, 2 ** 30 + 1]) }, 4);
    expect(countDuplicateKeys(wide, ['value'])).toBe(1);
  });

  it('finds no repeat in a large table of distinct (day, plan) pairs, and each planted one', () => {
    // 92 days x 2000 plans, every pair once; then the last 5 rows copy rows 0..4.
    const days = 92;
    const plans = 2000;
    const n = days * plans;
    const date = new Float64Array(n + 5);
    const codes = new Int32Array(n + 5);
    for (let i = 0; i < n; i++) {
      date[i] = 20666 + Math.floor(i / plans);
      codes[i] = i % plans;
    }
    const names = Array.from({ length: plans }, (_, p) => `plan-${p}`);
    const unique = table({ date: { type: 'num', values: date.slice(0, n), valid: null }, plan_id: { type: 'dict', dict: names, codes: codes.slice(0, n) } }, n);
    expect(countDuplicateKeys(unique, ['date', 'plan_id'])).toBe(0);
    for (let k = 0; k < 5; k++) {
      date[n + k] = date[k];
      codes[n + k] = codes[k];
    }
    const repeated = table({ date: { type: 'num', values: date, valid: null }, plan_id: { type: 'dict', dict: names, codes } }, n + 5);
    expect(countDuplicateKeys(repeated, ['date', 'plan_id'])).toBe(5);
  });

  it('counts the same over a key space too large for a bit per key (day x plan id x plan name)', () => {
    // 92 days x 2000 plans, each plan with its own name: 93 x 2001 x 2001 possible keys, far more than rows.
    const days = 92;
    const plans = 2000;
    const n = days * plans;
    const date = new Float64Array(n + 3);
    const codes = new Int32Array(n + 3);
    for (let i = 0; i < n; i++) {
      date[i] = 20666 + Math.floor(i / plans);
      codes[i] = i % plans;
    }
    // Rows n..n+2 repeat rows 7, 7 and 4001.
    [7, 7, 4001].forEach((of, k) => {
      date[n + k] = date[of];
      codes[n + k] = codes[of];
    });
    const ids = Array.from({ length: plans }, (_, p) => `id-${p}`);
    const names = Array.from({ length: plans }, (_, p) => `plan-${p}`);
    const t = table(
      {
        date: { type: 'num', values: date, valid: null },
        plan_id: { type: 'dict', dict: ids, codes },
        plan: { type: 'dict', dict: names, codes: codes.slice() },
      },
      n + 3,
    );
    expect(countDuplicateKeys(t, ['date', 'plan_id', 'plan'])).toBe(3);
    expect(byStrings(t, ['date', 'plan_id', 'plan'])).toBe(3);
  });
});
