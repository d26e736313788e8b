export type Locale = 'zh' | 'en';

/** Values a message template may name as `{param}`. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The zh and en text of one code, with `{param}` placeholders. */
export interface MessageTemplates {
  readonly zh: string;
  readonly en: string;
}

/** The one `{param}` filler: a placeholder without a value stays as written. */
export function fillTemplate(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined || params[k] === null ? `{${k}}` : String(params[k])));
}

/**
 * The one error shape of the codebase: a stable code, the parameters of its message and the
 * zh/en templates they fill. Every lib error extends it; the API's filter and the CLI turn it into
 * a response or a line of text through one translation (apps/api/src/common/error-status.ts).
 */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    readonly params: MessageParams = {},
    readonly templates: MessageTemplates = { zh: code, en: code },
    /** Machine-readable detail a response carries as `details` (every problem of a validation). */
    readonly details?: unknown,
  ) {
    super(fillTemplate(templates.en, params));
    this.name = 'CodedError';
  }

  text(locale: Locale): string {
    return fillTemplate(this.templates[locale], this.params);
  }
}
