/**
 * Exact decimal handling for export cells. Numbers are scaled by moving the decimal point in the
 * text, so `19.90` yuan becomes exactly 1990 cents and `3.34%` exactly the double nearest 0.0334,
 * never `3.34 / 100` computed in binary.
 */

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

export interface DecimalText {
  negative: boolean;
  intDigits: string;
  fracDigits: string;
}

/** Splits a plain decimal text (`-12.50`, `.5`, `7`) into its parts; null if it is not one. */
export function splitDecimal(text: string): DecimalText | null {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
  return { negative: m[1] === '-', intDigits: m[2], fracDigits: m[3] ?? '' };
}

/** The double nearest to `text × 10^shift`, computed on the digits. */
export function shiftDecimal(d: DecimalText, shift: number): number {
  let intDigits = d.intDigits;
  let fracDigits = d.fracDigits;
  if (shift > 0) {
    const moved = fracDigits.slice(0, shift).padEnd(shift, '0');
    intDigits += moved;
    fracDigits = fracDigits.slice(shift);
  } else if (shift < 0) {
    const n = -shift;
    const padded = intDigits.padStart(n, '0');
    fracDigits = padded.slice(padded.length - n) + fracDigits;
    intDigits = padded.slice(0, padded.length - n);
  }
  const value = Number(`${intDigits || '0'}.${fracDigits || '0'}`);
  return d.negative && value !== 0 ? -value : value;
}

/** Count of significant decimal places after scaling by 10^shift (trailing zeros ignored). */
export function decimalPlacesAfterShift(d: DecimalText, shift: number): number {
  const frac = d.fracDigits.replace(/0+$/, '');
  return Math.max(0, frac.length - shift);
}
