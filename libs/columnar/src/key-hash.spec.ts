import { cellValue, LINE_COLUMN, type Column, type ColumnTable } from './column';
import { rowHashes } from './key-hash';
import { rowKeys } from './keys';

/** A dictionary column whose codes follow `order` (another order: other codes for the same strings). */
const dict = (values: (string | null)[], order: 'first-seen' | 'reversed' = 'first-seen'): Column => {
  const words = [...new Set(values.filter((v): v is string => v !== null))];
  if (order === 'reversed') words.reverse();
  return { type: 'dict', dict: words, codes: Int32Array.from(values, (v) => (v === null ? -1 : words.indexOf(v))) };
};
const num = (values: (number | null)[]): Column => ({
  type: 'num',
  values: Float64Array.from(values, (v) => v ?? 0),
  valid: values.includes(null) ? Uint8Array.from(values, (v) => (v === null ? 0 : 1)) : null,
});
const table = (columns: Record<string, Column>, length: number): ColumnTable => ({
  kind: 'ad',
  length,
  specs: Object.keys(columns).map((name) => ({ name, role: 'field', valueType: 'string' })),
  columns: new Map(Object.entries(columns)),
});

/** The second method: a row's values as text (null apart from every number and string; -0 as 0), line number left out. */
const rowText = (t: ColumnTable, i: number) =>
  JSON.stringify([...t.columns].filter(([name]) => name !== LINE_COLUMN).map(([, col]) => (cellValue(col, i) === 0 ? 0 : cellValue(col, i))));

/** Rows drawn from few values, so many rows repeat others whole or in part. */
function generated(rows: number, seed: number, order: 'first-seen' | 'reversed') {
  let s = seed;
  const next = (k: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s % k);
  const pick = <T>(choices: T[]) => choices[next(choices.length)];
  const cols = {
    date: [] as (number | null)[],
    plan_id: [] as (string | null)[],
    plan: [] as (string | null)[],
    cost: [] as (number | null)[],
    ctr: [] as (number | null)[],
    [LINE_COLUMN]: [] as number[],
  };
  for (let i = 0; i < rows; i++) {
    cols.date.push(pick([20000, 20001, null]));
    cols.plan_id.push(pick(['1780000100000000399', '1780000100000011303', null]));
    cols.plan.push(pick(['商品卡-下单', 'A', null]));
    cols.cost.push(pick([0, -0, 12.5, 1e15, null]));
    cols.ctr.push(pick([0.0363, null]));
    cols[LINE_COLUMN].push(i + 2);
  }
  return table(
    {
      date: num(cols.date),
      plan_id: dict(cols.plan_id, order),
      plan: dict(cols.plan, order),
      cost: num(cols.cost),
      ctr: num(cols.ctr),
      [LINE_COLUMN]: num(cols[LINE_COLUMN]),
    },
    rows,
  );
}

describe('rowHashes', () => {
  const KEY = ['date', 'plan_id'];

  it('gives two rows the same key hash exactly when rowKeys gives them the same key, and the same content hash exactly when every value but the line is equal', () => {
    // Two tables of the same kind of rows, their dictionaries in opposite orders (as two batches or two imports have them).
    const a = generated(400, 7, 'first-seen');
    const b = generated(400, 11, 'reversed');
    const ha = rowHashes(a, KEY);
    const hb = rowHashes(b, KEY);
    const keysA = rowKeys(a, KEY);
    const keysB = rowKeys(b, KEY);
    const textA = Array.from({ length: a.length }, (_, i) => rowText(a, i));
    const textB = Array.from({ length: b.length }, (_, j) => rowText(b, j));
    let sameKey = 0;
    let sameContent = 0;
    for (let i = 0; i < a.length; i++) {
      for (let j = 0; j < b.length; j++) {
        const keyEqual = keysA[i] === keysB[j];
        const contentEqual = textA[i] === textB[j];
        if (keyEqual !== (ha.keyHi[i] === hb.keyHi[j] && ha.keyLo[i] === hb.keyLo[j])) throw new Error(`key of rows ${i} and ${j}`);
        if (contentEqual !== (ha.content[i] === hb.content[j])) throw new Error(`content of rows ${i} and ${j}: ${textA[i]} ${textB[j]}`);
        sameKey += Number(keyEqual);
        sameContent += Number(contentEqual);
      }
    }
    // Both kinds of pairs occur plenty (3 x 3 keys; 3 x 3 x 3 x 5 x 2 contents).
    expect(sameKey).toBeGreaterThan(10_000);
    expect(sameContent).toBeGreaterThan(500);
  });

  it('hashes a key column’s cells once for the key and the content alike: a key field later in the table changes nothing', () => {
    const t = generated(300, 3, 'first-seen');
    const keyed = rowHashes(t, ['plan', 'cost']);
    const unkeyed = rowHashes(t, []);
    expect(keyed.content).toEqual(unkeyed.content);
  });
});
