import { roundDecimal, shiftPoint, toDecimal, toFixedDecimal, roundHalfAwayFromZero } from './decimal';

describe('toFixedDecimal', () => {
  it.each([
    // Values whose binary double lies just below the half: toFixed gets these wrong.
    [1.005, 2, '1.01'],
    [2.675, 2, '2.68'],
    [0.285, 2, '0.29'],
    [1.045, 2, '1.05'],
    [0.125, 2, '0.13'],
    [8.345, 2, '8.35'],
    [-1.005, 2, '-1.01'],
    [-2.675, 2, '-2.68'],
    [-0.125, 2, '-0.13'],
    [0.5, 0, '1'],
    [-0.5, 0, '-1'],
    [2.5, 0, '3'],
    [1.5, 0, '2'],
    [1.4999, 0, '1'],
    [1.2344, 3, '1.234'],
    [0.1 + 0.2, 2, '0.30'],
    [2916.7, 2, '2916.70'],
    [9.995, 2, '10.00'],
    [999.5, 0, '1000'],
    [0, 2, '0.00'],
    [7, 0, '7'],
    [123.456, 0, '123'],
  ])('%p at %p decimals -> %p', (value, decimals, expected) => {
    expect(toFixedDecimal(value, decimals)).toBe(expected);
  });

  it('never prints a negative zero', () => {
    expect(toFixedDecimal(-0.001, 2)).toBe('0.00');
    expect(toFixedDecimal(-0, 0)).toBe('0');
    expect(toFixedDecimal(-0.4, 0)).toBe('0');
  });

  it('reads exponent notation: 1e21 and beyond print in full', () => {
    expect(toFixedDecimal(1e21, 0)).toBe('1000000000000000000000');
    expect(toFixedDecimal(1.5e21, 2)).toBe('1500000000000000000000.00');
    expect(toFixedDecimal(-2.5e22, 0)).toBe('-25000000000000000000000');
  });

  it('reads exponent notation: tiny numbers', () => {
    expect(toFixedDecimal(1e-7, 2)).toBe('0.00');
    expect(toFixedDecimal(1e-7, 7)).toBe('0.0000001');
    expect(toFixedDecimal(1e-7, 9)).toBe('0.000000100');
    expect(toFixedDecimal(1.5e-7, 7)).toBe('0.0000002');
    expect(toFixedDecimal(-1.5e-7, 7)).toBe('-0.0000002');
    expect(toFixedDecimal(4.9e-7, 6)).toBe('0.000000');
    expect(toFixedDecimal(5e-7, 6)).toBe('0.000001');
  });

  it('rejects non-finite values and bad decimals', () => {
    expect(() => toFixedDecimal(NaN, 2)).toThrow(RangeError);
    expect(() => toFixedDecimal(Infinity, 2)).toThrow(RangeError);
    expect(() => toFixedDecimal(1, -1)).toThrow(RangeError);
    expect(() => toFixedDecimal(1, 1.5)).toThrow(RangeError);
  });
});

describe('roundHalfAwayFromZero', () => {
  it('returns the rounded number', () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-2.675, 2)).toBe(-2.68);
    expect(roundHalfAwayFromZero(0.285, 2)).toBe(0.29);
    expect(roundHalfAwayFromZero(-0.5, 0)).toBe(-1);
    expect(roundHalfAwayFromZero(1234.5, 0)).toBe(1235);
  });

  it('returns zero, not negative zero, when a negative value rounds to nothing', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
  });

  it('passes non-finite values through', () => {
    expect(roundHalfAwayFromZero(NaN, 2)).toBeNaN();
    expect(roundHalfAwayFromZero(-Infinity, 2)).toBe(-Infinity);
  });
});

describe('decimal point shifting', () => {
  it('multiplies by powers of ten without binary error', () => {
    // In binary 0.285 * 100 = 28.499999999999996; on the decimal string it is 28.5.
    expect(roundDecimal(shiftPoint(toDecimal(0.285), 2), 0)).toEqual({ negative: false, integer: '29', fraction: '' });
    expect(roundDecimal(shiftPoint(toDecimal(12345), -4), 2)).toEqual({ negative: false, integer: '1', fraction: '23' });
    expect(roundDecimal(shiftPoint(toDecimal(1e-7), 2), 5)).toEqual({ negative: false, integer: '0', fraction: '00001' });
  });
});
