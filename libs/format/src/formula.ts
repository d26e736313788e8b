import { NULL_DISPLAY } from './locale';

const FORMULA_START = /^[=+\-@\t\r]/;
/** What our own formatter writes and a spreadsheet reads as data: `-12.5`, `-1,234.50`, `-3%`, `-¥12.30`. */
const NEGATIVE_NUMBER = /^-¥?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

/**
 * Guards a CSV/XLSX cell against formula injection (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3+cmd|...`) by
 * prefixing an apostrophe. A plain negative number and the null placeholder `-` are left alone: they
 * are data, cannot run anything, and an apostrophe would turn every negative figure into text.
 * `neutraliseFormula('=1+1')` -> `"'=1+1"`, `neutraliseFormula('-12.5')` -> `'-12.5'`.
 */
export function neutraliseFormula(cell: string): string {
  if (!FORMULA_START.test(cell)) return cell;
  if (cell === NULL_DISPLAY || NEGATIVE_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}
