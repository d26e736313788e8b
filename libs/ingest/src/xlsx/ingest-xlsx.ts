/**
 * xlsx exports through the CSV pipeline (DESIGN §3, issue 5): the archive is pre-scanned
 * (archive.ts), the workbook's parts are read with exceljs (workbook.ts), a sheet is chosen, its
 * rows stream through exceljs's SAX layer (sheet-reader.ts), each row becomes the cell texts a CSV
 * export would hold (cells.ts), and from there it is the same header search, kind detection, plan,
 * IngestRun and import report as for CSV (delimiter `xlsx`, the sheet named in `report.sheet`).
 * Records are sheet rows: a record's line is its row number, and rows the sheet leaves out are
 * blank records, as in Excel's own CSV export. Numbers in date/datetime columns are read as Excel
 * serials only here, never in a CSV.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KINDS } from '@creator-ops/schemas';
import { detectKind, MIN_MATCHED_FIELDS, scoreKinds } from '../kind-detect';
import { IngestRun, MAX_CELL_CHARS, planOptions, type IngestOptions, type IngestResult } from '../ingest-run';
import { runReport } from '../run-report';
import { IngestError, type IngestCode } from '../messages';
import { buildPlan } from '../plan';
import { reportMessage, type ImportReport, type ReportMessage } from '../report';
import { findHeaderInRows, HEADER_SEARCH_ROWS, searchHeader } from '../sniff';
import { XLSX_LIMITS, XlsxArchive, type ArchiveLimits, type ArchiveSource } from './archive';
import { CellConverter, type ColumnMode, type ConvertedCell } from './cells';
import type { SheetRow } from './sheet-reader';
import { XlsxBook, type SheetInfo } from './workbook';

interface Provenance {
  bytes: number;
  sha256: string;
}

/** Imports an xlsx from a file or a buffer; `limits` only for tests. */
export async function ingestXlsx(
  source: ArchiveSource,
  opts: IngestOptions,
  provenance?: Provenance,
  limits: ArchiveLimits = XLSX_LIMITS,
): Promise<IngestResult> {
  const archive = await XlsxArchive.open(source, limits);
  try {
    const book = await XlsxBook.open(archive);
    const { sheet, warning } = await chooseSheet(book, opts);
    const result = await readSheet(book, sheet, archive.bytes, opts, provenance ?? (await provenanceOf(source)));
    if (warning) result.report.warnings.unshift(warning);
    return result;
  } finally {
    archive.close();
  }
}

/**
 * An xlsx arriving as a stream (its first bytes already read): spooled to a temporary file, since a
 * ZIP is read from its end (the central directory). The spool is bounded by the archive limit.
 */
