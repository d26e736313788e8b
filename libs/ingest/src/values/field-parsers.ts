import type { FieldDef, HeaderUnit } from '@creator-ops/schemas';
import { parseWallClock, wallToDay, wallToMs } from '@creator-ops/format';
import type { IngestCode } from '../messages';
import { cleanId, parseNumericText, type NumericCell } from './cells';
import { decimalPlacesAfterShift, fastDecimal, fastDecimalBytes, fastFracDigits, shiftDecimal } from './decimal';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: IngestCode };
const fail = (code: IngestCode): { ok: false; code: IngestCode } => ({ ok: false, code });

const TIME_IN_SECONDS = { seconds: 1, minutes: 60, hours: 3600 } as const;

/** Between seconds, minutes and hours the factor is a whole 60 or 3600: multiply or divide by it exactly. */
function convertDuration(v: number, from: keyof typeof TIME_IN_SECONDS, to: keyof typeof TIME_IN_SECONDS): number {
  const a = TIME_IN_SECONDS[from];
  const b = TIME_IN_SECONDS[to];
  return a >= b ? v * (a / b) : v / (b / a);
}

/** Parses the numeric cells of one column; knows the column's header unit and field type. */
export class NumericColumnParser {
  /** Cells of a money column finer than a cent (kept as fractional cents). */
  subCentCount = 0;
  private readonly headerExp: number;
  private readonly aliasScale: number;

  constructor(
    private readonly field: FieldDef,
    private readonly unit: HeaderUnit,
    aliasScale: number,
  ) {
    // Money stays exact: an alias scale (open-platform amounts in fen = 0.01) is a power of ten, applied on the digits.
    const moneyExp = field.type === 'money' && aliasScale !== 1 ? Math.round(Math.log10(aliasScale)) : 0;
    this.aliasScale = field.type === 'money' ? 1 : aliasScale;
    this.headerExp = (unit.multiplier === 1e8 ? 8 : unit.multiplier === 1e4 ? 4 : 0) + moneyExp;
  }

  /** The factor the header applies to every value (reported in the mapping). */
  get scale(): number | undefined {
    let s = 10 ** this.headerExp * this.aliasScale;
    if (this.field.type === 'money') s *= 100;
    if (this.field.timeUnit && this.unit.time) s *= TIME_IN_SECONDS[this.unit.time] / TIME_IN_SECONDS[this.field.timeUnit];
    return s === 1 ? undefined : s;
  }

  parse(text: string): Parsed<number> {
    const r = this.parseAny(text);
    // After unit conversion too (hours to minutes can overflow): no figure, not ±Infinity.
    return r.ok && !Number.isFinite(r.value) ? fail('NUMBER_INVALID') : r;
  }

  private parseAny(text: string): Parsed<number> {
    const fast = this.parseFast(text);
    if (fast !== null) return fast;
    const cell = parseNumericText(text);
    if (!cell || cell.percent) return fail('NUMBER_INVALID');
    const exp = cell.exp + this.headerExp;
    // Beyond the range of a double (1e400, or 1e308 yuan in cents): no figure, not ±Infinity.
    if (!Number.isFinite(shiftDecimal(cell.d, exp + (this.field.type === 'money' ? 2 : 0)) * this.aliasScale)) return fail('NUMBER_INVALID');
    switch (this.field.type) {
      case 'int': {
        const v = shiftDecimal(cell.d, exp) * this.aliasScale;
        if (!Number.isInteger(v)) return fail('INT_NOT_INTEGER');
        if (v < 0 && !this.field.signed) return fail('NEGATIVE_NOT_ALLOWED');
        return { ok: true, value: v === 0 ? 0 : v };
      }
      case 'money': {
        if (decimalPlacesAfterShift(cell.d, exp + 2) > 0) this.subCentCount++;
        return { ok: true, value: shiftDecimal(cell.d, exp + 2) };
      }
      case 'hour': {
        const v = shiftDecimal(cell.d, exp);
        if (!Number.isInteger(v) || v < 0 || v > 23) return fail('HOUR_INVALID');
        return { ok: true, value: v };
      }
      default:
        return { ok: true, value: this.convertTime(cell, shiftDecimal(cell.d, exp) * this.aliasScale) };
    }
  }

