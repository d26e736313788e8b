import { defaultDecimals, formatValue, isUnit, localeNeutral, UNITS, type Unit } from './units';

describe('formatValue: missing and non-finite values', () => {
  it.each(UNITS.map((u) => [u]))('%s prints "-" for null, undefined, NaN and ±Infinity', (unit) => {
    for (const value of [null, undefined, NaN, Infinity, -Infinity]) {
      expect(formatValue(value, unit as Unit)).toBe('-');
      expect(formatValue(value, unit as Unit, { locale: 'en', compact: true, sign: true })).toBe('-');
    }
  });
});

describe('formatValue: count', () => {
  it('groups thousands with no decimals', () => {
    expect(formatValue(1234567, 'count')).toBe('1,234,567');
    expect(formatValue(1234567, 'count', { locale: 'en' })).toBe('1,234,567');
    expect(formatValue(999, 'count')).toBe('999');
    expect(formatValue(1000, 'count')).toBe('1,000');
    expect(formatValue(0, 'count')).toBe('0');
    expect(formatValue(-1234, 'count')).toBe('-1,234');
    expect(formatValue(2.5, 'count')).toBe('3');
  });

  it('compact zh-CN: 万 from 1e4, 亿 from 1e8, two fixed decimals', () => {
    expect(formatValue(12345, 'count', { compact: true })).toBe('1.23万');
    expect(formatValue(12000, 'count', { compact: true })).toBe('1.20万');
    expect(formatValue(10000, 'count', { compact: true })).toBe('1.00万');
    expect(formatValue(123456789, 'count', { compact: true })).toBe('1.23亿');
    expect(formatValue(12355, 'count', { compact: true })).toBe('1.24万');
    expect(formatValue(-12345, 'count', { compact: true })).toBe('-1.23万');
    expect(formatValue(1234567890123, 'count', { compact: true })).toBe('12,345.68亿');
  });

  it('compact keeps values below the first scale as plain counts', () => {
    expect(formatValue(9999, 'count', { compact: true })).toBe('9,999');
    expect(formatValue(0, 'count', { compact: true })).toBe('0');
    expect(formatValue(999, 'count', { compact: true, locale: 'en' })).toBe('999');
  });

  it('compact moves up a scale when rounding reaches it', () => {
    expect(formatValue(99999999, 'count', { compact: true })).toBe('1.00亿');
    expect(formatValue(99994999, 'count', { compact: true })).toBe('9,999.50万');
    expect(formatValue(9999.5, 'count', { compact: true })).toBe('1.00万');
    expect(formatValue(999999, 'count', { compact: true, locale: 'en' })).toBe('1.00M');
  });

  it('compact en: K, M, B', () => {
    expect(formatValue(12345, 'count', { compact: true, locale: 'en' })).toBe('12.35K');
    expect(formatValue(123456789, 'count', { compact: true, locale: 'en' })).toBe('123.46M');
    expect(formatValue(1000, 'count', { compact: true, locale: 'en' })).toBe('1.00K');
    expect(formatValue(2500000000, 'count', { compact: true, locale: 'en' })).toBe('2.50B');
  });

  it('compact decimals option sets the digits of a scaled value only', () => {
    expect(formatValue(12345, 'count', { compact: true, decimals: 1 })).toBe('1.2万');
    expect(formatValue(12345, 'count', { compact: true, decimals: 0 })).toBe('1万');
    expect(formatValue(999, 'count', { compact: true, decimals: 1 })).toBe('999');
  });

  it('prints 1e21 in full', () => {
    expect(formatValue(1e21, 'count')).toBe('1,000,000,000,000,000,000,000');
    expect(formatValue(1e21, 'count', { compact: true })).toBe('10,000,000,000,000.00亿');
  });
});

describe('formatValue: money', () => {
  it('yuan with ¥, two decimals and thousands separators', () => {
    expect(formatValue(1234567.5, 'money')).toBe('¥1,234,567.50');
    expect(formatValue(1234567.5, 'money', { locale: 'en' })).toBe('¥1,234,567.50');
    expect(formatValue(2916.7, 'money')).toBe('¥2,916.70');
    expect(formatValue(0, 'money')).toBe('¥0.00');
    expect(formatValue(0.005, 'money')).toBe('¥0.01');
    expect(formatValue(1.005, 'money')).toBe('¥1.01');
  });

  it('puts the minus sign before the currency', () => {
    expect(formatValue(-12.3, 'money')).toBe('-¥12.30');
    expect(formatValue(-2.675, 'money')).toBe('-¥2.68');
    expect(formatValue(-0.001, 'money')).toBe('¥0.00');
  });

  it('compact zh-CN', () => {
    expect(formatValue(12345.67, 'money', { compact: true })).toBe('¥1.23万');
    expect(formatValue(123456789, 'money', { compact: true })).toBe('¥1.23亿');
    expect(formatValue(-12345, 'money', { compact: true })).toBe('-¥1.23万');
    expect(formatValue(9999.99, 'money', { compact: true })).toBe('¥9,999.99');
    expect(formatValue(9999.995, 'money', { compact: true })).toBe('¥1.00万');
  });

  it('compact en', () => {
    expect(formatValue(12345.67, 'money', { compact: true, locale: 'en' })).toBe('¥12.35K');
    expect(formatValue(123456789, 'money', { compact: true, locale: 'en' })).toBe('¥123.46M');
  });
});

