import type { Label } from '@creator-ops/schemas';
import type { MetricDef, MetricUnit } from '../types';

/** What one area's metrics share: the exports that supply them and the standard's codes they serve. */
export interface MetricScope {
  kinds: MetricDef['kinds'];
  standard: string[];
}

/**
 * The `sum(key, field, zh, en, unit?, direction?)` builder of one area: a base metric adding up
 * `field`, with the formula `Σ <label>`, two decimals for money and none otherwise. `describe` words
 * the description from the zh label and the lower-cased en label.
 */
export function sumBuilder(scope: MetricScope, describe: (zh: string, en: string) => Label) {
  return (key: string, field: string, zh: string, en: string, unit: MetricUnit = 'count', direction: 'up' | 'down' = 'up'): MetricDef => ({
    key,
    label: { zh, en },
    description: describe(zh, en.toLowerCase()),
    formula: { zh: `Σ ${zh}`, en: `Σ ${en.toLowerCase()}` },
    kind: 'sum',
    field,
    unit,
    decimals: unit === 'money' ? 2 : 0,
    direction,
    kinds: scope.kinds,
    standard: scope.standard,
  });
}
