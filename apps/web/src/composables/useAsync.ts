import { onScopeDispose, ref, shallowRef, watch, type Ref, type WatchSource } from 'vue';

export interface AsyncState<T> {
  data: Ref<T | undefined>;
  loading: Ref<boolean>;
  error: Ref<unknown>;
  reload: () => Promise<void>;
}

/**
 * Loads `loader()` now and whenever `source` changes; an answer that arrives after a newer request
 * started is dropped, so a fast filter change never shows the older view. The previous data stays
 * visible (under a loading mask) until the new answer arrives.
 */
export function useAsync<T>(loader: (signal: AbortSignal) => Promise<T>, source?: WatchSource<unknown>): AsyncState<T> {
  const data = shallowRef<T>();
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  async function reload(): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    loading.value = true;
    error.value = null;
    try {
      const value = await loader(mine.signal);
      if (controller === mine) data.value = value;
    } catch (e) {
      if (controller === mine && !(e instanceof DOMException && e.name === 'AbortError')) error.value = e;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  if (source) watch(source, () => void reload(), { deep: true });
  void reload();
  onScopeDispose(() => controller?.abort());
  return { data, loading, error, reload };
}
