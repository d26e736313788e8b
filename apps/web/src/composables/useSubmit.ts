import { ref, shallowRef } from 'vue';

/**
 * A form's submit state: `problem` is the local check's message, `failure` the server's error (show
 * it with errorText; the server's message decides, the checks only guide), `saving` while it runs.
 * `run(check, action)` clears both, stops at the check's message, and otherwise runs the action.
 */
export function useSubmit() {
  const saving = ref(false);
  const failure = shallowRef<unknown>(null);
  const problem = ref('');

  function reset(): void {
    failure.value = null;
    problem.value = '';
  }

  async function run(check: () => string, action: () => Promise<void>): Promise<void> {
    reset();
    problem.value = check();
    if (problem.value) return;
    saving.value = true;
    try {
      await action();
    } catch (e) {
      failure.value = e;
    } finally {
      saving.value = false;
    }
  }

  return { saving, failure, problem, reset, run };
}
