import * as format from '@creator-ops/format';

describe('@creator-ops/format barrel', () => {
  it('exports the formatter and the calendar helpers', () => {
    expect(format.formatValue(0.123456, 'percent')).toBe('12.35%');
    expect(format.formatDelta(0.012, 'percent', { locale: 'en' })).toBe('+1.20pp');
    expect(format.toFixedDecimal(2.675, 2)).toBe('2.68');
    expect(format.neutraliseFormula('=1')).toBe("'=1");
    expect(format.formatDay(0)).toBe('1970-01-01');
  });
});
