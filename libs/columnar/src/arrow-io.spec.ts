import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArrowFileStore } from './arrow-file-store';
import { cellValue, type Column, type ColumnSpec, type ColumnTable } from './column';

const SPECS: ColumnSpec[] = [
  { name: 'date', role: 'field', valueType: 'date' },
  { name: 'at', role: 'field', valueType: 'datetime' },
  { name: 'cost', role: 'field', valueType: 'money' },
  { name: 'plan', role: 'field', valueType: 'string' },
];

/** One batch: days, wall-clock ms, cents and names, null where given as null. */
function batch(rows: [number | null, number | null, number | null, string | null][]): ColumnTable {
  const numColumn = (k: number) => ({
    type: 'num' as const,
    values: Float64Array.from(rows, (r) => (r[k] as number | null) ?? 0),
    valid: rows.some((r) => r[k] === null) ? Uint8Array.from(rows, (r) => (r[k] === null ? 0 : 1)) : null,
  });
  const words = [...new Set(rows.map((r) => r[3]).filter((w): w is string => w !== null))];
  return {
    kind: 'ad',
    length: rows.length,
    specs: SPECS,
    columns: new Map<string, Column>([
      ['date', numColumn(0)],
      ['at', numColumn(1)],
      ['cost', numColumn(2)],
      ['plan', { type: 'dict', dict: words, codes: Int32Array.from(rows, (r) => (r[3] === null ? -1 : words.indexOf(r[3]))) }],
    ]),
  };
}

const cells = (t: ColumnTable) => Array.from({ length: t.length }, (_, i) => SPECS.map((s) => cellValue(t.columns.get(s.name)!, i)));

describe('a column file written in batches', () => {
  it('reads back every value and null of every batch, dictionaries merged in first-seen order', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'arrow-io-'));
    try {
      const store = new ArrowFileStore(root);
      const writer = store.open('ws1', 'ad', 'import1');
      // Days and milliseconds since 1970-01-01 (any values do: the file only has to give them back).
      writer.append(
        batch([
          [20362, 1790812800000, 12345, '计划B'],
          [null, null, null, null],
          [20363, 1790899200000, -50, '计划A'],
        ]),
      );
      writer.append(
        batch([
          [20364, null, 0, '计划A'],
          [20365, 1791072000000, 99, '计划C'],
        ]),
      );
      writer.append(batch([[20366, 1791158400000, 7, null]]));
      await writer.finish();
      const back = store.read('ws1', 'ad', 'import1');
      expect(back.length).toBe(6);
      expect(back.specs).toEqual(SPECS);
      expect(cells(back)).toEqual([
        [20362, 1790812800000, 12345, '计划B'],
        [null, null, null, null],
        [20363, 1790899200000, -50, '计划A'],
        [20364, null, 0, '计划A'],
        [20365, 1791072000000, 99, '计划C'],
        [20366, 1791158400000, 7, null],
      ]);
      const plan = back.columns.get('plan')!;
      expect(plan.type === 'dict' && plan.dict).toEqual(['计划B', '计划A', '计划C']);
      // A null number reads back as 0 behind its validity flag, as the kernels expect.
      const cost = back.columns.get('cost')!;
      expect(cost.type === 'num' && [cost.values[1], cost.valid?.[1], cost.valid?.[0]]).toEqual([0, 0, 1]);
      expect(back.columns.get('date')!.type === 'num' && (back.columns.get('date') as { valid: Uint8Array | null }).valid).not.toBeNull();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
