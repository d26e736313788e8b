import { toFixedDecimal } from '@creator-ops/format';
import { shiftDecimal, type WrittenNumber } from '../submission/values';
import type { UnitPolicy, ValueFormat } from '../types';

type NumericFormat = Exclude<ValueFormat, { type: 'label' }>;

export const decimalsOf = (f: NumericFormat): number => (f.type === 'integer' ? 0 : f.decimals);

/** Powers of ten between the stored value (fractions for rates) and the number asked for. */
export const presentationShift = (f: NumericFormat): number => (f.type === 'percent' || f.type === 'pp' ? 2 : 0);

/** The exact value in the unit the task asks for (a percent number for percent columns). */
export function toPresentation(value: number, f: NumericFormat): number {
  const shift = presentationShift(f);
  return shift ? Number(shiftDecimal(value, shift)) : value;
}

/** Half away from zero on the decimal value (四舍五入, Excel ROUND). */
export function roundHalfUp(value: number, decimals: number): number {
  return Number(toFixedDecimal(value, decimals));
}

/** Half to even on the decimal value (banker's rounding). */
export function roundHalfEven(value: number, decimals: number): number {
  const s = shiftDecimal(Math.abs(value), decimals);
  const [int, frac = ''] = s.split('.');
  let n = BigInt(int);
  const tie = frac.length > 0 && frac[0] === '5' && /^50*$/.test(frac);
  if (frac[0] > '5' || (frac[0] === '5' && !tie) || (tie && n % 2n === 1n)) n += 1n;
  const out = Number(shiftDecimal(n.toString(), -decimals));
  return value < 0 ? -out : out;
}

/** Digits beyond `decimals` dropped (Excel TRUNC / ROUNDDOWN). */
export function truncate(value: number, decimals: number): number {
  const s = shiftDecimal(Math.abs(value), decimals).split('.')[0];
  const out = Number(shiftDecimal(s, -decimals));
  return value < 0 ? -out : out;
}

export const halfUnit = (decimals: number): number => 0.5 * 10 ** -decimals;

export const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Right when within half a unit of the last required digit of the exact value, or equal to the
 * exact value rounded half up or half to even (so binary rounding in Excel/WPS never costs a point).
 */
export function withinRounding(actual: number, exact: number, decimals: number, extra = 0): boolean {
  const tolerance = halfUnit(decimals) + extra;
  if (Math.abs(actual - exact) <= tolerance + 1e-9 * Math.max(1, Math.abs(exact))) return true;
  return close(actual, roundHalfUp(exact, decimals)) || close(actual, roundHalfEven(exact, decimals));
}

/** A way to read a written number in the asked unit; `form` names a unit mistake (or is null). */
export interface Reading {
  value: number;
  /** Half a unit of the digits the trainee wrote, in the asked unit. */
  precision: number;
  form: null | 'PERCENT_AS_FRACTION' | 'PERCENT_AS_FRACTION_ACCEPTED' | 'FRACTION_AS_PERCENT' | 'MULTIPLE_AS_PERCENT';
  /** Powers of ten applied to the written number. */
  shift: number;
}

/**
 * The readings of a written number under a column asked in `f` with `decimals` digits. Under a
 * percent column `13%` and `13` are the same answer; a bare `0.13` is a fraction where a percent
 * was asked, accepted with a note only under a `(%)` header and the `lenient` unit policy. A rescaled reading keeps the
 * precision of the written digits only when as many digits as asked were written (`2.0` read as
 * a fraction is not 200 ± 5).
 */
export function readings(n: WrittenNumber, f: NumericFormat, headerPercent: boolean, policy: UnitPolicy = 'lenient'): Reading[] {
  const d = decimalsOf(f);
  const own = halfUnit(Math.max(n.decimals, -6));
  const as = (shift: number, form: Reading['form']): Reading => ({
    value: shift ? Number(shiftDecimal(n.value, shift)) : n.value,
    precision: shift === 0 || n.decimals >= d ? own * 10 ** shift : halfUnit(d),
    form,
    shift,
  });
  switch (f.type) {
    case 'percent':
      if (n.percent) return [as(0, null)];
      return [as(0, null), as(2, headerPercent && policy === 'lenient' ? 'PERCENT_AS_FRACTION_ACCEPTED' : 'PERCENT_AS_FRACTION')];
    case 'pp':
      if (n.points || n.percent) return [as(0, null)];
      return [as(0, null), as(2, 'PERCENT_AS_FRACTION')];
    case 'fraction':
      if (n.percent) return [as(-2, 'FRACTION_AS_PERCENT')];
      return [as(0, null), as(-2, 'FRACTION_AS_PERCENT')];
    case 'multiple':
      return n.percent ? [as(-2, 'MULTIPLE_AS_PERCENT')] : [as(0, null)];
    default:
      return [as(0, null)];
  }
}

/** The expected value as a person reads it: `12.35%`, `0.35pp`, `1234.50`. */
export function displayExpected(value: number | string | null, f: ValueFormat): string {
  if (value === null) return '—';
  if (f.type === 'label' || typeof value === 'string') return String(value);
  const shown = Number(shiftDecimal(value, presentationShift(f)));
  const fixed = toFixedDecimal(shown, decimalsOf(f));
  return f.type === 'percent' ? `${fixed}%` : f.type === 'pp' ? `${fixed}pp` : fixed;
}
