import type { Locale } from '@creator-ops/format';
import type { CompareMode, QueryResult, QuerySpec, ResultColumn, ResultRow, SurveySheets } from '@creator-ops/query';
import type { ExportKind, Label } from '@creator-ops/schemas';
import type { PeriodPreset } from './period-presets';

export type { PeriodPreset } from './period-presets';
export type Granularity = 'day' | 'week' | 'month';

/** What a caller may pass (HTTP query string, CLI flags). Everything is optional. */
export interface ReportInput {
  preset?: PeriodPreset;
  from?: string;
  to?: string;
  granularity?: Granularity;
  account?: string;
  compare?: CompareMode | 'none';
  top?: number;
  gross_margin?: number;
  /** RFM: the day recency is measured from (default: the period's last day). */
  reference_date?: string;
  locale?: Locale;
}

/** Parameters after defaults: the period always ends at the latest date in the data, not today. */
export interface ResolvedParams {
  preset: PeriodPreset;
  from: string | null;
  to: string | null;
  granularity: Granularity;
  account: string | null;
  compare: CompareMode | null;
  top: number;
  gross_margin: number | null;
  reference_date: string | null;
  locale: Locale;
}

export type ReportParamKey = keyof Omit<ResolvedParams, 'locale'>;

export interface Kpi {
  metric: string;
  label: Label;
  formula: Label;
  unit: string;
  value: number | null;
  previous: number | null;
  delta: number | null;
  deltaPct: number | null;
  /** `pp` for percent metrics: the delta is in percentage points. */
  deltaUnit: 'pp' | 'value';
  direction: 'up' | 'down';
  /** Formatted by libs/format in the report's locale. */
  display: {
    value: string;
    /** The card's figure: 万/亿 (K/M/B in English) for counts and money from 10,000 up, else `value`. */
    compact: string;
    previous: string;
    delta: string;
    deltaPct: string;
  };
  /**
   * For a ratio: the inputs it was computed from, over the rows it reads (only exports carrying
   * every field of the formula), so the card can show "ROI 口径：消耗 ¥118,365.83 · 成交 ¥391,673.55"
   * when those differ from the totals on neighbouring cards. The ratio equals these inputs.
   */
  basis?: { inputs: { metric: string; label: Label; value: number | null; display: string }[]; text: Label; partial: boolean };
}

export interface ReportTable {
  id: string;
  title: Label;
  columns: ResultColumn[];
  rows: ResultRow[];
  totals?: ResultRow | null;
  /**
   * When the totals cover more groups than the rows shown (a top-N list), how many: the summary row
   * is then labelled "全部 N 个" rather than 合计, which would claim to sum the rows above it.
   */
  totalsCover?: number;
}

export interface ReportChart {
  id: string;
  title: Label;
  /** A plain-JSON ECharts option (no functions): renders in the browser and server-side. */
  option: Record<string, unknown>;
}

export interface ReportResult {
  key: string;
  title: Label;
  standard: string[];
  params: ResolvedParams;
  /** Set when the workspace lacks the exports this report needs: nothing else is filled. */
  missing?: { kinds: ExportKind[]; message: Label };
  kpis: Kpi[];
  tables: ReportTable[];
  charts: ReportChart[];
  /** Every metric the report shows, with its formula (hover text, provenance sheet). */
  metrics: { key: string; label: Label; formula: Label; unit: string }[];
  generatedAt: string;
}

/** What a report's builder gets: its parameters and the one engine, pre-scoped to period and account. */
export interface QueryOptions {
  period?: boolean;
  account?: boolean;
  compare?: boolean;
  kinds?: ExportKind[];
}

export interface ReportContext {
  params: ResolvedParams;
  locale: Locale;
  /** Kinds present in the workspace. */
  kinds: Set<ExportKind>;
  /**
   * Runs a query with the report's period, account filter and comparison applied unless the spec sets its own.
   * `kinds` limits the exports metrics may bind to (plays of per-work stats, not of account daily stats).
   */
  query(spec: QuerySpec, options?: QueryOptions): QueryResult;
  /** Survey answer sheets in the report's period and account, for the survey tabulation (null without survey data). */
  surveySheets(): SurveySheets | null;
}

export interface ReportDefinition {
  key: string;
  title: Label;
  description: Label;
  /** Skill-standard items the report serves. */
  standard: string[];
  /** Every kind listed must be present (`anyOf` relaxes it to one of them). */
  kinds: ExportKind[];
  anyOf?: boolean;
  /**
   * A field the report cannot work without (RFM needs a buyer key): when no row of that kind has a
   * value for it, the report is unavailable and says why, and how to get an export that has it.
   */
  needsField?: { kind: ExportKind; field: string; message: Label };
  /** Parameters the report uses (the UI shows only these). */
  params: ReportParamKey[];
  build(ctx: ReportContext): Pick<ReportResult, 'kpis' | 'tables' | 'charts'>;
}