describe('formatValue: percent', () => {
  it('shifts the point two places and rounds half away from zero', () => {
    expect(formatValue(0.123456, 'percent')).toBe('12.35%');
    expect(formatValue(0.1234, 'percent', { locale: 'en' })).toBe('12.34%');
    expect(formatValue(0.0005, 'percent')).toBe('0.05%');
    expect(formatValue(0.000049, 'percent')).toBe('0.00%');
    expect(formatValue(0.00005, 'percent')).toBe('0.01%');
    expect(formatValue(0.285, 'percent', { decimals: 0 })).toBe('29%');
    expect(formatValue(0.012345, 'percent', { decimals: 3 })).toBe('1.235%');
    expect(formatValue(1, 'percent')).toBe('100.00%');
    expect(formatValue(12.5, 'percent')).toBe('1,250.00%');
    expect(formatValue(-0.05, 'percent')).toBe('-5.00%');
    expect(formatValue(0, 'percent')).toBe('0.00%');
  });

  it('reads tiny ratios given in exponent notation', () => {
    expect(formatValue(1e-7, 'percent')).toBe('0.00%');
    expect(formatValue(1e-7, 'percent', { decimals: 5 })).toBe('0.00001%');
  });

  it('ignores compact', () => {
    expect(formatValue(123.45, 'percent', { compact: true })).toBe('12,345.00%');
  });
});

describe('formatValue: multiple and decimal', () => {
  it('two decimals, no unit', () => {
    expect(formatValue(2.345, 'multiple')).toBe('2.35');
    expect(formatValue(2.345, 'multiple', { locale: 'en' })).toBe('2.35');
    expect(formatValue(3, 'multiple')).toBe('3.00');
    expect(formatValue(-0.125, 'multiple')).toBe('-0.13');
    expect(formatValue(1.005, 'decimal')).toBe('1.01');
    expect(formatValue(1.005, 'decimal', { decimals: 1 })).toBe('1.0');
  });
});

describe('formatValue: durations', () => {
  it('seconds: 秒 / s with one decimal', () => {
    expect(formatValue(33, 'seconds')).toBe('33.0秒');
    expect(formatValue(33, 'seconds', { locale: 'en' })).toBe('33.0s');
    expect(formatValue(12.25, 'seconds', { locale: 'en' })).toBe('12.3s');
    expect(formatValue(3600, 'seconds')).toBe('3,600.0秒');
  });

  it('minutes: 分钟 / min with one decimal', () => {
    expect(formatValue(4.05, 'minutes')).toBe('4.1分钟');
    expect(formatValue(4.05, 'minutes', { locale: 'en' })).toBe('4.1min');
    expect(formatValue(90, 'minutes', { decimals: 0 })).toBe('90分钟');
  });
});

describe('formatValue: sign', () => {
  it("prefixes '+' to positive values only", () => {
    expect(formatValue(1234, 'count', { sign: true })).toBe('+1,234');
    expect(formatValue(12.3, 'money', { sign: true })).toBe('+¥12.30');
    expect(formatValue(-12.3, 'money', { sign: true })).toBe('-¥12.30');
    expect(formatValue(0.05, 'percent', { sign: true })).toBe('+5.00%');
    expect(formatValue(12345, 'count', { sign: true, compact: true })).toBe('+1.23万');
    expect(formatValue(1.5, 'seconds', { sign: true, locale: 'en' })).toBe('+1.5s');
  });

  it('gives a result that rounds to zero no sign', () => {
    expect(formatValue(0, 'count', { sign: true })).toBe('0');
    expect(formatValue(0.001, 'money', { sign: true })).toBe('¥0.00');
    expect(formatValue(-0.001, 'money', { sign: true })).toBe('¥0.00');
  });
});

describe('formatValue: options', () => {
  it('defaults to zh-CN', () => {
    expect(formatValue(33, 'seconds', {})).toBe('33.0秒');
  });

  it('rejects an unknown unit, locale or bad decimals', () => {
    expect(() => formatValue(1, 'yen' as Unit)).toThrow(RangeError);
    expect(() => formatValue(1, 'count', { locale: 'fr' as 'en' })).toThrow(RangeError);
    expect(() => formatValue(1, 'count', { decimals: -1 })).toThrow(RangeError);
    expect(() => formatValue(null, 'count', { decimals: 2.5 })).toThrow(RangeError);
  });

  it('exposes the unit list and defaults', () => {
    expect(isUnit('money')).toBe(true);
    expect(isUnit('yen')).toBe(false);
    expect(defaultDecimals('seconds')).toBe(1);
    expect(defaultDecimals('count')).toBe(0);
    expect(defaultDecimals('percent')).toBe(2);
  });
});

describe('localeNeutral', () => {
  it('holds for exactly the units formatValue writes alike in zh-CN and en (not compact)', () => {
    const values = [0, 1, -1, 0.5, 1234.5678, 0.0123, 1e7 + 0.25, -98765.4321];
    for (const unit of UNITS) {
      const alike = values.every((v) => formatValue(v, unit, { locale: 'zh-CN' }) === formatValue(v, unit, { locale: 'en' }));
      expect([unit, localeNeutral(unit)]).toEqual([unit, alike]);
    }
    expect(UNITS.filter((u) => !localeNeutral(u))).toEqual(['seconds', 'minutes']);
  });
});
