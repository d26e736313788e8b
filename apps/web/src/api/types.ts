/** Wire shapes of the creator-ops HTTP API, as the web app reads them. */

// Shapes the server computes with, imported from the libraries rather than copied.
export type { BatchItem, BatchStudent, BatchResult } from '@creator-ops/grading';
export type { QueryFilter, QuerySpec, ResultColumn, Reconciliation, ReconciliationIssue } from '@creator-ops/query';
import type { Reconciliation } from '@creator-ops/query';
import type { ResultColumn } from '@creator-ops/query';
export type { Kpi, ReportTable, ReportChart, ReportResult } from '@creator-ops/reports';

export type { Label, ExportKind } from '@creator-ops/schemas';
export { EXPORT_KINDS } from '@creator-ops/schemas';
import type { Label, ExportKind } from '@creator-ops/schemas';

export interface WorkspaceItem {
  name: string;
  createdAt: string;
  datasets: number;
  kinds: Partial<Record<ExportKind, number>>;
  range: { from: string; to: string } | null;
}

export interface WorkspaceSummary {
  name: string;
  kinds: { kind: ExportKind; label: Label; rows: number; datasets: number; from: string | null; to: string | null }[];
  accounts: string[];
}

export type { ReportMessage } from '@creator-ops/ingest';
import type { ImportReport as IngestReport } from '@creator-ops/ingest';
export type RowCounts = IngestReport['rows'];

/** The import report as the API sends it: the ingest library's, with the ad reconciliation the import service adds. */
export type ImportReport = Omit<IngestReport, 'reconciliation'> & { reconciliation?: Reconciliation };

export interface DatasetItem {
  id: string;
  kind: ExportKind;
  kindLabel: Label;
  fileName: string;
  rowCount: number;
  rows: RowCounts;
  importedAt: string;
}

export interface UploadResult extends DatasetItem {
  report: ImportReport;
  /** In the dataset detail: each stored column with its Chinese/English label. */
  schema?: { name: string; role: string; type: string; source: string | null; label: Label }[];
}

export interface DatasetColumn {
  name: string;
  role: string;
  valueType: string;
  source?: string | null;
}

export type CellValue = string | number | null;
export type Row = Record<string, CellValue>;

export interface DatasetRows {
  total: number;
  columns: DatasetColumn[];
  rows: Row[];
}

export type Direction = 'up' | 'down';

export interface MetricItem {
  key: string;
  label: Label;
  description: Label;
  formula: Label;
  kind: string;
  unit: string;
  decimals: number;
  direction: Direction;
  kinds: ExportKind[];
  standard: string[];
}

export type ReportParamKey = 'preset' | 'from' | 'to' | 'granularity' | 'account' | 'compare' | 'top' | 'gross_margin' | 'reference_date';

export interface CatalogueItem {
  key: string;
  title: Label;
  description: Label;
  standard: string[];
  kinds: ExportKind[];
  params: ReportParamKey[];
  available: boolean;
  missing: ExportKind[];
  /** Why an available-looking report cannot run (RFM without a buyer key). */
  reason?: Label;
}

export type { PeriodPreset } from '@creator-ops/reports/period-presets';
import type { PeriodPreset } from '@creator-ops/reports/period-presets';
export type Granularity = 'day' | 'week' | 'month';
export type Compare = 'previous_period' | 'previous_year' | 'none';

/** What the page sends: every key optional, all as query-string values. */
export interface ReportQuery {
  preset?: PeriodPreset;
  from?: string;
  to?: string;
  granularity?: Granularity;
  account?: string;
  compare?: Compare;
  top?: string;
  gross_margin?: string;
  reference_date?: string;
}

/** Roles of the access model (DESIGN §9): the account's own role, and a role per workspace membership. */
export type Role = 'admin' | 'operator' | 'grader' | 'trainee';
export const ROLES: Role[] = ['admin', 'operator', 'grader', 'trainee'];

/** `GET /api/auth/me`, `POST /api/auth/login`. */
export interface CurrentUser {
  username: string;
  role: Role;
}

export interface Member {
  username: string;
  role: Role;
}

/* ---------------------------------------------------------------- monitoring (libs/monitoring) */

// Rule and alert vocabularies: the monitoring library's own (a pure module).
export { SEVERITIES, ALERT_STATES, ALERT_OPS, ALERT_WINDOWS } from '@creator-ops/monitoring/types';
export type { Severity, AlertState, AlertOp, AlertWindow, AlertRule, AlertRuleInput, DayRange } from '@creator-ops/monitoring/types';
import type { Alert, Severity } from '@creator-ops/monitoring/types';

/** Text fields a rule may group by (the API checks each against the metric's exports). */
export const ALERT_DIMENSIONS = ['plan_id', 'plan', 'unit_id', 'campaign_id', 'account', 'product_id'] as const;

