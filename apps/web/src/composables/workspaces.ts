import { computed, reactive, ref } from 'vue';
import { useRoute } from 'vue-router';
import { api } from '../api/endpoints';
import type { WorkspaceItem, WorkspaceSummary } from '../api/types';

const LAST_KEY = 'creator-ops.workspace';

/** The workspace list, shared by the header selector and the workspaces page. */
const list = ref<WorkspaceItem[]>([]);
const listLoading = ref(false);
const listError = ref<unknown>(null);
let listPromise: Promise<void> | null = null;
/** Bumped by a reset, so an answer that arrives for the previous session is dropped. */
let generation = 0;

export function refreshWorkspaces(): Promise<void> {
  const asked = generation;
  listLoading.value = true;
  listError.value = null;
  listPromise = api
    .workspaces()
    .then((items) => {
      if (asked === generation) list.value = items;
    })
    .catch((e) => {
      if (asked === generation) listError.value = e;
    })
    .finally(() => {
      listLoading.value = false;
    });
  return listPromise;
}

export function useWorkspaceList() {
  if (!listPromise) void refreshWorkspaces();
  return { workspaces: list, loading: listLoading, error: listError, refresh: refreshWorkspaces };
}

/** Summaries (kinds present, accounts) cached per workspace; uploads and deletes refresh them. */
const summaries = reactive(new Map<string, WorkspaceSummary>());

/** Forgets everything loaded (sign-in and sign-out: another user may see other workspaces). */
export function resetWorkspaceCache(): void {
  generation++;
  list.value = [];
  listError.value = null;
  listPromise = null;
  summaries.clear();
}

export async function refreshSummary(ws: string): Promise<WorkspaceSummary> {
  const summary = await api.summary(ws);
  summaries.set(ws, summary);
  return summary;
}

export function summaryOf(ws: string): WorkspaceSummary | undefined {
  if (!summaries.has(ws)) void refreshSummary(ws).catch(() => undefined);
  return summaries.get(ws);
}

/** The workspace named in the route (`/w/:ws/...`), remembered as the one to open next time. */
export function useCurrentWorkspace() {
  const route = useRoute();
  const name = computed(() => (typeof route.params.ws === 'string' ? route.params.ws : ''));
  const summary = computed(() => (name.value ? summaryOf(name.value) : undefined));
  return { name, summary };
}

export function rememberWorkspace(ws: string): void {
  try {
    localStorage.setItem(LAST_KEY, ws);
  } catch {
    // Storage may be unavailable; nothing else depends on it.
  }
}

export function lastWorkspace(): string | null {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}
