import { computed, onScopeDispose, reactive, watch } from 'vue';
import { api } from '../api/endpoints';
import type { AlertSummary } from '../api/types';
import { useCurrentWorkspace } from './workspaces';

/** Alert counts per workspace, shared by the header badge and the 监控 page (which refreshes them). */
const summaries = reactive(new Map<string, AlertSummary>());

const REFRESH_MS = 60_000;

export function setAlertSummary(ws: string, summary: AlertSummary): void {
  summaries.set(ws, summary);
}

/** Asks the API again (after an import, an acknowledgement, an evaluation). A failure hides the badge. */
export async function refreshAlertSummary(ws: string): Promise<void> {
  if (!ws) return;
  try {
    // One alert listed keeps the answer small; the summary always counts every alert of the workspace.
    setAlertSummary(ws, (await api.alerts(ws, 'new', { offset: 0, limit: 1 })).summary);
  } catch {
    summaries.delete(ws);
  }
}

export function forgetAlertSummaries(): void {
  summaries.clear();
}

/**
 * The header badge: open high-severity alerts nobody has acknowledged yet (`summary.new.high`), for
 * the workspace in the route; refreshed when the workspace changes and every minute.
 */
export function useAlertBadge() {
  const { name } = useCurrentWorkspace();
  watch(name, (ws) => void refreshAlertSummary(ws), { immediate: true });
  const timer = setInterval(() => void refreshAlertSummary(name.value), REFRESH_MS);
  onScopeDispose(() => clearInterval(timer));
  const summary = computed(() => (name.value ? summaries.get(name.value) : undefined));
  return {
    name,
    summary,
    count: computed(() => summary.value?.new.high ?? 0),
    /** Including acknowledged ones (still open until the data clears them). */
    openHigh: computed(() => summary.value?.open.high ?? 0),
  };
}
