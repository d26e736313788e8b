import { diagnosis, type Diagnosis } from '../messages';
import { cleanText } from '../submission/keys';
import { parseCell, shiftDecimal, type ParsedCell } from '../submission/values';
import type { AlternativeDef, CellValue, Tolerance, UnitPolicy, ValueFormat } from '../types';
import { close, decimalsOf, halfUnit, readings, roundHalfUp, toPresentation, truncate, withinRounding, type Reading } from './numbers';

export interface CellJudgement {
  correct: boolean;
  nearMiss?: boolean;
  diagnosis?: Diagnosis;
}

export interface CellInput {
  expected: CellValue;
  format: ValueFormat;
  raw: string | null;
  headerPercent: boolean;
  /** The same cell under each typical mistake (null where the mistake gives no value). */
  alternatives: { def: Pick<AlternativeDef, 'code' | 'note'>; value: CellValue }[];
  tolerance?: Tolerance;
  /** A fraction in a percent column: wrong (`strict`) or accepted with a note (`lenient`, the default here). */
  unitPolicy?: UnitPolicy;
}

const labelForm = (s: string) => cleanText(s).replace(/\s+/g, '').toLowerCase();

function judgeLabel(input: CellInput, parsed: ParsedCell): CellJudgement {
  const f = input.format as Extract<ValueFormat, { type: 'label' }>;
  if (input.expected === null) return parsed.kind === 'empty' ? { correct: true } : { correct: false, diagnosis: diagnosis('EXPECTED_EMPTY') };
  const expected = String(input.expected);
  const accepted = [expected, ...(f.synonyms?.[expected] ?? [])].map(labelForm);
  const actual = parsed.kind === 'empty' ? '' : labelForm(input.raw ?? '');
  if (accepted.includes(actual)) return { correct: true };
  if (actual === '') return { correct: false, diagnosis: diagnosis('MISSING_VALUE') };
  for (const alt of input.alternatives) {
    if (alt.value === null || alt.value === input.expected) continue;
    const forms = [String(alt.value), ...(f.synonyms?.[String(alt.value)] ?? [])].map(labelForm);
    if (forms.includes(actual)) return { correct: false, diagnosis: diagnosis(alt.def.code, {}, alt.def.note) };
  }
  return { correct: false, diagnosis: diagnosis('WRONG_LABEL') };
}

/**
 * One cell: right within rounding; else the first explanation that reproduces the number — a unit
 * mistake, a typical mistake recomputed by the engine, ×100 twice — and last a near miss
 * (truncated, too few decimals, rounded too early), which scores nothing but says so.
 */
export function judgeCell(input: CellInput): CellJudgement {
  const parsed = parseCell(input.raw);
  if (input.format.type === 'label') return judgeLabel(input, parsed);
  const f = input.format;
  const d = decimalsOf(f);
  if (input.expected === null || typeof input.expected !== 'number') {
    if (parsed.kind === 'empty') return { correct: true };
    const fromAlt = parsed.kind === 'number' ? explainByAlternative(input, readings(parsed.n, f, input.headerPercent, input.unitPolicy), null) : null;
    return { correct: false, diagnosis: fromAlt ?? diagnosis('EXPECTED_EMPTY') };
  }
  if (parsed.kind === 'empty') return { correct: false, diagnosis: diagnosis('MISSING_VALUE') };
  if (parsed.kind === 'invalid') return { correct: false, diagnosis: diagnosis('EXPECTED_EMPTY') };
  if (parsed.kind === 'text') return { correct: false, diagnosis: diagnosis('NOT_A_NUMBER') };
  const exact = toPresentation(input.expected, f);
  const extra = (input.tolerance?.absolute ?? 0) + (input.tolerance?.relative ?? 0) * Math.abs(exact);
  const reads = readings(parsed.n, f, input.headerPercent, input.unitPolicy);
  if (reads.some((r) => r.form === null && withinRounding(r.value, exact, d, extra))) return { correct: true };
  const wrongForm = reads.find((r) => r.form !== null && withinRounding(r.value, exact, d, extra));
  if (wrongForm) return { correct: wrongForm.form === 'PERCENT_AS_FRACTION_ACCEPTED', diagnosis: diagnosis(wrongForm.form!) };
  const byAlt = explainByAlternative(input, reads, exact);
  if (byAlt) return { correct: false, diagnosis: byAlt };
  if (f.type === 'percent' || f.type === 'pp') {
    const hundredfold = exact * 100;
    if (reads.some((r) => r.shift === 0 && matches(r, hundredfold, d, 100))) return { correct: false, diagnosis: diagnosis('TIMES_100_TWICE') };
  }
  for (const r of reads.filter((x) => x.form === null)) {
    if (close(r.value, truncate(exact, d)) && !close(r.value, roundHalfUp(exact, d)))
      return { correct: false, nearMiss: true, diagnosis: diagnosis('ROUNDING_TRUNCATED', { decimals: d }) };
    if (parsed.n.decimals < d && close(r.value, roundAt(exact, parsed.n.decimals)))
      return { correct: false, nearMiss: true, diagnosis: diagnosis('TOO_FEW_DECIMALS', { decimals: d }) };
    if (d > 0 && Math.abs(r.value - exact) <= 3 * halfUnit(d) + 1e-9 * Math.max(1, Math.abs(exact)))
      return { correct: false, nearMiss: true, diagnosis: diagnosis('EARLY_ROUNDING') };
  }
  return { correct: false };
}

/** Rounded half up to `decimals` digits, which may be negative (12.35万 keeps hundreds). */
function roundAt(value: number, decimals: number): number {
  if (decimals >= 0) return roundHalfUp(value, decimals);
  return Number(shiftDecimal(roundHalfUp(Number(shiftDecimal(value, decimals)), 0), -decimals));
}

/** A reading reproduces `target` when it is `target` rounded to the digits written (or to those asked). */
function matches(r: Reading, target: number, decimals: number, scale = 1): boolean {
  const tolerance = Math.max(r.precision, halfUnit(decimals) * scale);
  return Math.abs(r.value - target) <= tolerance + 1e-9 * Math.max(1, Math.abs(target));
}

function explainByAlternative(input: CellInput, reads: Reading[], exact: number | null): Diagnosis | null {
  const f = input.format as Exclude<ValueFormat, { type: 'label' }>;
  const d = decimalsOf(f);
  // The closest explanation wins (x / 1000 and 1 / x are both near x when x is near √1000); ties keep the listed order.
  let best: { alt: CellInput['alternatives'][number]; distance: number } | null = null;
  for (const alt of input.alternatives) {
    if (typeof alt.value !== 'number') continue;
    const target = toPresentation(alt.value, f);
    if (exact !== null && withinRounding(target, exact, d)) continue;
    for (const r of reads) {
      const distance = Math.abs(r.value - target) / Math.max(Math.abs(target), 1e-12);
      if (matches(r, target, d) && (!best || distance < best.distance - 1e-12)) best = { alt, distance };
    }
  }
  return best ? diagnosis(best.alt.def.code, {}, best.alt.def.note) : null;
}
