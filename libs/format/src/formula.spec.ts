import { neutraliseFormula } from './formula';

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['+1', "'+1"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['-1+1', "'-1+1"],
    ['-A1', "'-A1"],
    ['-1.2.3', "'-1.2.3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('prefixes an apostrophe to %p', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each(['-12.5', '-3%', '-3', '-1,234.50', '-¥12.30', '-¥1,234,567.50', '-0.05%', '-'])(
    'leaves the plain negative number or placeholder %p alone',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(cell);
    },
  );

  it.each(['12.5', '抖音号A', '', ' =1', 'a=b', '¥12.30'])('leaves ordinary text %p alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});
