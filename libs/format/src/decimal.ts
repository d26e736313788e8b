/**
 * Decimal rounding on the number's shortest round-trip string (what `String(x)` prints), so 1.005
 * rounds as the decimal 1.005 a person typed, not as the binary 1.00499999999999989...
 */

/** |value| = `digits` with the decimal point after `point` digits (point may be <= 0 or > length). */
export interface Decimal {
  negative: boolean;
  digits: string;
  point: number;
}

/** A rounded magnitude: `integer` has no leading zeros, `fraction` has exactly the asked digits. */
export interface FixedParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

export const MAX_DECIMALS = 100;

export function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const dot = mantissa.indexOf('.');
  return {
    negative: value < 0,
    digits: mantissa.replace('.', ''),
    point: (dot === -1 ? mantissa.length : dot) + Number(exponent),
  };
}

/** Multiplies by 10^places exactly (percent: 2, 万: -4). */
export function shiftPoint(d: Decimal, places: number): Decimal {
  return { ...d, point: d.point + places };
}

export function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${decimals}`);
  }
}

/** Rounds half away from zero; a result of zero is never negative. */
export function roundDecimal(d: Decimal, decimals: number): FixedParts {
  assertDecimals(decimals);
  let digits = d.digits;
  let point = d.point;
  if (point < 1) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  const keep = point + decimals;
  digits = digits.padEnd(keep + 1, '0');
  let kept = digits.slice(0, keep);
  // On the magnitude, rounding up on a first dropped digit >= 5 is "half away from zero".
  if (digits[keep] >= '5') kept = (BigInt(kept) + 1n).toString().padStart(keep, '0');
  const integerLength = kept.length - decimals;
  return {
    negative: d.negative && /[1-9]/.test(kept),
    integer: kept.slice(0, integerLength).replace(/^0+(?=\d)/, ''),
    fraction: kept.slice(integerLength),
  };
}

export function fixedPartsToString(p: FixedParts): string {
  return (p.negative ? '-' : '') + p.integer + (p.fraction ? `.${p.fraction}` : '');
}

/** `toFixedDecimal(1.005, 2)` -> `'1.01'`; like `toFixed` but on the decimal value, and no exponent. */
export function toFixedDecimal(value: number, decimals: number): string {
  return fixedPartsToString(roundDecimal(toDecimal(value), decimals));
}

/** `roundHalfAwayFromZero(-2.675, 2)` -> `-2.68`. Non-finite values are returned unchanged. */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  return Number(toFixedDecimal(value, decimals));
}
