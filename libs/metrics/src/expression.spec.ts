import { compileExpression, evaluate, parseExpression, referencedKeys } from './expression';

const env = (values: Record<string, number | null>) => (key: string) => {
  if (!(key in values)) throw new Error(`unexpected lookup ${key}`);
  return values[key];
};
const calc = (source: string, values: Record<string, number | null> = {}) => evaluate(parseExpression(source), env(values));

describe('parseExpression', () => {
  it('parses numbers, identifiers and the four operators into a tree', () => {
    expect(parseExpression('cost / clicks')).toEqual({ t: 'bin', op: '/', l: { t: 'ref', key: 'cost' }, r: { t: 'ref', key: 'clicks' } });
    expect(parseExpression('1.5')).toEqual({ t: 'num', v: 1.5 });
    expect(parseExpression('-a')).toEqual({ t: 'neg', e: { t: 'ref', key: 'a' } });
  });

  it('binds * and / tighter than + and -, left to right', () => {
    // cost / impressions * 1000 is (cost / impressions) * 1000
    expect(parseExpression('cost / impressions * 1000')).toEqual({
      t: 'bin',
      op: '*',
      l: { t: 'bin', op: '/', l: { t: 'ref', key: 'cost' }, r: { t: 'ref', key: 'impressions' } },
      r: { t: 'num', v: 1000 },
    });
    expect(calc('1 + 2 * 3')).toBe(7);
    expect(calc('(1 + 2) * 3')).toBe(9);
    expect(calc('10 - 4 - 3')).toBe(3); // (10 - 4) - 3, not 10 - (4 - 3) = 9
    expect(calc('100 / 10 / 5')).toBe(2); // (100 / 10) / 5, not 100 / 2 = 50
    expect(calc('2 * 3 + 4 * 5')).toBe(26);
    expect(calc('8 / 4 * 2')).toBe(4);
    expect(calc('1 + 2 - 3 + 4')).toBe(4);
  });

  it('handles unary minus', () => {
    expect(calc('-3')).toBe(-3);
    expect(calc('-3 + 5')).toBe(2);
    expect(calc('5 - -3')).toBe(8);
    expect(calc('--4')).toBe(4);
    expect(calc('2 * -3')).toBe(-6);
    expect(calc('-(2 + 3) * 4')).toBe(-20);
    expect(calc('-a / b', { a: 6, b: 3 })).toBe(-2);
  });

  it('ignores whitespace', () => {
    expect(calc('  ( likes+comments )/plays  ', { likes: 3, comments: 1, plays: 8 })).toBe(0.5);
  });

  it.each([
    ['', 'end'],
    ['a +', 'end'],
    ['(a + b', ')'],
    ['a + b)', ')'],
    ['a b', 'b'],
    ['a % b', '%'],
    ['* a', '*'],
    ['Clicks / 2', 'C'],
    ['a / .5', '.5'],
  ])('rejects %p', (source, mention) => {
    expect(() => parseExpression(source)).toThrow(mention);
  });

  it('lists the keys an expression references', () => {
    expect([...referencedKeys(parseExpression('(ad_gmv - cost) / cost'))].sort()).toEqual(['ad_gmv', 'cost']);
    expect([...referencedKeys(parseExpression('-(a + 2) * b / 1000'))].sort()).toEqual(['a', 'b']);
    expect([...referencedKeys(parseExpression('42'))]).toEqual([]);
  });
});

describe('evaluate', () => {
  it('computes metric formulas by hand', () => {
    // cpm = 12.34 / 1500 * 1000 = 8.2266...
    expect(calc('cost / impressions * 1000', { cost: 12.34, impressions: 1500 })).toBeCloseTo(8.226666666666667, 12);
    // profit roi = (30 - 12) / 12 = 1.5
    expect(calc('(ad_gmv - cost) / cost', { ad_gmv: 30, cost: 12 })).toBe(1.5);
    // break-even roi = 1 / 0.4 = 2.5
    expect(calc('1 / gross_margin', { gross_margin: 0.4 })).toBe(2.5);
  });

  it('propagates null from any operand', () => {
    expect(calc('a + b', { a: null, b: 1 })).toBeNull();
    expect(calc('a - b', { a: 1, b: null })).toBeNull();
    expect(calc('a * 0', { a: null })).toBeNull();
    expect(calc('-a', { a: null })).toBeNull();
    expect(calc('(a + b) / c', { a: 1, b: null, c: 2 })).toBeNull();
    expect(calc('a / b', { a: null, b: 0 })).toBeNull();
  });

  it('gives null for division by zero (never Infinity or NaN), including 0 / 0 and -0', () => {
    expect(calc('a / b', { a: 5, b: 0 })).toBeNull();
    expect(calc('a / b', { a: 0, b: 0 })).toBeNull();
    expect(calc('a / b', { a: -5, b: -0 })).toBeNull();
    expect(calc('1 / (a - a)', { a: 3 })).toBeNull();
    expect(calc('a / b * 1000', { a: 1, b: 0 })).toBeNull();
    expect(calc('1 + a / b', { a: 1, b: 0 })).toBeNull();
    expect(calc('0 / a', { a: 4 })).toBe(0);
  });

  it('treats non-finite lookups as null', () => {
    expect(calc('a + 1', { a: Infinity })).toBeNull();
    expect(calc('a + 1', { a: NaN })).toBeNull();
  });
});

describe('compileExpression', () => {
  it('reads each reference of the row it is given, and makes null of a division by zero, a null operand and a non-finite input', () => {
    const f = compileExpression(parseExpression('(gmv - cost) / cost'), (key) => (row: Record<string, number | null>) => row[key]);
    expect(f({ gmv: 150, cost: 100 })).toBe(0.5);
    expect(f({ gmv: 150, cost: 0 })).toBeNull();
    expect(f({ gmv: null, cost: 100 })).toBeNull();
    expect(f({ gmv: Infinity, cost: 100 })).toBeNull();
    const rows = [
      { gmv: 300, cost: 200 },
      { gmv: 90, cost: 30 },
    ];
    const byRow = compileExpression(parseExpression('gmv / cost * 100'), (key) => (t: number) => rows[t][key as 'gmv' | 'cost']);
    expect([byRow(0), byRow(1)]).toEqual([150, 300]);
  });
});
