/**
 * Shared helpers of the xlsx specs. Fixtures are made by fixtures/xlsx/build.mjs (each good
 * workbook next to its CSV twin); expected figures are worked out by hand from the values there.
 * Dates are compared as Date.UTC wall-clock values, so the specs hold under any TZ.
 */
import path from 'node:path';
import type { ColumnTable } from '@creator-ops/columnar';
import { ingestFile, type IngestOptions, type IngestResult } from '../ingest';
import { IngestError } from '../messages';
import { col } from '../golden/golden-helpers';

export const XLSX_FIXTURES = path.join(process.cwd(), 'fixtures', 'xlsx');
export const okPath = (name: string) => path.join(XLSX_FIXTURES, 'ok', name);
export const notOkPath = (name: string) => path.join(XLSX_FIXTURES, 'not-ok', name);

export function ingestXlsxOk(name: string, opts: Partial<IngestOptions> = {}): Promise<IngestResult> {
  return ingestFile(okPath(name), { fileName: name, ...opts });
}

/** The IngestError a file fails with (fails the test when it imports or throws something else). */
export async function failureOf(run: Promise<unknown>): Promise<IngestError> {
  try {
    await run;
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error('the import succeeded, but it should have failed');
}

export function xlsxFailure(name: string, opts: Partial<IngestOptions> = {}): Promise<IngestError> {
  return failureOf(ingestFile(notOkPath(name), { fileName: name, ...opts }));
}

/** Every column of a table as plain values, by column name (the line column included). */
export function columnsOf(table: ColumnTable): Record<string, (number | string | null)[]> {
  return Object.fromEntries(table.specs.map((s) => [s.name, col(table, s.name)]));
}
