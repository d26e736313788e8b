import type { Label, ReportMessage } from '../api/types';
import type { AppLocale } from '../i18n';

/** The percent shapes the importer decides per column, in words a user reads. */
const SHAPES: Record<string, Label> = {
  'header (%): 1.23 = 1.23%': { zh: '表头带 (%)：1.23 表示 1.23%', en: 'header has (%): 1.23 means 1.23%' },
  'cells with %: 1.23% = 0.0123': { zh: '单元格带 %：1.23% 即 0.0123', en: 'cells carry %: 1.23% is 0.0123' },
  'bare numbers above 1: percent points': { zh: '不带 % 且大于 1：按百分数理解', en: 'bare numbers above 1: read as percent' },
  'fractions: 0.0123 = 1.23%': { zh: '小数：0.0123 即 1.23%', en: 'fractions: 0.0123 is 1.23%' },
};

const pick = (label: Label, locale: AppLocale) => (locale === 'en' ? label.en : label.zh);

/**
 * An import message for people: the importer's zh/en text, with its internal field keys
 * (reported_ctr, cost) replaced by the field labels and the percent-shape phrase translated.
 */
export function userMessage(m: ReportMessage, locale: AppLocale, labels: Record<string, Label>): string {
  let text = locale === 'en' ? m.messageEn || m.message : m.message;
  const shape = m.params?.shape;
  if (typeof shape === 'string' && SHAPES[shape]) text = text.replace(shape, pick(SHAPES[shape], locale));
  // Longest keys first, whole words only, so `reported_ctr` never becomes `reported_点击率`.
  for (const key of Object.keys(labels).sort((a, b) => b.length - a.length)) {
    text = text.replace(new RegExp(`(?<![A-Za-z_])${key}(?![A-Za-z_])`, 'g'), pick(labels[key], locale));
  }
  return text;
}
