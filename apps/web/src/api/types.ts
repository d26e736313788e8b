/** Wire shapes of the creator-ops HTTP API, as the web app reads them. */

export interface Label {
  zh: string;
  en: string;
}

export type ExportKind = 'account' | 'content' | 'order' | 'ad' | 'live';
export const EXPORT_KINDS: ExportKind[] = ['account', 'content', 'order', 'ad', 'live'];

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

export interface RowCounts {
  read: number;
  accepted: number;
  rejected: number;
  skipped: number;
}

export interface ReportMessage {
  code: string;
  message: string;
  messageEn?: string;
}

export interface ImportReport {
  file?: string;
  kind: ExportKind;
  encoding: string;
  delimiter: string;
  headerRow: number;
  rows: RowCounts;
  rejected: (ReportMessage & { line: number; column: string | null })[];
  skipped: { line: number; code: string; reason: string }[];
  mapping: { source: string; field: string | null; scale?: number; note?: string }[];
  warnings: ReportMessage[];
  duplicatesReplaced?: number;
  detection?: { kind: ExportKind; overridden: boolean; scores: { kind: ExportKind; score: number; matched: string[] }[] };
}

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
}

export type PeriodPreset = 'last7' | 'last30' | 'this_month' | 'last_month' | 'all' | 'custom';
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

export interface Kpi {
  metric: string;
  label: Label;
  formula: Label;
  unit: string;
  value: number | null;
  previous: number | null;
  delta: number | null;
  deltaPct: number | null;
  deltaUnit: 'pp' | 'value';
  direction: Direction;
  display: { value: string; previous: string; delta: string; deltaPct: string };
}

export interface ResultColumn {
  key: string;
  label: Label;
  role: 'dimension' | 'metric';
  unit?: string;
  decimals?: number;
  formula?: Label;
}

export interface ReportTable {
  id: string;
  title: Label;
  columns: ResultColumn[];
  rows: Row[];
  totals?: Row | null;
}

export interface ReportChart {
  id: string;
  title: Label;
  option: Record<string, unknown>;
}

export interface ReportResult {
  key: string;
  title: Label;
  standard: string[];
  params: {
    preset: PeriodPreset;
    from: string | null;
    to: string | null;
    granularity: Granularity;
    account: string | null;
    compare: 'previous_period' | 'previous_year' | null;
    top: number;
    gross_margin: number | null;
    reference_date: string | null;
  };
  missing?: { kinds: ExportKind[]; message: Label };
  kpis: Kpi[];
  tables: ReportTable[];
  charts: ReportChart[];
  metrics: { key: string; label: Label; formula: Label; unit: string }[];
  generatedAt: string;
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