export async function ingestXlsxStream(
  head: Buffer,
  rest: { next(): Promise<IteratorResult<Buffer>> } | null,
  hash: Hash,
  opts: IngestOptions,
  close?: () => unknown,
): Promise<IngestResult> {
  const dir = await mkdtemp(join(tmpdir(), 'creator-ops-xlsx-'));
  try {
    const path = join(dir, 'upload.xlsx');
    const file = await open(path, 'w');
    let bytes = 0;
    try {
      for (let chunk: Buffer | null = head; chunk;) {
        bytes += chunk.length;
        if (bytes > XLSX_LIMITS.archiveBytes) {
          await close?.();
          throw new IngestError('XLSX_TOO_LARGE', { size: Math.ceil(bytes / 2 ** 20), max: Math.ceil(XLSX_LIMITS.archiveBytes / 2 ** 20) });
        }
        await file.write(chunk);
        const next: IteratorResult<Buffer> | null = rest ? await rest.next() : null;
        chunk = next && !next.done ? next.value : null;
      }
    } finally {
      await file.close();
    }
    return await ingestXlsx({ path }, opts, { bytes, sha256: hash.digest('hex') });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function provenanceOf(source: ArchiveSource): Promise<Provenance> {
  const hash = createHash('sha256');
  if ('buffer' in source) return { bytes: source.buffer.length, sha256: hash.update(source.buffer).digest('hex') };
  let bytes = 0;
  for await (const chunk of createReadStream(source.path) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    hash.update(chunk);
  }
  return { bytes, sha256: hash.digest('hex') };
}

// ------------------------------------------------------------------------------ sheet choice

/** A sheet named by the caller (by name, or by 1-based position), or the one whose headers match best. */
async function chooseSheet(book: XlsxBook, opts: IngestOptions): Promise<{ sheet: SheetInfo; warning?: ReportMessage }> {
  const sheets = book.sheets;
  if (sheets.length === 0) throw new IngestError('XLSX_NOT_SUPPORTED');
  if (opts.sheet !== undefined && opts.sheet.trim() !== '') return { sheet: findSheet(sheets, opts.sheet) };
  if (sheets.length === 1) return { sheet: sheets[0] };
  let best: { sheet: SheetInfo; score: number } | null = null;
  for (const sheet of sheets) {
    const score = await sheetScore(book, sheet, opts);
    if (score === null) continue;
    if (!best || score > best.score || (score === best.score && best.sheet.hidden && !sheet.hidden)) best = { sheet, score };
  }
  // No sheet has a known header: the first one is read, and fails the way a CSV would.
  if (!best) return { sheet: sheets.find((s) => !s.hidden) ?? sheets[0] };
  const others = sheets.filter((s) => s !== best!.sheet).map((s) => s.name);
  return { sheet: best.sheet, warning: reportMessage('SHEET_CHOSEN', { count: sheets.length, sheet: best.sheet.name, others: others.join('、') }) };
}

function findSheet(sheets: SheetInfo[], wanted: string): SheetInfo {
  const name = wanted.trim();
  const found =
    sheets.find((s) => s.name === wanted) ??
    sheets.find((s) => s.name.trim() === name) ??
    sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase()) ??
    (/^\d+$/.test(name) ? sheets.find((s) => s.index === Number(name)) : undefined);
  if (!found) throw new IngestError('XLSX_SHEET_NOT_FOUND', { sheet: wanted, sheets: sheets.map((s) => s.name).join('、') });
  return found;
}

/** How well a sheet's header row matches a kind (the caller's kind, if named); null when it does not. */
async function sheetScore(book: XlsxBook, sheet: SheetInfo, opts: IngestOptions): Promise<number | null> {
  const converter = new CellConverter(book.date1904);
  const head: string[][] = [];
  for await (const record of records(book.rows(sheet))) {
    head.push(rowTexts(record.row, converter, null).cells);
    if (head.length >= HEADER_SEARCH_ROWS) break;
  }
  const candidate = searchHeader(head, null);
  if (!candidate) return null;
  const scores = scoreKinds(candidate.headers);
  const own = opts.kind ? scores.find((s) => s.kind === opts.kind) : scores[0];
  if (!own || own.matched.length < (opts.kind ? 1 : MIN_MATCHED_FIELDS)) return null;
  return own.score;
}

// ------------------------------------------------------------------------------ sheet rows

interface SheetRecord {
  /** Sheet row number (1-based): the record's line in the report. */
  line: number;
  /** null for a row the sheet leaves out (a blank record). */
  row: SheetRow | null;
}

/** Sheet rows as records, the rows left out filled in as blanks (as Excel's CSV export writes them). */
async function* records(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRecord> {
  let expected = 1;
  for await (const row of rows) {
    const n = row.number >= expected ? row.number : expected;
    while (expected < n) yield { line: expected++, row: null };
    yield { line: n, row };
    expected = n + 1;
  }
}

interface RowTexts {
  cells: string[];
  /** Columns (0-based) whose cell held an Excel error value. */
  errors: number[] | null;
  /** Columns whose cell rejects the row (an id that lost digits). */
  codes: Map<number, IngestCode> | undefined;
}

const scratch: ConvertedCell = { text: '', error: false, precisionLost: false };

/** The cell texts of a row; `modes` (per column, once the header is mapped) says how numbers read. */
function rowTexts(row: SheetRow | null, converter: CellConverter, modes: ColumnMode[] | null): RowTexts {
  let errors: number[] | null = null;
  let codes: Map<number, IngestCode> | undefined;
  if (!row) return { cells: [], errors, codes };
  const { values, formats } = row;
  const cells = new Array<string>(values.length);
  for (let c = 0; c < values.length; c++) {
    const value = values[c];
    if (value === undefined) {
      cells[c] = '';
      continue;
    }
    converter.convert(value, formats[c], modes?.[c] ?? 'plain', scratch);
    cells[c] = scratch.text;
    if (scratch.error) (errors ??= []).push(c);
    if (scratch.precisionLost) (codes ??= new Map()).set(c, 'ID_PRECISION_LOST');
  }
  return { cells, errors, codes };
}

async function readSheet(book: XlsxBook, sheet: SheetInfo, archiveBytes: number, opts: IngestOptions, provenance: Provenance): Promise<IngestResult> {
  const converter = new CellConverter(book.date1904);
  let inflated = 0;
  const rows = book.rows(sheet, (n) => (inflated = n));
  const iterator = records(rows)[Symbol.asyncIterator]();
  try {
    // The first records decide the header row, as the first 256 KiB of a CSV do.
    const head: SheetRecord[] = [];
    let exhausted = false;
    while (head.length < HEADER_SEARCH_ROWS) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      head.push(next.value);
    }
    const headTexts = head.map((r) => rowTexts(r.row, converter, null).cells);
    if (exhausted && headTexts.every((cells) => cells.every((c) => c.trim() === ''))) throw new IngestError('EMPTY_FILE');
    const header = findHeaderInRows(headTexts);
    // Excel's CSV export writes every row as wide as the sheet's used range.
    const width = Math.max(...headTexts.map((cells) => cells.length));
    const headers = [...header.headers];
    while (headers.length < width) headers.push('');
    const detection = detectKind(headers, opts.kind);
    const plan = buildPlan(detection.kind, headers, planOptions(opts));
    const run = new IngestRun(opts);
    run.start(plan, header.headerIndex);
    const types = new Map(KINDS[detection.kind].fields.map((f) => [f.key, f.type]));
    const modes: ColumnMode[] = plan.slots.map((slot) => {
      const type = slot.field ? types.get(slot.field) : undefined;
      return type === 'date' || type === 'datetime' ? 'date' : type === 'id' ? 'id' : 'plain';
    });

    const errorCells = new Map<number, number>();
    let count = 0;
    const feed = (record: SheetRecord) => {
      const { cells, errors, codes } = rowTexts(record.row, converter, modes);
      for (let c = 0; c < cells.length; c++) {
        if (cells[c].length > MAX_CELL_CHARS) throw new IngestError('CELL_TOO_LARGE', { line: record.line, max: MAX_CELL_CHARS });
      }
      while (cells.length < plan.slots.length) cells.push('');
      if (errors) for (const c of errors) errorCells.set(c, (errorCells.get(c) ?? 0) + 1);
      run.record(cells, record.line, null, codes);
      if (opts.onProgress && ++count % 2048 === 0) {
        const total = sheet.entry.uncompressedSize || 1;
        opts.onProgress({ bytes: Math.round((archiveBytes * Math.min(inflated, total)) / total), rows: run.rowsRead });
      }
    };
    for (const record of head) feed(record);
    if (!exhausted) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        feed(next.value);
      }
    }

    run.finish();
    const report: ImportReport = runReport(run, detection, {
      file: opts.fileName,
      source: provenance,
      sheet: sheet.name,
      encoding: 'UTF-8',
      delimiter: 'xlsx',
    });
    if (errorCells.size > 0) {
      const columns = [...errorCells.keys()].sort((a, b) => a - b).map((c) => plan.slots[c]?.source ?? `column_${c + 1}`);
      const total = [...errorCells.values()].reduce((a, b) => a + b, 0);
      report.warnings.push(reportMessage('XLSX_ERROR_CELLS', { count: total, columns: columns.join(', ') }));
    }
    return { table: run.result(), report, keys: run.keyCheck.spill, repeatLines: run.repeatLines };
  } finally {
    await iterator.return?.(undefined);
  }
}
