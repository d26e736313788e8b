/**
 * Records of the byte scanner into an IngestRun: physical lines counted as the text reader counted them
 * (a line break inside a cell is a line), cells checked for size, then each data cell read from its
 * bytes: a fast path for plain numbers, dates and ids, else the slot's outcome for that exact cell text,
 * worked out once per distinct text per column (ByteMemo) and applied to every equal cell.
 */
import { IngestRun, MAX_CELL_CHARS, type ByteRecordView } from '../ingest-run';
import { IngestError, type IngestCode } from '../messages';
import type { CellOutcome, Slot } from '../slots';
import { ByteMemo, hashBytes } from '../values/byte-memo';
import { FIELD_UNESCAPE, ROW_INVALID_QUOTES, ROW_MISSING_QUOTES, type RecordSink } from './scanner';

/** Distinct cells remembered per column before the memo is checked: kept (cleared) when it pays, else dropped. */
const MEMO_LIMIT = 1 << 16;

export class ByteRecords implements RecordSink, ByteRecordView {
  count = 0;
  code: IngestCode | null = null;
  private buf: Buffer = Buffer.alloc(0);
  private fields: Int32Array = new Int32Array(0);
  private readonly slots: Slot[];
  /** Per column: outcomes of cells as written, and of quoted cells holding `""` (the same bytes read differently). */
  private readonly memos: (ByteMemo<CellOutcome> | null)[];
  private batch = 0;
  private readonly escapedMemos: (ByteMemo<CellOutcome> | null)[];

  constructor(private readonly run: IngestRun) {
    this.slots = run.plan.slots;
    this.memos = this.slots.map(() => new ByteMemo<CellOutcome>());
    this.escapedMemos = this.slots.map(() => new ByteMemo<CellOutcome>());
  }

  record(buf: Buffer, fields: Int32Array, count: number, error: number): void {
    this.buf = buf;
    this.fields = fields;
    this.count = count;
    const run = this.run;
    const line = run.line;
    for (let c = 0; c < count; c++) {
      if (fields[3 * c + 1] - fields[3 * c] > MAX_CELL_CHARS && this.text(c).length > MAX_CELL_CHARS) {
        throw new IngestError('CELL_TOO_LARGE', { line, max: MAX_CELL_CHARS });
      }
    }
    run.line += 1 + this.newlines();
    if (error === ROW_MISSING_QUOTES) throw new IngestError('CSV_UNCLOSED_QUOTE', { line });
    run.recordBytes(this, line, error === ROW_INVALID_QUOTES);
  }

  /** Line breaks inside the cells (not those between a closing quote and the delimiter, which no cell holds). */
  private newlines(): number {
    const { buf, fields, count } = this;
    const end = fields[3 * count - 2];
    const first = buf.indexOf(10, fields[0]);
    if (first === -1 || first >= end) return 0;
    let n = 0;
    for (let c = 0; c < count; c++) {
      const e = fields[3 * c + 1];
      for (let i = buf.indexOf(10, fields[3 * c]); i !== -1 && i < e; i = buf.indexOf(10, i + 1)) n++;
    }
    return n;
  }

  strings(): string[] {
    const cells: string[] = new Array<string>(this.count);
    for (let c = 0; c < this.count; c++) cells[c] = this.text(c);
    return cells;
  }

  text(c: number): string {
    const s = this.buf.toString('utf8', this.fields[3 * c], this.fields[3 * c + 1]);
    return this.fields[3 * c + 2] & FIELD_UNESCAPE ? s.replace(/""/g, '"') : s;
  }

  isBlank(): boolean {
    return this.isBlankFrom(0);
  }

  isBlankFrom(from: number): boolean {
    const { buf, fields } = this;
    for (let c = from; c < this.count; c++) {
      let wide = false;
      for (let i = fields[3 * c]; i < fields[3 * c + 1]; i++) {
        const b = buf[i];
        if (b >= 0x80) wide = true;
        else if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
      }
      if (wide && this.text(c).trim() !== '') return false;
    }
    return true;
  }

  /**
   * Total-row labels (合计, Total, Sum, …) start with a non-ASCII byte or T, t, S; `unwrapCell` can
   * strip only tabs, `="` and whitespace before them. Any other first ASCII byte: no label.
   */
  mayBeLabel(c: number): boolean {
    if (c >= this.count) return false;
    const buf = this.buf;
    const end = this.fields[3 * c + 1];
    let i = this.fields[3 * c];
    while (i < end && buf[i] === 9) i++;
    if (i === end) return false;
    const b = buf[i];
    return b >= 0x80 || b === 84 || b === 116 || b === 83 || b === 61 || b === 0x20 || (b >= 0x09 && b <= 0x0d);
  }

  acceptInto(row: number, batch: number): number {
    if (batch !== this.batch) {
      // Outcomes hold dictionary codes, and every batch starts its dictionaries afresh.
      this.batch = batch;
      for (const memo of [...this.memos, ...this.escapedMemos]) memo?.clear();
    }
    const slots = this.slots;
    for (let c = 0; c < slots.length; c++) {
      const code = this.accept(c, row);
      if (code !== null) {
        this.code = code;
        return c;
      }
    }
    return -1;
  }

  private accept(c: number, row: number): IngestCode | null {
    const slot = this.slots[c];
    const { buf, fields } = this;
    const start = fields[3 * c];
    const end = fields[3 * c + 1];
    const escaped = (fields[3 * c + 2] & FIELD_UNESCAPE) !== 0;
    if (!escaped && slot.acceptBytes) {
      const code = slot.acceptBytes(row, buf, start, end);
      if (code !== undefined) return code;
    }
    const memos = escaped ? this.escapedMemos : this.memos;
    const memo = memos[c];
    if (memo === null) return slot.apply(row, slot.resolve(this.text(c), true));
    const hash = hashBytes(buf, start, end);
    let outcome = memo.get(buf, start, end, hash);
    if (outcome === undefined) {
      outcome = slot.resolve(this.text(c), true);
      if (memo.size >= MEMO_LIMIT) {
        if (memo.hits * 2 < memo.lookups) memos[c] = null;
        else memo.clear();
      }
      memos[c]?.set(buf, start, end, hash, outcome);
    }
    return slot.apply(row, outcome);
  }
}
