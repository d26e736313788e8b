import { civilDay, daysInMonth, formatDay, formatWallMs, parseIsoDay, parseWallClock, wallToDay, wallToMs, type WallClock } from './calendar';

const DATE_2026_07_18: WallClock = { year: 2026, month: 7, day: 18, hour: 0, minute: 0, second: 0, hasTime: false };

// Day numbers worked out by hand: 2000-01-01 is day 10957; 2000..2023 adds 24*365 + 6 leap days
// = 8766, so 2024-01-01 is day 19723; 2024-02-29 = 19723 + 31 + 28 = 19782.
// 2026-01-01 = 19723 + 366 + 365 = 20454; July 1 = +181 (31+28+31+30+31+30) = 20635; July 18 = 20652.
// 2026-10-01 = 20454 + 273 (181 + 31+31+30) = 20727.
const DAY_2024_02_29 = 19782;
const DAY_2026_07_18 = 20652;
const DAY_2026_10_01 = 20727;

describe('parseWallClock', () => {
  it.each(['2026-07-18', '2026/7/18', '2026年7月18日', '20260718', '2026.07.18'])('reads %p as a date', (text) => {
    expect(parseWallClock(text)).toEqual({ wall: DATE_2026_07_18 });
  });

  it('reads a date with time', () => {
    expect(parseWallClock('2026/10/01 19:30:00')).toEqual({
      wall: { year: 2026, month: 10, day: 1, hour: 19, minute: 30, second: 0, hasTime: true },
    });
    expect(parseWallClock('2026-10-01T08:05')).toEqual({
      wall: { year: 2026, month: 10, day: 1, hour: 8, minute: 5, second: 0, hasTime: true },
    });
  });

  it.each(['2026-13-01', '2026-00-10', '2026-02-29', '2026-04-31', '2026-07-18 24:00:00', '2026-07-18 10:60', 'yesterday', '', '26-07-18'])(
    'rejects %p as DATE_INVALID',
    (text) => {
      expect(parseWallClock(text)).toEqual({ error: 'DATE_INVALID' });
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(parseWallClock('2024-02-29')).toEqual({ wall: { ...DATE_2026_07_18, year: 2024, month: 2, day: 29 } });
  });

  it.each(['9999-01-01', '1969-12-31', '2101-01-01'])('rejects %p as DATE_OUT_OF_RANGE', (text) => {
    expect(parseWallClock(text)).toEqual({ error: 'DATE_OUT_OF_RANGE' });
  });
});

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(wallToDay({ ...DATE_2026_07_18, year: 1970, month: 1, day: 1 })).toBe(0);
    expect(wallToDay(DATE_2026_07_18)).toBe(DAY_2026_07_18);
    expect(wallToDay({ ...DATE_2026_07_18, year: 2024, month: 2, day: 29 })).toBe(DAY_2024_02_29);
  });

  it('formats day numbers', () => {
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(DAY_2024_02_29)).toBe('2024-02-29');
    expect(formatDay(DAY_2024_02_29 + 1)).toBe('2024-03-01');
    expect(formatDay(DAY_2026_07_18)).toBe('2026-07-18');
  });

  it.each(['2024-02-29', '2024-12-31', '2025-01-01', '2100-12-31', '1970-01-01'])('round-trips %p', (text) => {
    const parsed = parseWallClock(text);
    if (!('wall' in parsed)) throw new Error(`did not parse ${text}`);
    expect(formatDay(wallToDay(parsed.wall))).toBe(text);
  });

  it('knows month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('wall-clock milliseconds', () => {
  it('counts from 1970-01-01T00:00 in the wall clock, whatever the server TZ', () => {
    const parsed = parseWallClock('2026/10/01 19:30:00');
    if (!('wall' in parsed)) throw new Error('did not parse');
    const expected = DAY_2026_10_01 * 86_400_000 + (19 * 3600 + 30 * 60) * 1000;
    expect(wallToMs(parsed.wall)).toBe(expected);
    expect(formatWallMs(expected)).toBe('2026-10-01 19:30:00');
  });
});

describe('parseIsoDay', () => {
  it('accepts only YYYY-MM-DD', () => {
    expect(parseIsoDay('2026-07-18')).toBe(DAY_2026_07_18);
    expect(parseIsoDay('2024-02-29')).toBe(DAY_2024_02_29);
    expect(parseIsoDay('2026/07/18')).toBeNull();
    expect(parseIsoDay('2026-7-18')).toBeNull();
    expect(parseIsoDay('2026-02-30')).toBeNull();
    expect(parseIsoDay('9999-01-01')).toBeNull();
  });
});

describe('civilDay', () => {
  it('is Date.UTC in days for every date from 1970-01-01 to 2100-12-31', () => {
    let checked = 0;
    for (let year = 1970; year <= 2100; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= daysInMonth(year, month); day++) {
          if (civilDay(year, month, day) !== Date.UTC(year, month - 1, day) / 86_400_000) throw new Error(`${year}-${month}-${day}`);
          checked++;
        }
      }
    }
    // 131 years of 365 days plus 32 leap days (1972..2096 by 4; 2100 is not one).
    expect(checked).toBe(131 * 365 + 32);
    expect(civilDay(1970, 1, 1)).toBe(0);
    expect(civilDay(2000, 3, 1)).toBe(11_017);
  });
});
