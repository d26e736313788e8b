import { fillTemplate } from '@creator-ops/errors';
import type { Label } from '@creator-ops/schemas';
import { CATALOGUE, type DiagnosisCode } from './diagnoses/catalogue';

export { CATALOGUE, codesDetectedBy, type CatalogueEntry, type DetectorKind, type DiagnosisCode } from './diagnoses/catalogue';

/** The zh/en text of every diagnosis, by code (the catalogue without its detectors). */
export const DIAGNOSES: Record<DiagnosisCode, Label> = Object.fromEntries(
  Object.entries(CATALOGUE).map(([code, e]) => [code, { zh: e.zh, en: e.en }]),
) as Record<DiagnosisCode, Label>;

export interface Diagnosis {
  code: string;
  message: string;
  en: string;
}

/** The diagnosis text with its parameters filled in, plus an exercise-specific note. */
export function diagnosis(code: string, params: Record<string, string | number> = {}, note?: string): Diagnosis {
  const text = (DIAGNOSES as Record<string, Label>)[code] ?? { zh: code, en: code };
  return { code, message: fillTemplate(text.zh, params) + (note ? `（${note}）` : ''), en: fillTemplate(text.en, params) };
}
