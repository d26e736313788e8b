/**
 * Shared helpers of the ingest golden specs. Fixtures are made by fixtures/ingest/build.mjs; every
 * expected figure in the specs is worked out by hand from the fixture text there. Only Date.UTC is
 * used for dates, so the specs give the same answers under any TZ.
 */
import path from 'node:path';
import { cellValue, LINE_COLUMN, type ColumnTable } from '@creator-ops/columnar';
import { ingestFile, type IngestOptions, type IngestResult } from '../ingest';
import { IngestError } from '../messages';
import type { ImportReport } from '../report';

export const FIXTURES = path.join(process.cwd(), 'fixtures', 'ingest');

export function ingestOk(name: string, opts: Partial<IngestOptions> = {}): Promise<IngestResult> {
  return ingestFile(path.join(FIXTURES, 'ok', name), { fileName: name, ...opts });
}

export function ingestNotOk(name: string, opts: Partial<IngestOptions> = {}): Promise<IngestResult> {
  return ingestFile(path.join(FIXTURES, 'not-ok', name), { fileName: name, ...opts });
}

/** The IngestError an import fails with (fails the test when the import succeeds or throws something else). */
export async function ingestFailure(name: string, opts: Partial<IngestOptions> = {}): Promise<IngestError> {
  try {
    await ingestNotOk(name, opts);
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error(`${name} imported, but it should have failed`);
}

/** Days since 1970-01-01 of a calendar date. */
export const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

/** Wall-clock milliseconds of a business-time-zone date and time. */
export const wall = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, m - 1, d, h, mi, s);

/** A column's cells as plain values (null where missing). */
export function col(table: ColumnTable, name: string): (number | string | null)[] {
  const column = table.columns.get(name);
  if (!column) throw new Error(`no column ${name}; have ${[...table.columns.keys()].join(', ')}`);
  return Array.from({ length: table.length }, (_, i) => cellValue(column, i));
}

/** Physical line of each accepted row. */
export const lines = (table: ColumnTable) => col(table, LINE_COLUMN);

/** Rejected rows without their message texts. */
export const rejections = (report: ImportReport) => report.rejected.map(({ line, column, code }) => ({ line, column, code }));

export const skips = (report: ImportReport) => report.skipped.map(({ line, code }) => ({ line, code }));

export const warningCodes = (report: ImportReport) => report.warnings.map((w) => w.code).sort();

export function warning(report: ImportReport, code: string) {
  const found = report.warnings.filter((w) => w.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code} warning, found ${found.length}`);
  return found[0];
}

/** Every record read (preamble, blank and total rows included) is accepted, rejected or skipped, exactly once. */
export function expectRowsAddUp(report: ImportReport) {
  const { read, accepted, rejected, skipped } = report.rows;
  expect(read).toBe(accepted + rejected + skipped);
}
