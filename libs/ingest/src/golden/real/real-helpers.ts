/**
 * Helpers of the real-export golden specs (issue 11): each spec writes its own small fixture from
 * the header names real exports carry, imports it from a temporary file, and checks the figures
 * against sums worked out by hand in the spec.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeParts, type ColumnTable } from '@creator-ops/columnar';
import { runQuery, type QuerySpec } from '@creator-ops/query';
import { KINDS, type ExportKind } from '@creator-ops/schemas';
import { ingestFile, type IngestOptions, type IngestResult } from '../../ingest';
import { IngestError } from '../../messages';
import { xlsxBytes } from './fixture-writers';

export { csv, rowsOf, xlsxBytes } from './fixture-writers';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempPath(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'co-real-'));
  dirs.push(dir);
  return join(dir, name);
}

export async function ingestText(name: string, text: string, opts: Partial<IngestOptions> = {}): Promise<IngestResult> {
  const path = tempPath(name);
  writeFileSync(path, text);
  return ingestFile(path, { fileName: name, ...opts });
}

/** An xlsx of one sheet, cells as given (numbers stay numbers), written by exceljs as 千川's exports are by a library. */
export async function ingestXlsxRows(name: string, rows: (string | number)[][], opts: Partial<IngestOptions> = {}): Promise<IngestResult> {
  const path = tempPath(name);
  writeFileSync(path, await xlsxBytes(rows));
  return ingestFile(path, { fileName: name, ...opts });
}

export async function failure(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error('the import succeeded, but it should have been refused');
}

/** The logical table the workspace would hold after these imports (later wins), as the API builds it. */
export function stored(kind: ExportKind, ...results: IngestResult[]): ColumnTable {
  return mergeParts(
    KINDS[kind],
    results.map((r, i) => ({ id: String(i), table: r.table, keyFields: r.report.naturalKey })),
  );
}

export function totals(kind: ExportKind, table: ColumnTable, metrics: string[], spec: Partial<QuerySpec> = {}) {
  return runQuery({ metrics, totals: true, ...spec }, new Map([[kind, table]])).totals!;
}

export function rows(kind: ExportKind, table: ColumnTable, metrics: string[], spec: Partial<QuerySpec>) {
  return runQuery({ metrics, totals: true, ...spec }, new Map([[kind, table]])).rows;
}

export const mappedFields = (r: IngestResult) =>
  Object.fromEntries(r.report.mapping.filter((m) => m.field && m.note !== 'raw').map((m) => [m.source, m.field]));
export const warningCodes = (r: IngestResult) => r.report.warnings.map((w) => w.code);
export const skipsOf = (r: IngestResult) => r.report.skipped.map(({ line, code, reason }) => ({ line, code, reason }));
