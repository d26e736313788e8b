import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { api, reportLinks } from '../api/endpoints';
import type { ReportParamKey } from '../api/types';
import { locale } from '../i18n';
import { useAsync } from './useAsync';
import { useReportQuery } from './useReportQuery';

/** One report of one workspace, re-run whenever its URL filters or the language change. */
export function useReport(ws: MaybeRefOrGetter<string>, key: MaybeRefOrGetter<string>, params: MaybeRefOrGetter<readonly ReportParamKey[]>) {
  const { query, update } = useReportQuery(params);
  const state = useAsync(
    (signal) => api.report(toValue(ws), toValue(key), query.value, locale.value, signal),
    () => [toValue(ws), toValue(key), query.value, locale.value],
  );
  const xlsxHref = computed(() => reportLinks.xlsx(toValue(ws), toValue(key), query.value, locale.value));
  return { query, update, xlsxHref, ...state };
}
