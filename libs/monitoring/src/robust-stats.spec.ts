import { expectedRange, median, robustBaseline, robustZ } from './robust-stats';

describe('robust statistics', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it('an outlier moves neither the median nor the MAD', () => {
    // 1 2 3 4 100: median 3; |x − 3| = 2 1 0 1 97 -> MAD 1; z(100) = 0.6745 × 97 / 1
    const b = robustBaseline([1, 2, 3, 4, 100]);
    expect(b).toEqual({ median: 3, mad: 1, scale: 1 / 0.6745, method: 'mad' });
    expect(robustZ(100, b)).toBeCloseTo(65.4265, 10);
    expect(expectedRange(b, 3.5).low).toBeCloseTo(3 - 3.5 / 0.6745, 12);
  });

  it('MAD 0 falls back to the mean absolute deviation', () => {
    // 5 5 5 5 6: MAD 0; mean |x − 5| = 0.2; σ̂ = 1.253314 × 0.2; z(6) = 1 / 0.2506628
    const b = robustBaseline([5, 5, 5, 5, 6]);
    expect(b.method).toBe('mean_ad');
    expect(b.mad).toBe(0);
    expect(robustZ(6, b)).toBeCloseTo(1 / 0.2506628, 9);
  });

  it('a constant history: the same value scores 0, any other is infinitely far', () => {
    const b = robustBaseline([7, 7, 7]);
    expect(b).toEqual({ median: 7, mad: 0, scale: 0, method: 'constant' });
    expect(robustZ(7, b)).toBe(0);
    expect(robustZ(7.5, b)).toBe(Infinity);
    expect(robustZ(6, b)).toBe(-Infinity);
    expect(expectedRange(b, 3.5)).toEqual({ low: 7, high: 7 });
  });
});