  /**
   * A plain decimal cell from its UTF-8 bytes (already without the tabs `unwrapCell` strips): exactly
   * `parse` of its text, as the value or the error code (no object made); null when the cell needs the text path.
   */
  parseBytes(buf: Uint8Array, start: number, end: number): number | IngestCode | null {
    const shift = this.headerExp + (this.field.type === 'money' ? 2 : 0);
    const v = fastDecimalBytes(buf, start, end, shift);
    if (v === null) return null;
    const r = this.fastValue(v, shift);
    return typeof r === 'number' && !Number.isFinite(r) ? 'NUMBER_INVALID' : r;
  }

  /** Plain decimals (most cells) without the general parser; null when the cell needs it. */
  private parseFast(text: string): Parsed<number> | null {
    const shift = this.headerExp + (this.field.type === 'money' ? 2 : 0);
    const v = fastDecimal(text, shift);
    if (v === null) return null;
    const r = this.fastValue(v, shift);
    return typeof r === 'number' ? { ok: true, value: r } : fail(r);
  }

  /** A plain decimal's value `v` (the text × 10^shift; `fastFracDigits` its decimal places) for the field, or the error code. */
  private fastValue(v: number, shift: number): number | IngestCode {
    switch (this.field.type) {
      case 'int': {
        const scaled = this.aliasScale === 1 ? v : v * this.aliasScale;
        if (!Number.isInteger(scaled)) return 'INT_NOT_INTEGER';
        if (scaled < 0 && !this.field.signed) return 'NEGATIVE_NOT_ALLOWED';
        return scaled;
      }
      case 'money':
        if (fastFracDigits > shift) this.subCentCount++;
        return v;
      case 'hour':
        return Number.isInteger(v) && v >= 0 && v <= 23 ? v : 'HOUR_INVALID';
      default: {
        const scaled = this.aliasScale === 1 ? v : v * this.aliasScale;
        const from = this.unit.time;
        const target = this.field.timeUnit;
        return !target || !from || from === target ? scaled : convertDuration(scaled, from, target);
      }
    }
  }

  private convertTime(cell: NumericCell, v: number): number {
    const target = this.field.timeUnit;
    if (!target) return v;
    const from = cell.time ?? this.unit.time;
    if (!from || from === target) return v;
    return convertDuration(v, from, target);
  }
}

/**
 * A percent cell before the column's shape is known: the number as written and the same number
 * divided by 100 (both exact on the digits), and whether the cell carried `%`.
 */
export interface PercentCell {
  asWritten: number;
  hundredths: number;
  hadSign: boolean;
}

export function parsePercentCell(text: string): Parsed<PercentCell> {
  const asWritten = fastDecimal(text, 0);
  if (asWritten !== null) return { ok: true, value: { asWritten, hundredths: fastDecimal(text, -2)!, hadSign: false } };
  const cell = parseNumericText(text);
  if (!cell || cell.time) return fail('NUMBER_INVALID');
  const written = shiftDecimal(cell.d, cell.exp);
  if (!Number.isFinite(written)) return fail('NUMBER_INVALID');
  return { ok: true, value: { asWritten: written, hundredths: shiftDecimal(cell.d, cell.exp - 2), hadSign: cell.percent } };
}

export function parseDateCell(text: string): Parsed<number> {
  const r = parseWallClock(text);
  return 'wall' in r ? { ok: true, value: wallToDay(r.wall) } : fail(r.error);
}

/** Open-platform exports give times as Unix seconds (10 digits, 2001–2033). */
const UNIX_SECONDS = /^1\d{9}$/;
/** Asia/Shanghai wall clock is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function parseDateTimeCell(text: string): Parsed<number> {
  if (UNIX_SECONDS.test(text)) return { ok: true, value: Number(text) * 1000 + SHANGHAI_OFFSET_MS };
  const r = parseWallClock(text);
  return 'wall' in r ? { ok: true, value: wallToMs(r.wall) } : fail(r.error);
}

/** An hour column may hold `13`, `13:00`, `13时` or a full `2026-10-01 13:00`. */
export function parseHourCell(text: string): Parsed<number> {
  const m = /^(\d{1,2})(?::00(?::00)?|时|点)?$/.exec(text);
  if (m) {
    const h = Number(m[1]);
    return h <= 23 ? { ok: true, value: h } : fail('HOUR_INVALID');
  }
  const r = parseWallClock(text);
  return 'wall' in r && r.wall.hasTime ? { ok: true, value: r.wall.hour } : fail('HOUR_INVALID');
}

export function parseIdCell(text: string): Parsed<string> {
  const r = cleanId(text);
  return 'id' in r ? { ok: true, value: r.id } : fail(r.error);
}
