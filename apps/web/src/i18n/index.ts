import { computed, ref } from 'vue';
import { fillTemplate } from '@creator-ops/errors';
import type { Label } from '../api/types';
import { messages, type MessageKey } from './messages';

export type AppLocale = 'zh-CN' | 'en';

const STORAGE_KEY = 'creator-ops.locale';

function initialLocale(): AppLocale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** The one locale of the page: zh-CN first, an en switch persisted in localStorage. */
export const locale = ref<AppLocale>(initialLocale());

export function setLocale(next: AppLocale): void {
  locale.value = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the switch still works for this page.
  }
  document.documentElement.lang = next;
}

/** `t('datasets.rowsAccepted', { n: 3 })`: a UI string in the current locale, `{name}` placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = messages[locale.value][key] ?? messages['zh-CN'][key] ?? key;
  return fillTemplate(text, params);
}

/** A `{ zh, en }` label from the API in the current locale. */
export function l(label: Label | null | undefined): string {
  if (!label) return '';
  return locale.value === 'en' ? label.en || label.zh : label.zh || label.en;
}

export const isEn = computed(() => locale.value === 'en');

/** `计划一（P1）` / `Plan A (P1)`: an aside in the current language's brackets. */
export function paren(text: string, aside: string): string {
  return locale.value === 'en' ? `${text} (${aside})` : `${text}（${aside}）`;
}

export function useI18n() {
  return { locale, t, l, setLocale, isEn };
}
