import { apiUrl, postForDownload, request, uploadForm } from './client';
import type {
  AlertItem,
  AlertList,
  AlertRule,
  AlertRuleInput,
  AlertState,
  AnomalyResult,
  AnswerKeyView,
  BatchFormat,
  BatchResult,
  CatalogueItem,
  CurrentUser,
  DatasetItem,
  DatasetRows,
  EvaluateResult,
  ExerciseItem,
  ExportKind,
  Member,
  MetricItem,
  QueryResult,
  QuerySpec,
  Reconciliation,
  ReportQuery,
  ReportResult,
  Role,
  SubmissionItem,
  SubmissionResult,
  UploadResult,
  UserRow,
  WorkspaceItem,
  WorkspaceSummary,
} from './types';
import type { AppLocale } from '../i18n';

const ws = (name: string) => `/workspaces/${encodeURIComponent(name)}`;
const ex = (id: string) => `/exercises/${encodeURIComponent(id)}`;

/** Files as one multipart body under one field name. */
function filesForm(field: string, files: File[]): FormData {
  const form = new FormData();
  for (const f of files) form.append(field, f, f.name);
  return form;
}

export const api = {
  // The guard reads a 401 here as "not signed in"; a LOGIN_FAILED 401 (wrong password) never redirects.
  me: () => request<CurrentUser>('/auth/me', { authRedirect: false }),
  login: (username: string, password: string) => request<CurrentUser>('/auth/login', { method: 'POST', body: { username, password }, authRedirect: false }),
  logout: () => request<void>('/auth/logout', { method: 'POST', authRedirect: false }),
  changePassword: (current: string, password: string) => request<{ ended: number }>('/auth/password', { method: 'POST', body: { current, password } }),
  createToken: (name?: string) => request<{ token: string }>('/auth/tokens', { method: 'POST', body: name ? { name } : {} }),
  createUser: (username: string, password: string, role: Role) =>
    request<{ id: string; username: string; role: Role }>('/users', { method: 'POST', body: { username, password, role } }),
  users: () => request<{ items: UserRow[] }>('/users').then((r) => r.items),
  unlockUser: (username: string) => request<UserRow>(`/users/${encodeURIComponent(username)}/unlock`, { method: 'POST' }),
  resetPassword: (username: string, password: string) =>
    request<UserRow>(`/users/${encodeURIComponent(username)}/password`, { method: 'POST', body: { password } }),
  setDisabled: (username: string, disabled: boolean) =>
    request<UserRow>(`/users/${encodeURIComponent(username)}/disabled`, { method: 'POST', body: { disabled } }),
  members: (name: string) => request<{ items: Member[] }>(`${ws(name)}/members`).then((r) => r.items),
  addMember: (name: string, username: string, role: Role) => request<Member>(`${ws(name)}/members`, { method: 'POST', body: { username, role } }),

  workspaces: () => request<{ items: WorkspaceItem[] }>('/workspaces').then((r) => r.items),
  createWorkspace: (name: string) => request<WorkspaceItem>('/workspaces', { method: 'POST', body: { name } }),
  summary: (name: string) => request<WorkspaceSummary>(`${ws(name)}/summary`),

  datasets: (name: string) => request<{ items: DatasetItem[] }>(`${ws(name)}/datasets`).then((r) => r.items),
  datasetRows: (name: string, id: string, offset: number, limit: number) =>
    request<DatasetRows>(`${ws(name)}/datasets/${encodeURIComponent(id)}/rows`, { query: { offset, limit } }),
  dataset: (name: string, id: string) => request<UploadResult>(`${ws(name)}/datasets/${encodeURIComponent(id)}`),
  /** A stretch of an ad import's ratio disagreements (rows in line order, then the total row's). */
  reconciliation: (name: string, id: string, page: { offset: number; limit: number }) =>
    request<Reconciliation & { offset: number }>(`${ws(name)}/datasets/${encodeURIComponent(id)}/reconciliation`, { query: page }),
  deleteDataset: (name: string, id: string) => request<void>(`${ws(name)}/datasets/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  upload(
    name: string,
    file: File,
    opts: { kind?: ExportKind | ''; account?: string; encoding?: string; date?: string | null },
    onProgress: (p: number) => void,
  ) {
    const form = new FormData();
    // Text fields first: multer reads the body in order, so they are known when the file arrives.
    if (opts.kind) form.append('kind', opts.kind);
    if (opts.account?.trim()) form.append('account', opts.account.trim());
    if (opts.encoding) form.append('encoding', opts.encoding);
    if (opts.date) form.append('date', opts.date);
    form.append('file', file, file.name);
    return uploadForm<UploadResult>(`${ws(name)}/datasets`, form, onProgress);
  },

  metrics: () => request<{ items: MetricItem[] }>('/metrics').then((r) => r.items),

  reports: (name: string) => request<{ items: CatalogueItem[] }>(`${ws(name)}/reports`).then((r) => r.items),
  report: (name: string, key: string, query: ReportQuery, locale: AppLocale, signal?: AbortSignal) =>
    request<ReportResult>(`${ws(name)}/reports/${encodeURIComponent(key)}`, { query: { ...query, locale }, signal }),

  query: (name: string, spec: QuerySpec, signal?: AbortSignal) => request<QueryResult>(`${ws(name)}/query`, { method: 'POST', body: spec, signal }),

  // Monitoring: alerts (most severe first), rules, anomalies.
  /** A page of the alerts of a state (most urgent first), with their total and the workspace's counts. */
  alerts: (name: string, state: AlertState | undefined, page: { offset: number; limit: number }, signal?: AbortSignal) =>
    request<AlertList>(`${ws(name)}/alerts`, { query: { state, offset: page.offset, limit: page.limit }, signal }),
  ackAlert: (name: string, id: string) => request<AlertItem>(`${ws(name)}/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST' }),
  evaluateAlerts: (name: string) => request<EvaluateResult>(`${ws(name)}/alerts/evaluate`, { method: 'POST' }),
  alertRules: (name: string) => request<{ items: AlertRule[] }>(`${ws(name)}/alert-rules`).then((r) => r.items),
  createRule: (name: string, rule: AlertRuleInput) => request<AlertRule>(`${ws(name)}/alert-rules`, { method: 'POST', body: rule }),
  updateRule: (name: string, id: string, patch: Partial<AlertRuleInput>) =>
    request<AlertRule>(`${ws(name)}/alert-rules/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  deleteRule: (name: string, id: string) => request<void>(`${ws(name)}/alert-rules/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  anomalies: (name: string, metric: string, dimension: string | null, signal?: AbortSignal) =>
    request<AnomalyResult>(`${ws(name)}/anomalies`, { query: { metric, dimension }, signal }),

  // Exercises: tasks for everyone, keys and batches for graders.
  exercises: () => request<{ items: ExerciseItem[] }>('/exercises').then((r) => r.items),
  exercise: (id: string) => request<ExerciseItem>(ex(id)),
  exerciseKey: (id: string, locale: AppLocale) => request<AnswerKeyView>(`${ex(id)}/key`, { query: { locale } }),
  submissions: (id: string) => request<{ items: SubmissionItem[] }>(`${ex(id)}/submissions`).then((r) => r.items),
  submitAnswer: (id: string, file: File, onProgress: (p: number) => void) =>
    uploadForm<SubmissionResult>(`${ex(id)}/submissions`, filesForm('file', [file]), onProgress),
  batchGrade: (id: string, files: File[], onProgress: (p: number) => void) => uploadForm<BatchResult>(`${ex(id)}/batch`, filesForm('files', files), onProgress),
  /** The same batch as a file (the API grades again: it keeps no batch). */
  batchExport: (id: string, files: File[], format: BatchFormat) =>
    postForDownload(`${ex(id)}/batch`, filesForm('files', files), { format }, `${id}-grades.${format === 'xlsx' ? 'xlsx' : 'csv'}`),
};

export const exerciseLinks = {
  data: (id: string, file: string) => apiUrl(`${ex(id)}/data/${encodeURIComponent(file)}`),
};

/** Links for downloads (the browser fetches them itself, so they carry the same parameters). */
export const reportLinks = {
  xlsx: (name: string, key: string, query: ReportQuery, locale: AppLocale) =>
    apiUrl(`${ws(name)}/reports/${encodeURIComponent(key)}/export.xlsx`, { ...query, locale }),
  csv: (name: string, key: string, table: string, query: ReportQuery, locale: AppLocale) =>
    apiUrl(`${ws(name)}/reports/${encodeURIComponent(key)}/export.csv`, { ...query, table, locale }),
  chart: (name: string, key: string, chartId: string, format: 'svg' | 'png', query: ReportQuery, locale: AppLocale) =>
    apiUrl(`${ws(name)}/reports/${encodeURIComponent(key)}/charts/${encodeURIComponent(chartId)}.${format}`, { ...query, locale }),
};