/** One problem of a rule body (`details.errors` of a 400 INVALID_ALERT_RULE). */
export interface RuleIssue {
  field: string;
  code: string;
  message: Label;
}

/** `POST /api/workspaces/:ws/query`. */

export interface QueryResult {
  columns: ResultColumn[];
  rows: Row[];
  totals: Row | null;
  period: { from: string | null; to: string | null };
}

/** A stored alert as the alert endpoints send it: the monitoring library's Alert, with its store id. */
export type AlertItem = Omit<Alert, 'id'> & { id: string };

export type SeverityCounts = Record<Severity, number> & { total: number };

/** `open` counts new and acknowledged alerts; `new` only the unacknowledged ones. */
export interface AlertSummary {
  open: SeverityCounts;
  new: SeverityCounts;
}

export interface AlertList {
  items: AlertItem[];
  /** Alerts of the state asked for, listed or not, in all and of each severity. */
  total: number;
  bySeverity: Record<AlertItem['severity'], number>;
  offset: number;
  summary: AlertSummary;
}

export interface EvaluateResult {
  created: number;
  reopened: number;
  resolved: number;
  open: number;
  skipped: { ruleId: string; code: string; message: Label }[];
}

export type { AnomalyPoint, AnomalySeries, Anomaly } from '@creator-ops/monitoring';
import type { AnomalySeries, Anomaly } from '@creator-ops/monitoring';

export interface AnomalyResult {
  series: AnomalySeries[];
  anomalies: Anomaly[];
}

/* ---------------------------------------------------------------- exercises (libs/grading) */

// The same shapes the server computes with: imported from the libraries, never copied.
export type { CellVerdict, RowVerdict, DiagnosisSummary, GradeResult, FeedbackState } from '@creator-ops/grading';
import type { FeedbackState, GradeResult } from '@creator-ops/grading';

/**
 * A result as the server shows it to its caller: the full result (graders, or once revealed), with
 * expected values left out of wrong cells (practice, before N tries: `expected` is then ''), or the
 * score only (an exam before release: no cells at all).
 */
export type ShownResult = GradeResult & { feedback?: FeedbackState };
export type ScoreOnly = Pick<GradeResult, 'exerciseId' | 'fileName' | 'score' | 'maxScore' | 'ratio'> & { feedback: FeedbackState };
export type AnyResult = ShownResult | ScoreOnly;
export const hasCells = (r: AnyResult): r is ShownResult => 'cells' in r;

export type ExerciseLevel = '初级' | '中级' | '高级';

/** How a column is asked for: value formats (integer, money, percent ... with decimals) or key formats (text, date ...). */
export interface ColumnFormat {
  type: string;
  decimals?: number;
}

export interface ExerciseColumn {
  key: string;
  header: Label;
  role: 'key' | 'value';
  format: ColumnFormat;
}

/** `GET /api/exercises/:id`: the task, never the key. */
export interface ExerciseItem {
  id: string;
  title: Label;
  level: ExerciseLevel;
  skill: string;
  template: string;
  task: { zh: string; en?: string };
  datasets: { file: string; kind: ExportKind; label?: Label }[];
  columns: ExerciseColumn[];
  totalsRow: string | null;
  sortRequired: boolean;
  scoring: { per: 'cell' | 'row'; rowPoints?: number; sortPoints?: number; extraRowPenalty?: number };
  /** In the list (`GET /api/exercises`): the caller's own attempts and best score; null before a first try. */
  progress?: { attempts: number; best: number; maxScore: number } | null;
}

/** A diagnosis: `message` is the Chinese text (with the exercise's own note), `en` the English gist. */
export interface Diagnosis {
  code: string;
  message: string;
  en: string;
}

/** `POST /api/exercises/:id/submissions`. */
export type SubmissionResult = AnyResult & { id: string };

/** `GET /api/exercises/:id/submissions`: one's own (trainees) or everyone's (graders). */
export interface SubmissionItem {
  id: string;
  username: string;
  workspace: string | null;
  fileName: string;
  score: number;
  maxScore: number;
  createdAt: string;
  /** Set for a refused answer (EMPTY_ANSWER), which still counts as a try. */
  refused: string | null;
  result: AnyResult | null;
}

/** `GET /api/users` (admins). */
export interface UserRow {
  username: string;
  role: Role;
  createdAt: string;
  lastLoginAt: string | null;
  /** Failed sign-ins currently slow the account down. */
  locked: boolean;
  failedLogins: number;
  disabled: boolean;
}

/** `GET /api/exercises/:id/key` (graders). */
export interface AnswerKeyView {
  exerciseId: string;
  maxScore: number;
  columns: { key: string; header: string; role: 'key' | 'value'; format: ColumnFormat }[];
  rows: { label: string; total: boolean; cells: string[]; exact: Record<string, CellValue> }[];
}

/** `POST /api/exercises/:id/batch`. */

export type BatchFormat = 'xlsx' | 'csv' | 'items.csv';
