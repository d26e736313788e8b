import { formatDelta, formatPercentPoints } from './delta';

describe('formatPercentPoints', () => {
  it('shows a change between rates in percentage points, signed', () => {
    expect(formatPercentPoints(0.012, { locale: 'en' })).toBe('+1.20pp');
    expect(formatPercentPoints(0.012)).toBe('+1.20个百分点');
    expect(formatPercentPoints(-0.00285, { locale: 'en' })).toBe('-0.29pp');
    expect(formatPercentPoints(0, { locale: 'en' })).toBe('0.00pp');
    expect(formatPercentPoints(0.012, { locale: 'en', decimals: 1 })).toBe('+1.2pp');
    expect(formatPercentPoints(0.012, { locale: 'en', sign: false })).toBe('1.20pp');
  });

  it('prints "-" for a missing delta', () => {
    expect(formatPercentPoints(null)).toBe('-');
    expect(formatPercentPoints(NaN, { locale: 'en' })).toBe('-');
  });
});

describe('formatDelta', () => {
  it('signs deltas of every unit', () => {
    expect(formatDelta(1234, 'count')).toBe('+1,234');
    expect(formatDelta(-1234, 'count')).toBe('-1,234');
    expect(formatDelta(-12.3, 'money')).toBe('-¥12.30');
    expect(formatDelta(0.245, 'multiple')).toBe('+0.25');
    expect(formatDelta(2.5, 'seconds', { locale: 'en' })).toBe('+2.5s');
    expect(formatDelta(12345, 'money', { compact: true })).toBe('+¥1.23万');
  });

  it('shows a percent delta as percentage points', () => {
    // 13.2% - 12% = 1.2 points; in binary 0.132 - 0.12 = 0.012000000000000004.
    expect(formatDelta(0.132 - 0.12, 'percent', { locale: 'en' })).toBe('+1.20pp');
    expect(formatDelta(-0.005, 'percent')).toBe('-0.50个百分点');
  });

  it('allows the sign to be turned off and prints "-" for missing', () => {
    expect(formatDelta(5, 'count', { sign: false })).toBe('5');
    expect(formatDelta(null, 'percent')).toBe('-');
    expect(formatDelta(undefined, 'money')).toBe('-');
    expect(formatDelta(Infinity, 'count')).toBe('-');
  });
});
