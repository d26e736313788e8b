import { locale } from '../i18n';

/** An API failure: `{ code, message, messages: { zh, en } }` from the server, or a network/HTTP fallback. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: { zh: string; en: string },
    readonly requestId?: string,
    /** Structured detail of a 4xx (e.g. `{ errors: [{ field, code, message }] }` of an invalid alert rule). */
    readonly details?: unknown,
  ) {
    super(messages.zh || messages.en || code);
    this.name = 'ApiError';
  }

  /** The message in the page's current language. */
  get text(): string {
    return (locale.value === 'en' ? this.messages.en : this.messages.zh) || this.message;
  }
}

/** Any thrown value as a sentence in the current language. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.text;
  if (error instanceof Error) return error.message;
  return String(error);
}

type QueryValue = string | number | boolean | null | undefined;

/** `/api/x?a=1` from a path and a query object; empty values are left out. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    qs.set(key, String(value));
  }
  const s = qs.toString();
  return `/api${path}${s ? `?${s}` : ''}`;
}

async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: { code?: string; message?: string; messages?: { zh?: string; en?: string }; requestId?: string; details?: unknown } = {};
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page): fall back to the status line.
  }
  const fallback = `HTTP ${res.status} ${res.statusText}`.trim();
  const zh = body.messages?.zh ?? body.message ?? fallback;
  const en = body.messages?.en ?? body.message ?? fallback;
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, { zh, en }, body.requestId, body.details);
}

function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, 'NETWORK_ERROR', { zh: `无法连接服务器：${detail}`, en: `Cannot reach the server: ${detail}` });
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * A 401 means the session is gone: the app sends the user to /login (keeping `next`). The one
   * exception is LOGIN_FAILED (a wrong password at sign-in or when changing it), which the form shows.
   * `GET /auth/me` sets this to false: the router guard itself decides what "not signed in" means.
   */
  authRedirect?: boolean;
}

/** Called on every 401 (session missing or expired); the router installs it (main.ts). */
let onUnauthorized: ((error: ApiError) => void) | null = null;

export function setUnauthorizedHandler(handler: (error: ApiError) => void): void {
  onUnauthorized = handler;
}

function unauthorized(error: ApiError): ApiError {
  if (error.status === 401 && error.code !== 'LOGIN_FAILED') onUnauthorized?.(error);
  return error;
}

/** fetch + JSON, raising ApiError with the server's message on any non-2xx answer. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale.value };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method: opts.method ?? 'GET', headers, body, signal: opts.signal, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
  if (!res.ok) {
    const error = await errorFromResponse(res);
    throw opts.authRedirect === false ? error : unauthorized(error);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A multipart POST with upload progress (fetch has none): `onProgress` gets 0..100. */
export function uploadForm<T>(path: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', locale.value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(networkError(new Error(xhr.statusText || 'upload failed')));
    xhr.onload = async () => {
      const res = new Response(xhr.responseText || null, { status: xhr.status, statusText: xhr.statusText });
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch (cause) {
          reject(networkError(cause));
        }
      } else {
        reject(unauthorized(await errorFromResponse(res)));
      }
    };
    xhr.send(form);
  });
}

/** The file name of a Content-Disposition header (`filename*=UTF-8''...` first), or a fallback. */
export function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Malformed: try the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/**
 * A multipart POST whose answer is a file (an export of a batch): a link cannot POST, so the page
 * fetches it and hands the bytes to the browser as a download.
 */
export async function postForDownload(
  path: string,
  form: FormData,
  query: Record<string, QueryValue>,
  fallbackName: string,
): Promise<{ blob: Blob; fileName: string }> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), { method: 'POST', body: form, headers: { 'Accept-Language': locale.value }, credentials: 'same-origin' });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!res.ok) throw unauthorized(await errorFromResponse(res));
  return { blob: await res.blob(), fileName: dispositionName(res.headers.get('Content-Disposition'), fallbackName) };
}

/** Saves bytes under a name through a temporary object URL and an `<a download>`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Chromium starts the download synchronously on click; keep the URL a moment for slower browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
