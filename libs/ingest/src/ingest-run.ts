/**
 * The state of one import while records stream through, fed alike by the CSV parser (csv/ingest-csv.ts)
 * and the xlsx sheet reader (xlsx/ingest-xlsx.ts); run-report.ts makes its import report at the end.
 */
import type Papa from 'papaparse';
import { KeySpill, LINE_COLUMN, NumBuilder, type ColumnSpec, type ColumnTable } from '@creator-ops/columnar';
import { parseWallClock } from '@creator-ops/format';
import { TOTAL_ROW_TOKENS } from '@creator-ops/schemas';
import { addContextColumns } from './context-columns';
import { FileKeyCheck } from './key-check';
import { IngestRestart, SegmentCollector, type SegmentSink } from './segments';
import { IngestError, type IngestCode } from './messages';
import type { ImportPlan } from './plan';
import { PiiSlot, TextSlot } from './slots';
import { REPORT_LIST_LIMIT, reportMessage, type ImportReport, type RejectedRow, type SkippedRow, type TotalRowCheck } from './report';
import { isNullToken, parseNumericText, unwrapCell } from './values/cells';

export { MAX_CELL_CHARS, planOptions, type ByteRecordView, type IngestOptions, type IngestResult, type RunPart } from './run-types';
import { MAX_CELL_CHARS, type ByteRecordView, type IngestOptions, type RunPart } from './run-types';

/** Field types whose cells are numbers or dates: a label there is not a value. */
const TYPED_FIELDS = new Set(['int', 'decimal', 'money', 'percent', 'date', 'datetime', 'hour']);

/** The state of one import while rows stream through (fed by the CSV parser or the xlsx reader). */
export class IngestRun {
  plan!: ImportPlan;
  /** Physical line (1-based) where the next record starts. */
  line = 1;
  headerLine = 0;
  rowsRead = 0;
  accepted = 0;
  rejectedCount = 0;
  skippedCount = 0;
  rejected: RejectedRow[] = [];
  skipped: SkippedRow[] = [];
  totalRows: TotalRowCheck[] = [];
  warnings: ImportReport['warnings'] = [];
  private recordIndex = 0;
  private readonly pendingTotals: RunPart['pendingTotals'] = [];
  private headerIndex = 0;
  private dateSlotIndex = -1;
  private requiredSlots: number[] = [];
  private typedSlots: number[] = [];
  private sumSlots: number[] = [];
  private readonly lines = new NumBuilder();
  /** Accepted rows after the key check dropped exact repeats. */
  keptRows = 0;
  /** Lines of rows that repeat an earlier row exactly (dropped from the batches at the end). */
  repeatLines = new Set<number>();
  /** Index (among accepted rows) of the current batch's first row. */
  private segmentStart = 0;
  /** Batches handed to the sink so far: dictionary codes remembered by a reader are valid within one batch. */
  batches = 0;
  private specs: ColumnSpec[] | null = null;
  private buyerWritten = false;
  keyCheck!: FileKeyCheck;
  private readonly sink: SegmentSink;
  private readonly segmentRows: number;

  constructor(private readonly opts: IngestOptions) {
    this.sink = opts.sink ?? new SegmentCollector();
    this.segmentRows = opts.segmentRows ?? Infinity;
  }

  /** The whole table when no sink was given (the rows were collected); else the columns without rows. */
  result(): ColumnTable {
    const specs = this.specs ?? [];
    if (!this.opts.sink) return (this.sink as SegmentCollector).table(this.plan.kind.kind, specs, this.repeatLines);
    return { kind: this.plan.kind.kind, length: 0, specs, columns: new Map() };
  }

  start(plan: ImportPlan, headerIndex: number) {
    this.plan = plan;
    this.keyCheck = new FileKeyCheck(plan, this.opts.keySpill ?? new KeySpill(null));
    this.headerIndex = headerIndex;
    this.warnings = [...plan.warnings];
    const slotOf = (field: string) => plan.slots.findIndex((s) => s.field === field);
    this.dateSlotIndex = slotOf(plan.kind.dateField);
    this.requiredSlots = plan.requiredFields.map(slotOf).filter((i) => i >= 0);
    const summable = new Set(plan.kind.fields.filter((f) => f.type === 'int' || f.type === 'money').map((f) => f.key));
    const typed = new Set(plan.kind.fields.filter((f) => TYPED_FIELDS.has(f.type)).map((f) => f.key));
    this.typedSlots = plan.slots.map((s, i) => (s.field && typed.has(s.field) ? i : -1)).filter((i) => i >= 0);
    this.sumSlots = plan.slots.map((s, i) => (s.field && summable.has(s.field) && s.addToSum ? i : -1)).filter((i) => i >= 0);
  }

