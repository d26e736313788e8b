/** Display pieces of alert and anomaly messages, all through libs/format. */
import { formatPercentPoints, formatValue, localeNeutral, type Locale, type Unit } from '@creator-ops/format';
import { metricRegistry } from '@creator-ops/metrics';
import { KINDS, type FieldDef, type Label } from '@creator-ops/schemas';
import type { DayRange } from './types';

const LOCALES: Record<keyof Label, Locale> = { zh: 'zh-CN', en: 'en' };

/** A metric value in both languages, with the metric's unit and decimals (or `decimals`). */
export function metricText(metric: string, value: number | null | undefined, decimals?: number): Label {
  const def = metricRegistry().metrics.get(metric)!;
  const unit = def.unit as Unit;
  const text = (l: keyof Label) => formatValue(value, unit, { locale: LOCALES[l], decimals: decimals ?? def.decimals });
  const zh = text('zh');
  return { zh, en: localeNeutral(unit) ? zh : text('en') };
}

/** Decimals a value may gain to be told apart from another it is compared with. */
const MAX_EXTRA_DECIMALS = 4;

/**
 * Two values of a metric compared in one message (a figure and its limit), with the decimals that
 * tell them apart: ROI 3.3304 under a limit of 3.3333 reads "3.330, below 3.333", not "3.33, below
 * 3.33". The metric's own decimals when they do, at most four more.
 */
export function distinctMetricTexts(metric: string, a: number | null | undefined, b: number | null | undefined): [Label, Label] {
  const decimals = metricRegistry().metrics.get(metric)!.decimals;
  for (let extra = 0; ; extra++) {
    const pair: [Label, Label] = [metricText(metric, a, decimals + extra), metricText(metric, b, decimals + extra)];
    if (pair[0].zh !== pair[1].zh || a === b || extra === MAX_EXTRA_DECIMALS) return pair;
  }
}

export function metricLabel(metric: string): Label {
  return metricRegistry().metrics.get(metric)!.label;
}

/** A fraction as a short percent: 0.3 -> '30%', 0.125 -> '12.5%'. */
export function percentText(fraction: number): string {
  return trimZeros(formatValue(fraction, 'percent'));
}

/** Percentage points, unsigned: 0.012 -> '1.2个百分点' / '1.2pp'. */
export function percentPointsText(fraction: number): Label {
  return {
    zh: trimZeros(formatPercentPoints(fraction, { locale: 'zh-CN', sign: false })),
    en: trimZeros(formatPercentPoints(fraction, { locale: 'en', sign: false })),
  };
}

function trimZeros(text: string): string {
  return text.replace(/\.(\d*?)0+(?=\D*$)/, (_, kept: string) => (kept ? `.${kept}` : ''));
}

/** '2024-11-05' / 'on 2024-11-05'; '2024-10-30 至 2024-11-05' / 'from 2024-10-30 to 2024-11-05'. */
export function windowText(w: DayRange): Label {
  return w.from === w.to ? { zh: w.from, en: `on ${w.from}` } : { zh: `${w.from} 至 ${w.to}`, en: `from ${w.from} to ${w.to}` };
}

/** The first field of the schemas with a key (by kind, then field order). */
let fieldsByKey: Map<string, FieldDef> | undefined;
function fieldOf(key: string): FieldDef | undefined {
  if (!fieldsByKey) {
    fieldsByKey = new Map();
    for (const f of Object.values(KINDS).flatMap((k) => k.fields)) if (!fieldsByKey.has(f.key)) fieldsByKey.set(f.key, f);
  }
  return fieldsByKey.get(key);
}

/**
 * Who the figure is about: '整体' for the workspace, a name as it is ('计划A'), an id with its name
 * when known ('计划A（ID 1001）') or with the field's label ('计划ID 1001').
 */
export function subjectText(dimension: string | null, value: string | null, name?: string | null): Label {
  if (dimension === null || value === null) return { zh: '整体', en: 'the workspace' };
  const field = fieldOf(dimension);
  if (field?.type !== 'id') return { zh: value, en: value };
  if (name) return { zh: `${name}（ID ${value}）`, en: `${name} (ID ${value})` };
  return { zh: `${field.label.zh} ${value}`, en: `${field.label.en} ${value}` };
}
