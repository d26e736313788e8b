import type { IngestRun } from './ingest-run';
import type { ImportReport, KindDetection } from './report';

/** The import report of a finished run (CSV and xlsx alike). */
export function runReport(
  run: IngestRun,
  detection: KindDetection,
  base: Pick<ImportReport, 'file' | 'source' | 'encoding' | 'delimiter'> & { sheet?: string },
): ImportReport {
  return {
    file: base.file,
    source: base.source,
    ...(base.sheet === undefined ? {} : { sheet: base.sheet }),
    kind: detection.kind,
    detection,
    encoding: base.encoding,
    delimiter: base.delimiter,
    headerRow: run.headerLine,
    rows: { read: run.rowsRead, accepted: run.keptRows, rejected: run.rejectedCount, skipped: run.skippedCount },
    rejected: run.rejected,
    skipped: run.skipped,
    mapping: run.plan.slots.map((s) => s.mapping()),
    warnings: run.warnings,
    totalRows: run.totalRows,
    naturalKey: run.plan.keyFields,
    ...(Object.keys(run.plan.keyContext).length ? { keyContext: run.plan.keyContext } : {}),
    duplicatesReplaced: 0,
  };
}