  consume(rows: string[][], errors: Papa.ParseError[]) {
    const rowErrors = new Map<number, Papa.ParseError>();
    for (const e of errors) if (e.row !== undefined && e.row !== null) rowErrors.set(e.row, e);
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      const line = this.line;
      let newlines = 0;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (cell.length > MAX_CELL_CHARS) throw new IngestError('CELL_TOO_LARGE', { line, max: MAX_CELL_CHARS });
        if (cell.length > 0 && cell.indexOf('\n') !== -1) newlines += countNewlines(cell);
      }
      this.line += 1 + newlines;
      const error = rowErrors.get(r);
      if (error?.code === 'MissingQuotes') throw new IngestError('CSV_UNCLOSED_QUOTE', { line });
      this.record(cells, line, error ? 'CSV_INVALID_QUOTES' : null);
    }
  }

  /**
   * One record at its physical line: the header, a preamble, blank or sub-header row, or data.
   * `rowCode` rejects the row as a whole (malformed quotes); `cellCodes` rejects it at a column
   * whose cell the reader already knows to be bad (an xlsx id that lost digits), in column order.
   */
  record(cells: string[], line: number, rowCode: IngestCode | null = null, cellCodes?: Map<number, IngestCode>) {
    const index = this.recordIndex++;
    if (index === this.headerIndex) {
      this.headerLine = line;
      return;
    }
    this.rowsRead++;
    if (index < this.headerIndex) {
      this.skip(line, 'SKIP_PREAMBLE');
      return;
    }
    if (cells.every((c) => c.trim() === '')) {
      this.skip(line, 'SKIP_BLANK');
      return;
    }
    if (rowCode) {
      this.reject(line, null, rowCode, {});
      return;
    }
    if (index === this.headerIndex + 1 && this.isSubHeader(cells)) {
      this.skip(line, 'SKIP_SUBHEADER');
      return;
    }
    this.acceptRow(cells, line, cellCodes);
  }

  /**
   * `record` for a record of the byte reader: data rows are read from the bytes (the same checks, in
   * the same order); the header, the rows around it and malformed or ragged rows go through `record`.
   */
  recordBytes(rec: ByteRecordView, line: number, invalidQuotes: boolean) {
    const slots = this.plan.slots;
    const count = rec.count;
    if (invalidQuotes || this.recordIndex <= this.headerIndex + 1 || count < slots.length || (count > slots.length && !rec.isBlankFrom(slots.length))) {
      this.record(rec.strings(), line, invalidQuotes ? 'CSV_INVALID_QUOTES' : null);
      return;
    }
    this.recordIndex++;
    this.rowsRead++;
    if (rec.isBlank()) {
      this.skip(line, 'SKIP_BLANK');
      return;
    }
    if (rec.mayBeLabel(0) || (this.dateSlotIndex >= 0 && rec.mayBeLabel(this.dateSlotIndex))) {
      const cells = rec.strings();
      const label = this.totalLabel(cells);
      if (label !== null) {
        this.recordTotal(cells, line, label);
        return;
      }
    }
    const row = this.accepted - this.segmentStart;
    const failed = rec.acceptInto(row, this.batches);
    if (failed >= 0) this.reject(line, slots[failed].source, rec.code!, { value: preview(rec.text(failed)) });
    else this.commit(row, line);
  }

  /**
   * A row right under the header that labels the columns again (units, explanations, English
   * names: 结算账单 has one): every non-empty cell is a label rather than a number or a date, there
   * are at least two, and at least one sits in a number or date column (so as data the row could
   * only be rejected). Conservative on purpose: one parsable value in any typed column, or a
   * total-row label, and the row is treated as data.
   */
  private isSubHeader(cells: string[]): boolean {
    if (this.typedSlots.length === 0 || this.totalLabel(cells) !== null) return false;
    let labels = 0;
    for (const raw of cells) {
      const text = unwrapCell(raw);
      if (isNullToken(text)) continue;
      if (looksLikeValue(text)) return false;
      labels++;
    }
    if (labels < 2) return false;
    return this.typedSlots.some((i) => !isNullToken(unwrapCell(cells[i] ?? '')));
  }

  private acceptRow(cells: string[], line: number, cellCodes?: Map<number, IngestCode>) {
    const slots = this.plan.slots;
    const totalLabel = this.totalLabel(cells);
    if (totalLabel !== null) {
      this.recordTotal(cells, line, totalLabel);
      return;
    }
    if (cells.length > slots.length && cells.slice(slots.length).some((c) => c.trim() !== '')) {
      this.reject(line, null, 'ROW_TOO_MANY_FIELDS', { count: cells.length, expected: slots.length });
      return;
    }
    if (cells.length < slots.length) {
      this.reject(line, null, 'ROW_TOO_FEW_FIELDS', { count: cells.length, expected: slots.length });
      return;
    }
    const row = this.accepted - this.segmentStart;
    for (let c = 0; c < slots.length; c++) {
      const code = cellCodes?.get(c) ?? slots[c].accept(row, cells[c]);
      if (code !== null) {
        this.reject(line, slots[c].source, code, { value: preview(cells[c]) });
        return;
      }
    }
    this.commit(row, line);
  }

  /** A row whose cells are written: checked for its required fields, then counted in. */
  private commit(row: number, line: number) {
    const slots = this.plan.slots;
    for (const i of this.requiredSlots) {
      if (slots[i].isNull(row)) {
        this.reject(line, slots[i].source, 'KEY_MISSING', { field: slots[i].field ?? '' });
        return;
      }
    }
    for (const i of this.sumSlots) slots[i].addToSum!(row);
    this.lines.set(row, line);
    this.accepted++;
    if (row + 1 >= this.segmentRows) this.flush();
  }

  /** A total row says so in its first cell or its date cell. */
  private totalLabel(cells: string[]): string | null {
    const first = unwrapCell(cells[0] ?? '');
    if (TOTAL_ROW_TOKENS.has(first)) return first;
    if (this.dateSlotIndex >= 0) {
      const date = unwrapCell(cells[this.dateSlotIndex] ?? '');
      if (TOTAL_ROW_TOKENS.has(date)) return date;
    }
    return null;
  }

  /** Total rows are valued once the columns are finished (a percent column's shape is known only then). */
  private recordTotal(cells: string[], line: number, label: string) {
    this.pendingTotals.push({ line, label, cells });
    this.skip(line, 'SKIP_TOTAL', { value: label });
  }

  private valueTotals() {
    for (const { line, label, cells } of this.pendingTotals) {
      const values: Record<string, number | null> = {};
      this.plan.slots.forEach((slot, c) => {
        if (slot.field && slot.peek && c !== this.dateSlotIndex) values[slot.field] = slot.peek(cells[c] ?? '');
      });
      this.totalRows.push({ line, label, values });
    }
  }

  private skip(line: number, code: IngestCode, params: Record<string, string> = {}) {
    this.skippedCount++;
    if (this.skipped.length < REPORT_LIST_LIMIT) this.skipped.push({ line, code, reason: reportMessage(code, params).message });
  }

  private reject(line: number, column: string | null, code: IngestCode, params: Record<string, string | number>) {
    this.rejectedCount++;
    if (this.rejected.length < REPORT_LIST_LIMIT) this.rejected.push({ line, column, ...reportMessage(code, params) });
  }

  /** Ends the import: the last batch goes to the sink; returns the columns every batch has. */
  finish(): ColumnSpec[] {
    if (this.headerLine === 0) throw new IngestError('NO_HEADER', { rows: this.headerIndex + 1 });
    this.flush();
    const repeats = this.keyCheck.resolve();
    for (const r of repeats) this.skip(r.line, 'SKIP_REPEATED_ROW', { value: String(r.of) });
    this.repeatLines = new Set(repeats.map((r) => r.line));
    this.keptRows = this.accepted - repeats.length;
    for (const slot of this.plan.slots) slot.finish(this.warnings);
    if (this.plan.derivedBuyer && this.buyerDropped()) {
      this.warnings = this.warnings.filter((w) => w.code !== 'BUYER_KEY_DERIVED');
      this.warnings.push(reportMessage('BUYER_KEY_MASKED', { count: this.buyerSource()?.masked ?? 0 }));
    }
    if (repeats.length) this.warnings.push(reportMessage('REPEATED_ROWS_SKIPPED', { count: repeats.length }));
    this.valueTotals();
    this.checkTotals();
    this.warnPersonalData();
    return this.specs!;
  }

  /** The rows accepted since the last batch become a batch: columns, repeats of earlier rows dropped, to the sink. */
  private flush(): void {
    const length = this.accepted - this.segmentStart;
    if (length === 0 && this.specs) return;
    const table = this.batchTable(length);
    this.keyCheck.record(table, (row) => this.lines.get(row));
    this.lines.reset();
    this.segmentStart = this.accepted;
    this.batches++;
    this.specs ??= table.specs;
    this.sink.add(table);
  }

  /** The header and the row under it (a possible sub-header) are read: the records from here on are data. */
  get pastFirstRow(): boolean {
    return this.recordIndex >= this.headerIndex + 2;
  }

  /** This run reads a later part of the file, from a record boundary at physical line `line` (csv/parallel.ts). */
  continueFrom(line: number): void {
    this.line = line;
    this.headerLine = -1;
    this.recordIndex = this.headerIndex + 2;
  }

  /** The end of a part: its last batch goes to the sink; what the report and the checks need of it. */
  endPart(): RunPart {
    this.flush();
    return {
      line: this.line,
      rowsRead: this.rowsRead,
      accepted: this.accepted,
      rejectedCount: this.rejectedCount,
      skippedCount: this.skippedCount,
      rejected: this.rejected,
      skipped: this.skipped,
      pendingTotals: this.pendingTotals,
      buyerWritten: this.buyerWritten,
      slots: this.plan.slots.map((s) => s.state()),
      keys: this.keyCheck.spill.handOver(),
    };
  }

  /**
   * The part that follows this run's last record, read elsewhere: its counts and column decisions
   * join this run's (a decision the two parts took differently restarts the import, as a batch would).
   * Its batches then come through `addBatch`, in order.
   */
  absorb(part: RunPart): void {
    this.endOwnRows();
    this.plan.slots.forEach((slot, i) => slot.absorb(part.slots[i]));
    if (this.plan.derivedBuyer && this.buyerDropped() && (this.buyerWritten || part.buyerWritten)) throw new IngestRestart({ dropBuyer: true });
    this.buyerWritten ||= part.buyerWritten;
    this.line = part.line;
    this.rowsRead += part.rowsRead;
    this.rejectedCount += part.rejectedCount;
    this.skippedCount += part.skippedCount;
    this.rejected = [...this.rejected, ...part.rejected].slice(0, REPORT_LIST_LIMIT);
    this.skipped = [...this.skipped, ...part.skipped].slice(0, REPORT_LIST_LIMIT);
    this.pendingTotals.push(...part.pendingTotals);
    this.recordIndex += part.rowsRead;
    this.keyCheck.spill.absorb(part.keys);
  }

  /** A batch of the absorbed part (its keys came with the part): handed to the sink. */
  addBatch(table: ColumnTable): void {
    if (table.length === 0 && this.specs) return;
    this.accepted += table.length;
    this.segmentStart = this.accepted;
    this.batches++;
    this.specs ??= table.specs;
    this.sink.add(table);
  }

  /** This run's own records are read (a part read elsewhere follows): its last rows go to the sink as a batch now. */
  endOwnRows(): void {
    if (this.accepted > this.segmentStart) this.flush();
  }

  /**
   * The part's stream file while it is written (its first `written` bytes final): the sink may copy them
   * ahead of `addStream` (true). Only after `endOwnRows`, before `absorb`.
   */
  async copyAhead(path: string, written: number): Promise<boolean> {
    if (this.accepted > this.segmentStart) throw new Error('IngestRun: copyAhead before endOwnRows');
    return Boolean(this.specs && this.sink.addStream && this.sink.copyAhead && (await this.sink.copyAhead(path, written)));
  }

  /** The absorbed part's batches as one stream file, when the sink takes it whole; false: add them through `addBatch`. */
  async addStream(path: string, rows: number, observed?: unknown): Promise<boolean> {
    if (!this.specs || !this.sink.addStream || !(await this.sink.addStream(path, rows, observed))) return false;
    this.accepted += rows;
    this.segmentStart = this.accepted;
    this.batches++;
    return true;
  }

  private batchTable(length: number): ColumnTable {
    const table: ColumnTable = { kind: this.plan.kind.kind, length, specs: [], columns: new Map() };
    for (const slot of this.plan.slots) slot.flush(length, table);
    const { accountConstant, derivedBuyer } = this.plan;
    if (accountConstant) {
      const codes = new Int32Array(length).fill(accountConstant.value === null ? -1 : 0);
      table.specs.push({ name: 'account', role: 'field', valueType: 'string' });
      table.columns.set('account', { type: 'dict', codes, dict: accountConstant.value === null ? [] : [accountConstant.value] });
    }
    if (derivedBuyer && !this.buyerDropped()) {
      table.specs.push({ name: 'buyer_id', role: 'field', valueType: 'id' });
      table.columns.set('buyer_id', derivedBuyer.finish(length));
      this.buyerWritten = true;
    } else if (derivedBuyer && this.buyerWritten) {
      // Batches with buyer keys are written and a masked phone turned up: start again without keys.
      throw new IngestRestart({ dropBuyer: true });
    }
    derivedBuyer?.reset();
    addContextColumns(table, this.plan);
    table.specs.push({ name: LINE_COLUMN, role: 'line', valueType: 'int' });
    table.columns.set(LINE_COLUMN, this.lines.finish(length));
    return table;
  }

  private buyerSource(): PiiSlot | undefined {
    return this.plan.slots.find((s): s is PiiSlot => s instanceof PiiSlot && s.masked > 0);
  }

  /** A buyer key is kept only when no cell of its source was masked. */
  private buyerDropped(): boolean {
    return Boolean(this.opts.hints?.dropBuyer) || this.buyerSource() !== undefined;
  }

  private warnPersonalData() {
    const redacted = this.plan.slots.filter((s) => 'redacted' in s && (s as { redacted: number }).redacted > 0);
    if (redacted.length) {
      const count = redacted.reduce((n, s) => n + (s as unknown as { redacted: number }).redacted, 0);
      this.warnings.push(reportMessage('PII_CELLS_REDACTED', { count, columns: redacted.map((s) => s.source).join(', ') }));
    }
    const masked = this.plan.slots.filter((s): s is TextSlot => s instanceof TextSlot && s.masked > 0);
    if (masked.length) {
      this.warnings.push(
        reportMessage('PII_TEXT_MASKED', { count: masked.reduce((n, s) => n + s.masked, 0), columns: masked.map((s) => s.source).join(', ') }),
      );
    }
    const scrubbed = this.plan.slots.filter((s): s is TextSlot => s instanceof TextSlot && s.scrubbed > 0);
    if (scrubbed.length)
      this.warnings.push(
        reportMessage('PII_TEXT_SCRUBBED', { count: scrubbed.reduce((n, s) => n + s.scrubbed, 0), columns: scrubbed.map((s) => s.source).join(', ') }),
      );
  }

  /** Compares each total row's counts and amounts with the sums of the accepted rows. */
  private checkTotals() {
    if (this.totalRows.length !== 1) return;
    const [total] = this.totalRows;
    const matched: string[] = [];
    for (const i of this.sumSlots) {
      const slot = this.plan.slots[i];
      const expected = total.values[slot.field!];
      if (expected === null || expected === undefined) continue;
      const actual = slot.sum ?? 0;
      if (Math.abs(expected - actual) > 1e-6) this.warnings.push(reportMessage('TOTAL_MISMATCH', { field: slot.field!, total: expected, sum: actual }));
      else matched.push(slot.field!);
    }
    if (matched.length) this.warnings.push(reportMessage('TOTAL_MATCHED', { fields: matched.join(', ') }));
  }
}

/** A number (any unit or notation the parsers know) or a date: not a column label. */
function looksLikeValue(text: string): boolean {
  if (parseNumericText(text) !== null) return true;
  const date = parseWallClock(text);
  return 'wall' in date || date.error === 'DATE_OUT_OF_RANGE';
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** A rejected cell as quoted back in the report: shortened, and never a phone number. */
function preview(cell: string): string {
  const s = cell.replace(/\s+/g, ' ').trim().replace(PHONE_IN_TEXT, '***********');
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

const PHONE_IN_TEXT = /(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}/g;
