/**
 * xlsx cell values -> the cell texts a CSV export of the sheet would hold, so that the CSV value
 * parsers (DESIGN §3.5) read both alike:
 *  - strings (shared or inline; 千川 writes every number as text) as they are, rich text joined;
 *  - numbers as their shortest decimal text, cleaned to Excel's 15 significant digits
 *    (0.1 + 0.2 -> `0.3`); a percent-formatted number as its percent text (0.1234 -> `12.34%`);
 *  - date-formatted numbers (Excel date serials) and Dates (whose UTC fields are the wall clock, as
 *    exceljs and `t="d"` cells give them) as `YYYY-MM-DD HH:mm:ss` computed from UTC fields, never
 *    local time; a time-only value (serial < 1) as `HH:mm:ss`;
 *  - in a date or datetime column, a bare number is an Excel date serial (days since 1899-12-30,
 *    or 1904-01-01 in a 1904 workbook): 45930 -> `2025-09-30 00:00:00`. Only xlsx cells get this
 *    reading: the CSV text `20260718` stays a compact date, and so does the xlsx number 20260718
 *    (not a serial of any year up to 2100);
 *  - in an id column, a number of 16 or more digits (>= 1e15) has lost digits: reported as
 *    ID_PRECISION_LOST by the caller;
 *  - formulas as their cached result (none cached: empty), read as any other cell of their type and
 *    format; booleans as TRUE / FALSE;
 *  - Excel error values (#DIV/0!, #N/A, ...) as empty: no value, counted and reported as a warning.
 */
import type { RawValue } from './sheet-reader';

/** How a column's numbers are read (known once the header row has been mapped). */
export type ColumnMode = 'plain' | 'date' | 'id';

/** Days from 1899-12-30 (Excel's day 0) to 1970-01-01; 1904 workbooks count from 1904-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;
const DATE1904_OFFSET = 1462;
const MS_PER_DAY = 86_400_000;
/** A serial of 1e6 days is year 4637: above it a number in a date column is not a serial. */
const MAX_SERIAL = 1_000_000;
/** Integers from here on carry more digits than a double keeps exactly in Excel (15). */
export const ID_PRECISION_LIMIT = 1e15;

export interface ConvertedCell {
  text: string;
  /** The cell held an Excel error value. */
  error: boolean;
  /** The cell is a number too long to be an exact id. */
  precisionLost: boolean;
}

/** Converts cells; one instance per sheet (it knows the workbook's date system). */
export class CellConverter {
  constructor(private readonly date1904 = false) {}

  /** The text of a cell; `out` receives the flags (reused to avoid an object per cell). */
  convert(value: RawValue | undefined, numFmt: string | undefined, mode: ColumnMode, out: ConvertedCell): void {
    out.error = false;
    out.precisionLost = false;
    out.text = this.text(value, numFmt, mode, out);
  }

  private text(value: RawValue | undefined, numFmt: string | undefined, mode: ColumnMode, out: ConvertedCell): string {
    if (value === null || value === undefined) return '';
    switch (typeof value) {
      case 'string':
        return decodeOoxmlEscapes(value);
      case 'number':
        return this.number(value, numFmt, mode, out);
      case 'boolean':
        return value ? 'TRUE' : 'FALSE';
      case 'object':
        break;
      default:
        return String(value);
    }
    if (value instanceof Date) return formatWallClock(value.getTime());
    if ('richText' in value && Array.isArray(value.richText)) return decodeOoxmlEscapes(value.richText.map((r) => r.text ?? '').join(''));
    if ('error' in value) {
      out.error = true;
      return '';
    }
    return '';
  }

  private number(n: number, numFmt: string | undefined, mode: ColumnMode, out: ConvertedCell): string {
    if (!Number.isFinite(n)) {
      out.error = true;
      return '';
    }
    if (numFmt && isDateFormat(numFmt)) return formatWallClock(this.serialToMs(n));
    if (mode === 'date' && n > 0 && n < MAX_SERIAL) return formatWallClock(this.serialToMs(n));
    if (mode === 'id' && Math.abs(n) >= ID_PRECISION_LIMIT) {
      out.precisionLost = true;
      return numberText(n);
    }
    if (numFmt && isPercentFormat(numFmt)) return numberText(n * 100) + '%';
    return numberText(n);
  }

  private serialToMs(serial: number): number {
    return Math.round((serial - EXCEL_EPOCH_OFFSET + (this.date1904 ? DATE1904_OFFSET : 0)) * MS_PER_DAY);
  }
}

/** Shortest decimal text of a number, at Excel's 15 significant digits (integers exact). */
export function numberText(n: number): string {
  const s = String(n);
  // At most 15 digits (sign and point aside), or an integer: already exact and shortest.
  if (s.length <= 16 || Number.isInteger(n)) return s;
  return String(Number(n.toPrecision(15)));
}

const WALL_MIN = Date.UTC(1899, 11, 31);

/**
 * `YYYY-MM-DD HH:mm:ss` of wall-clock milliseconds (a Date's UTC fields), to the nearest second;
 * a value before 1899-12-31 is a time of day alone (serial < 1) and gives `HH:mm:ss`.
 */
export function formatWallClock(ms: number): string {
  const d = new Date(Math.round(ms / 1000) * 1000);
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  if (ms < WALL_MIN) return time;
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${time}`;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** What Excel shows of a format: quoted text, escapes and [colour]/[condition] sections removed. */
function formatCode(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/** A date or time format: any of y m d h s (or b, Buddhist year) outside quotes, escapes and brackets. */
export function isDateFormat(fmt: string): boolean {
  if (fmt === 'General' || fmt === '@') return false;
  return /[ymdhsb]/i.test(formatCode(fmt).replace(/General/gi, ''));
}

export function isPercentFormat(fmt: string): boolean {
  return formatCode(fmt).includes('%');
}

/** OOXML writes control characters as `_xHHHH_` (a CR in a title is `_x000D_`; `_x005F_` escapes `_`). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') === -1) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
