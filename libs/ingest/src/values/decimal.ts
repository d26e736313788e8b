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

/** Decimal places of the last `fastDecimal` parse (read right after the call). */
export let fastFracDigits = 0;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Fast path for plain decimal cells (`1234`, `-12.50`, `"1,234.5"`): `text × 10^shift` from the
 * digits as an integer mantissa, exactly as `shiftDecimal` would give it (an integer product is
 * exact below 2^53 and an IEEE division of exact integers is correctly rounded). Returns null for
 * anything else, and the caller takes the general path.
 */
export function fastDecimal(text: string, shift: number): number | null {
  const n = text.length;
  let i = 0;
  let negative = false;
  let c = text.charCodeAt(0);
  if (c === 45 || c === 43) {
    negative = c === 45;
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let frac = -1;
  let groupDigits = 0;
  let grouped = false;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
      else groupDigits++;
    } else if (c === 46 && frac < 0) {
      if (grouped && groupDigits !== 3) return null;
      frac = 0;
    } else if (c === 44 && frac < 0 && groupDigits >= 1 && (grouped ? groupDigits === 3 : groupDigits <= 3)) {
      grouped = true;
      groupDigits = 0;
    } else return null;
  }
  if (digits === 0 || digits > 15 || (grouped && frac < 0 && groupDigits !== 3)) return null;
  return scaledDecimal(mantissa, frac < 0 ? 0 : frac, shift, negative);
}

/** `fastDecimal` on the cell's UTF-8 bytes (the same digits give the same double); null for anything else. */
export function fastDecimalBytes(buf: Uint8Array, start: number, end: number, shift: number): number | null {
  let i = start;
  let negative = false;
  let c = buf[i];
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let frac = -1;
  let groupDigits = 0;
  let grouped = false;
  for (; i < end; i++) {
    c = buf[i];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
      else groupDigits++;
    } else if (c === 46 && frac < 0) {
      if (grouped && groupDigits !== 3) return null;
      frac = 0;
    } else if (c === 44 && frac < 0 && groupDigits >= 1 && (grouped ? groupDigits === 3 : groupDigits <= 3)) {
      grouped = true;
      groupDigits = 0;
    } else return null;
  }
  if (digits === 0 || digits > 15 || (grouped && frac < 0 && groupDigits !== 3)) return null;
  return scaledDecimal(mantissa, frac < 0 ? 0 : frac, shift, negative);
}

/** The double of `mantissa` × 10^(shift − fracDigits), when exact enough; the last digits' count is kept for the caller. */
function scaledDecimal(mantissa: number, fracDigits: number, shift: number, negative: boolean): number | null {
  fastFracDigits = fracDigits;
  const e = shift - fracDigits;
  let value: number;
  if (e >= 0) {
    if (e > 22) return null;
    value = mantissa * POW10[e];
    if (value > Number.MAX_SAFE_INTEGER) return null;
  } else {
    if (-e > 22) return null;
    value = mantissa / POW10[-e];
  }
  return negative && value !== 0 ? -value : value;
}
