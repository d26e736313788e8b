import { KINDS } from '@creator-ops/schemas';
import type { Dataset } from './datasets.repository';

/** What a dataset looks like on the wire (list items). */
export function mapDatasetSummary(d: Dataset) {
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: KINDS[d.kind].label,
    fileName: d.fileName,
    rowCount: d.rowCount,
    rows: d.report.rows,
    sourceSha256: d.sourceSha256,
    sourceBytes: d.sourceBytes,
    importedAt: d.createdAt.toISOString(),
    seq: d.seq,
  };
}

/** One dataset in full: its report and its schema. */
export function mapDatasetDetail(d: Dataset) {
  const fields = KINDS[d.kind].fields;
  return {
    ...mapDatasetSummary(d),
    naturalKey: d.keyFields,
    schema: d.columns
      .filter((c) => c.role !== 'line')
      .map((c) => ({
        name: c.name,
        role: c.role,
        type: c.valueType,
        source: c.source ?? null,
        label: fields.find((f) => f.key === c.name && c.role === 'field')?.label ?? { zh: c.name, en: c.name },
      })),
    report: d.report,
  };
}
