import { abcClasses } from './abc';
import { RFM_SEGMENTS, scoreRfm } from './rfm';

describe('abcClasses', () => {
  it('decides the 80% and 95% boundaries exactly on cents', () => {
    // 7000 + 1000 = 8000 of 10000 cents is exactly 80% -> A; 9500 is exactly 95% -> B (no float rounding at the limit).
    expect(abcClasses([7000, 1000, 1500, 500]).map((r) => [r.cumulativeShare, r.cls])).toEqual([
      [0.7, 'A'],
      [0.8, 'A'],
      [0.95, 'B'],
      [1, 'C'],
    ]);
  });

  it('classes a dominant first item by its own cumulative share (90% -> B)', () => {
    expect(abcClasses([900, 100]).map((r) => r.cls)).toEqual(['B', 'C']);
  });

  it('treats null and non-positive amounts as 0, and has no shares without a positive total', () => {
    expect(abcClasses([100, null, -5]).map((r) => [r.cumulativeShare, r.cls])).toEqual([
      [1, 'C'],
      [1, 'C'],
      [1, 'C'],
    ]);
    expect(abcClasses([0, null])).toEqual([
      { cumulativeShare: null, cls: 'C' },
      { cumulativeShare: null, cls: 'C' },
    ]);
  });
});

describe('scoreRfm', () => {
  it('compares with the means; a value at the mean is far / low', () => {
    // R: 1 and 3 (mean 2); F: 2 and 2 (mean 2, both at the mean -> low); M: 100.00 and 300.00 (mean 200.00)
    const { buyers, means } = scoreRfm(
      [
        { buyer: 'x', lastDay: 99, orders: 2, monetaryCents: 10000 },
        { buyer: 'y', lastDay: 97, orders: 2, monetaryCents: 30000 },
      ],
      100,
    );
    expect(means).toEqual({ r: 2, f: 2, m: 200 });
    expect(buyers.map((b) => [b.recencyDays, b.near, b.highF, b.highM, b.segment])).toEqual([
      [1, true, false, false, 'general_develop'],
      [3, false, false, true, 'important_retain'],
    ]);
  });

  it('has 8 distinct segments covering every R × F × M combination', () => {
    const combos = new Set(RFM_SEGMENTS.map((s) => `${s.near}${s.highF}${s.highM}`));
    expect(combos.size).toBe(8);
    expect(scoreRfm([], 1)).toEqual({ buyers: [], means: null });
  });
});
