import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { mergeParts, NumBuilder, type ColumnTable, type ImportPart } from '@creator-ops/columnar';
import { ingestBuffer, type ImportReport } from '@creator-ops/ingest';
import type { TableSet } from '@creator-ops/query';
import { KINDS, type ExportKind } from '@creator-ops/schemas';
import type { ExerciseData, TableVariant } from '../key/build-key';
import type { Exercise } from '../types';
import { datasetPath } from './loader';
import { unpaidAsPaidText } from './unpaid-variant';

/** Buyer keys of exercise data are derived with a fixed secret, so keys are stable between runs. */
const EXERCISE_SECRET = 'creator-ops-exercises';

interface LoadedFile {
  kind: ExportKind;
  bytes: Buffer;
  table: ColumnTable;
  report: ImportReport;
  account?: string;
}

/**
 * Ingests an exercise's datasets like uploads into one workspace (DESIGN §2: the logical table of
 * a kind is the union of its imports de-duplicated by natural key), plus the data variants its
 * alternatives need: period-total rows taken as data, overlapping exports not de-duplicated,
 * unpaid orders counted as paid.
 */
export async function loadExerciseData(exercise: Exercise): Promise<ExerciseData> {
  const files: LoadedFile[] = [];
  for (const ds of exercise.datasets) {
    const bytes = await readFile(datasetPath(exercise, ds.file));
    const { table, report } = await ingestBuffer(bytes, { fileName: ds.file, kind: ds.kind, account: ds.account, secret: EXERCISE_SECRET });
    files.push({ kind: ds.kind, bytes, table, report, account: ds.account });
  }
  const needed = new Set((exercise.question.alternatives ?? []).map((a) => a.tables).filter((t): t is TableVariant => Boolean(t)));
  const variants: ExerciseData['variants'] = {};
  if (needed.has('duplicatesKept')) variants.duplicatesKept = withDuplicates(files);
  if (needed.has('totalRowsAsData')) variants.totalRowsAsData = await withTotalRows(files);
  if (needed.has('unpaidAsPaid')) variants.unpaidAsPaid = await withUnpaidAsPaid(files);
  const totalLabels = [...new Set(files.flatMap((f) => f.report.totalRows.map((t) => t.label)))];
  return { tables: logicalTables(files), variants, totalLabels };
}

function logicalTables(files: { kind: ExportKind; table: ColumnTable; report: ImportReport }[]): TableSet {
  const byKind = new Map<ExportKind, ImportPart[]>();
  files.forEach((f, i) => byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), { id: `part-${i}`, table: f.table, keyFields: f.report.naturalKey }]));
  const tables: TableSet = new Map();
  for (const [kind, parts] of byKind) tables.set(kind, mergeParts(KINDS[kind], parts));
  return tables;
}

/** The order exports with unpaid and closed orders counted as paid (the paid-order rule ignored). */
async function withUnpaidAsPaid(files: LoadedFile[]): Promise<TableSet> {
  const rewritten: LoadedFile[] = [];
  for (const f of files) {
    const text = f.kind === 'order' ? unpaidAsPaidText(f.bytes, f.report) : null;
    if (text === null) {
      rewritten.push(f);
      continue;
    }
    const bytes = Buffer.from(text, 'utf8');
    const { table, report } = await ingestBuffer(bytes, { fileName: 'unpaid-as-paid.csv', kind: f.kind, account: f.account, secret: EXERCISE_SECRET });
    rewritten.push({ ...f, bytes, table, report });
  }
  return logicalTables(rewritten);
}

const ROW_ID = '__exercise_row';

/** Every row of every import kept: what a trainee gets by pasting overlapping exports together. */
function withDuplicates(files: LoadedFile[]): TableSet {
  let next = 0;
  const unique = files.map((f) => {
    const ids = new NumBuilder();
    for (let i = 0; i < f.table.length; i++) ids.set(i, next++);
    const table: ColumnTable = { ...f.table, specs: [...f.table.specs, { name: ROW_ID, role: 'line', valueType: 'int' }], columns: new Map(f.table.columns) };
    table.columns.set(ROW_ID, ids.finish(f.table.length));
    return { kind: f.kind, table, report: { ...f.report, naturalKey: [ROW_ID] } };
  });
  return logicalTables(unique);
}

/**
 * The exports with their period-total rows (全部, 合计) read as one more data row dated like the
 * first data row: what summing a column that includes the export's total gives.
 */
async function withTotalRows(files: LoadedFile[]): Promise<TableSet> {
  const rewritten: LoadedFile[] = [];
  for (const f of files) {
    if (f.report.totalRows.length === 0) {
      rewritten.push(f);
      continue;
    }
    const bytes = Buffer.from(totalRowsAsData(f), 'utf8');
    const { table, report } = await ingestBuffer(bytes, { fileName: 'with-totals.csv', kind: f.kind, account: f.account, secret: EXERCISE_SECRET });
    rewritten.push({ ...f, bytes, table, report });
  }
  return logicalTables(rewritten);
}

function totalRowsAsData(f: LoadedFile): string {
  const encoding = f.report.encoding.startsWith('UTF-8') ? 'utf8' : f.report.encoding;
  const lines = iconv
    .decode(f.bytes, encoding)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const delimiter = f.report.delimiter === 'tab' ? '\t' : f.report.delimiter;
  const parse = (line: string) => Papa.parse<string[]>(line, { delimiter }).data[0] ?? [];
  const header = parse(lines[f.report.headerRow - 1]);
  const dateSource = f.report.mapping.find((m) => m.field === KINDS[f.kind].dateField)?.source;
  const dateIndex = header.findIndex((h) => h.normalize('NFKC').trim() === dateSource);
  const firstData = parse(lines[f.report.headerRow]);
  for (const total of f.report.totalRows) {
    const cells = parse(lines[total.line - 1]);
    if (dateIndex >= 0) cells[dateIndex] = firstData[dateIndex];
    if (dateIndex !== 0 && cells[0]?.trim() === total.label) cells[0] = '';
    lines[total.line - 1] = Papa.unparse([cells], { delimiter });
  }
  return lines.join('\r\n');
}
