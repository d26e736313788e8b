import type { ExportKind } from '@creator-ops/schemas';
import { renderMessage, type IngestCode, type MessageParams } from './messages';

export interface ReportMessage {
  code: IngestCode;
  message: string;
  messageEn: string;
  params?: MessageParams;
}

export interface RejectedRow extends ReportMessage {
  line: number;
  column: string | null;
}

export interface SkippedRow {
  line: number;
  code: IngestCode;
  reason: string;
}

export interface MappingEntry {
  source: string;
  field: string | null;
  /** Multiplier applied to the values written (万 = 10000, cents = 100, percent points = 0.01 ...). */
  scale?: number;
  note?: 'raw' | 'pii' | 'duplicate';
}

export interface KindDetection {
  kind: ExportKind;
  overridden: boolean;
  /** Matched fields per kind: why this kind won. */
  scores: { kind: ExportKind; score: number; matched: string[]; excludedBy?: string }[];
}

export interface TotalRowCheck {
  line: number;
  label: string;
  /** The total row's own values, per canonical field (raw stored units: cents, fractions). */
  values: Record<string, number | null>;
}

export interface ImportReport {
  file: string;
  /** Size and SHA-256 of the uploaded bytes (provenance). */
  source: { bytes: number; sha256: string };
  /** xlsx: the sheet imported. */
  sheet?: string;
  kind: ExportKind;
  detection: KindDetection;
  encoding: string;
  delimiter: string;
  /** 1-based line of the header. */
  headerRow: number;
  rows: { read: number; accepted: number; rejected: number; skipped: number };
  rejected: RejectedRow[];
  skipped: SkippedRow[];
  mapping: MappingEntry[];
  warnings: ReportMessage[];
  totalRows: TotalRowCheck[];
  naturalKey: string[];
  /** Key parts that came from outside the columns: the date from the file name or the upload, the account from another column. */
  keyContext?: { date?: { value: string; from: 'file_name' | 'option' }; account?: { from: string } };
  duplicatesReplaced: number;
  /** Ad exports: the platform's own ratios recomputed (filled in by the import service). */
  reconciliation?: unknown;
}

/** How many rejected and skipped rows are listed one by one (the counts are always complete). */
export const REPORT_LIST_LIMIT = 200;

export function reportMessage(code: IngestCode, params: MessageParams = {}): ReportMessage {
  return {
    code,
    message: renderMessage(code, params, 'zh'),
    messageEn: renderMessage(code, params, 'en'),
    ...(Object.keys(params).length ? { params } : {}),
  };
}
