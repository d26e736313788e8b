import { bank } from './testing/fixtures';

/**
 * Issue 17: the bank has an auto-graded exercise for every data item the standard lists that the
 * product once lacked, and none of them runs on stand-in data (星图 orders as an ad report).
 */
const REQUIRED = [
  '初级 2.2.2',
  '初级 3.1.7',
  '初级 3.1.9',
  '中级 3.1.9',
  '初级 3.2.3',
  '中级 3.2.3',
  '初级 4.3.2',
  '初级 4.3.3',
  '中级 4.3.1',
  '中级 4.3.2',
  '中级 4.3.3',
  '中级 2.1.4',
  '高级 2.2.3',
  '高级 1.1.3',
  '高级 4.1.2',
];

describe('exercise coverage of the standard', () => {
  const exercises = bank();
  const codes = new Set(exercises.map((e) => `${e.level} ${e.skill}`));

  it.each(REQUIRED)('%s has an exercise', (code) => {
    expect(codes.has(code)).toBe(true);
  });

  it('grades 星图 (3.2.3) exercises on 星图 exports, not on ad reports standing in for them', () => {
    const xingtu = exercises.filter((e) => e.skill === '3.2.3');
    expect(xingtu.length).toBeGreaterThanOrEqual(2);
    for (const e of xingtu) expect(e.datasets.map((d) => d.kind)).toEqual(['xingtu']);
  });

  it('grades 2.2.2, 3.1.7 and 3.1.9 on survey, stock and review exports', () => {
    const kinds = (skill: string) => new Set(exercises.filter((e) => e.skill === skill).flatMap((e) => e.datasets.map((d) => d.kind)));
    expect([...kinds('2.2.2')]).toEqual(['survey']);
    expect(kinds('3.1.7').has('stock') && kinds('3.1.7').has('stock_move')).toBe(true);
    expect([...kinds('3.1.9')]).toEqual(['review']);
  });
});
