import type { ValueFormat } from '../types';
import { judgeCell, type CellInput } from './cell';
import { roundHalfEven, roundHalfUp, truncate, withinRounding } from './numbers';

const pct2 = { type: 'percent', decimals: 2 } as const;
const money2 = { type: 'money', decimals: 2 } as const;
const judge = (raw: string, expected: number | null, over: Partial<CellInput> = {}) =>
  judgeCell({ expected, format: pct2, raw, headerPercent: true, alternatives: [], ...over });

describe('rounding-aware tolerance', () => {
  it('rounds half up and half to even on the decimal value, never on the binary one', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfEven(1.005, 2)).toBe(1.0);
    expect(roundHalfEven(1.015, 2)).toBe(1.02);
    expect(roundHalfUp(-2.675, 2)).toBe(-2.68);
    expect(truncate(12.349, 2)).toBe(12.34);
    expect(truncate(-12.349, 2)).toBe(-12.34);
  });

  it('accepts a value within half a unit of the last digit, or either rounding of the exact value', () => {
    expect(withinRounding(1.01, 1.005, 2)).toBe(true);
    expect(withinRounding(1.0, 1.005, 2)).toBe(true); // half-even (and Excel's binary 1.00)
    expect(withinRounding(1.02, 1.005, 2)).toBe(false);
    expect(withinRounding(123.43, 123.425, 2)).toBe(true);
    expect(withinRounding(123.42, 123.425, 2)).toBe(true);
    expect(withinRounding(12.3456, 12.34561, 2)).toBe(true); // more digits than asked
  });
});

describe('judgeCell', () => {
  const e = 0.1235; // 12.35 %

  it('reads 12.35%, 12.35 and full-width digits under a (%) header as the same answer', () => {
    for (const raw of ['12.35%', '12.35', ' 12.35 ', '１２.３５%', '１２.３５']) expect(judge(raw, e)).toEqual({ correct: true });
  });

  it('a fraction under a (%) header: accepted with a note (lenient), wrong (strict)', () => {
    expect(judge('0.1235', e, { unitPolicy: 'lenient' })).toMatchObject({ correct: true, diagnosis: { code: 'PERCENT_AS_FRACTION_ACCEPTED' } });
    expect(judge('0.0677', 0.0677, { unitPolicy: 'strict' })).toMatchObject({ correct: false, diagnosis: { code: 'PERCENT_AS_FRACTION' } });
    // 0.50 is a right percent when the rate is 0.5 %, under either policy.
    expect(judge('0.50', 0.005, { unitPolicy: 'strict' })).toEqual({ correct: true });
  });

  it('a bare fraction under a header without % is a fraction where a percent was asked', () => {
    expect(judge('0.1235', e, { headerPercent: false }).diagnosis?.code).toBe('PERCENT_AS_FRACTION');
    expect(judge('12.35', e, { headerPercent: false })).toEqual({ correct: true });
  });

  it('a percent where a fraction was asked, ROI as a percent', () => {
    expect(
      judgeCell({ expected: 0.235, format: { type: 'fraction', decimals: 3 }, raw: '23.5%', headerPercent: false, alternatives: [] }).diagnosis?.code,
    ).toBe('FRACTION_AS_PERCENT');
    expect(judgeCell({ expected: 2.35, format: { type: 'multiple', decimals: 2 }, raw: '235%', headerPercent: false, alternatives: [] }).diagnosis?.code).toBe(
      'MULTIPLE_AS_PERCENT',
    );
    expect(judgeCell({ expected: 2.35, format: { type: 'multiple', decimals: 2 }, raw: '1:2.35', headerPercent: false, alternatives: [] })).toEqual({
      correct: true,
    });
  });

  it('money with ¥, commas and 万', () => {
    const m = (raw: string, expected: number) => judgeCell({ expected, format: money2, raw, headerPercent: false, alternatives: [] });
    expect(m('¥1,234.50', 1234.5)).toEqual({ correct: true });
    expect(m('1234.5元', 1234.5)).toEqual({ correct: true });
    expect(m('12.35万', 123456.78).diagnosis?.code).toBe('TOO_FEW_DECIMALS');
  });

  it('near misses: truncated, too few decimals, rounded too early — each with its own diagnosis and no points', () => {
    expect(judge('12.34', 0.123499)).toMatchObject({ correct: false, nearMiss: true, diagnosis: { code: 'ROUNDING_TRUNCATED' } });
    expect(judge('12.3', 0.12349)).toMatchObject({ correct: false, nearMiss: true, diagnosis: { code: 'TOO_FEW_DECIMALS' } });
    expect(judge('12.36', 0.12347)).toMatchObject({ correct: false, nearMiss: true, diagnosis: { code: 'EARLY_ROUNDING' } });
    expect(judge('13.50', e)).toEqual({ correct: false });
  });

  it('×100 twice', () => {
    expect(judge('1235', e).diagnosis?.code).toBe('TIMES_100_TWICE');
    expect(judge('1234.56', 0.1234561).diagnosis?.code).toBe('TIMES_100_TWICE');
  });

  it('an empty expectation (zero denominator) wants an empty cell, not 0 or ∞', () => {
    expect(judge('-', null)).toEqual({ correct: true });
    expect(judge('', null)).toEqual({ correct: true });
    expect(judge('0', null).diagnosis?.code).toBe('EXPECTED_EMPTY');
    expect(judge('#DIV/0!', null).diagnosis?.code).toBe('EXPECTED_EMPTY');
    expect(judge('∞', 0.5).diagnosis?.code).toBe('EXPECTED_EMPTY');
    expect(judge('', 0.5).diagnosis?.code).toBe('MISSING_VALUE');
    expect(judge('abc', 0.5).diagnosis?.code).toBe('NOT_A_NUMBER');
  });

  it('explains a wrong number by the first typical mistake that reproduces it', () => {
    const alternatives = [
      { def: { code: 'MEAN_OF_RATIOS' }, value: 0.1301 },
      { def: { code: 'INVERTED_RATIO' }, value: 1 / e },
    ];
    expect(judge('13.01', e, { alternatives }).diagnosis?.code).toBe('MEAN_OF_RATIOS');
    expect(judge('8.10', e, { alternatives }).diagnosis?.code).toBe('INVERTED_RATIO');
    expect(judge('809.72%', e, { alternatives }).diagnosis?.code).toBe('INVERTED_RATIO');
    expect(judge('12.35', e, { alternatives })).toEqual({ correct: true });
  });

  it('labels compare after normalisation, with synonyms', () => {
    const label: ValueFormat = { type: 'label', synonyms: { 暂停: ['关停'] } };
    const l = (raw: string) =>
      judgeCell({ expected: '暂停', format: label, raw, headerPercent: false, alternatives: [{ def: { code: 'BASELINE_MEAN_OF_RATIOS' }, value: '优化' }] });
    expect(l(' 暂停 ')).toEqual({ correct: true });
    expect(l('关停')).toEqual({ correct: true });
    expect(l('优化').diagnosis?.code).toBe('BASELINE_MEAN_OF_RATIOS');
    expect(l('保留').diagnosis?.code).toBe('WRONG_LABEL');
  });
});
