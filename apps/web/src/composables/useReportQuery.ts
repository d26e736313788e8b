import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import { PERIOD_PRESETS } from '@creator-ops/reports/period-presets';
import type { ReportParamKey, ReportQuery } from '../api/types';

const ENUMS: Partial<Record<ReportParamKey, readonly string[]>> = {
  preset: PERIOD_PRESETS,
  granularity: ['day', 'week', 'month'],
  compare: ['previous_period', 'previous_year', 'none'],
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_KEYS = new Set<ReportParamKey>(['from', 'to', 'reference_date']);

/** A URL value kept only if it could be valid; anything else is dropped, not sent. */
function clean(key: ReportParamKey, raw: unknown): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || value === '') return undefined;
  const allowed = ENUMS[key];
  if (allowed) return allowed.includes(value) ? value : undefined;
  if (DATE_KEYS.has(key)) return DAY.test(value) ? value : undefined;
  return value;
}

/**
 * Report filters live in the URL query (`?preset=last7&account=...`), so a view can be shared and
 * reloaded; only the parameters the report accepts are read and sent.
 */
export function useReportQuery(params: MaybeRefOrGetter<readonly ReportParamKey[]>) {
  const route = useRoute();
  const router = useRouter();

  const query = computed<ReportQuery>(() => {
    const out: Record<string, string> = {};
    for (const key of toValue(params)) {
      const value = clean(key, route.query[key]);
      if (value !== undefined) out[key] = value;
    }
    return out as ReportQuery;
  });

  /** Sets (or, with undefined/''/null, removes) filters in the URL. */
  function update(patch: Partial<Record<ReportParamKey, string | number | null | undefined>>): void {
    const next: LocationQueryRaw = { ...route.query };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === null || value === '') delete next[key];
      else next[key] = String(value);
    }
    void router.replace({ query: next });
  }

  return { query, update };
}
