import { DictBuilder, NumBuilder, type Column, type ColumnSpec, type ColumnTable } from '@creator-ops/columnar';
import type { FieldDef, HeaderUnit } from '@creator-ops/schemas';
import type { IngestCode } from './messages';
import { isNullToken, unwrapCell } from './values/cells';
import { NumericColumnParser, parsePercentCell, type Parsed } from './values/field-parsers';
import { buyerKeyer, looksLikePhone, maskPersonalText } from './pii';
import { scrubFreeText } from './pii-text';
import { reportMessage, type MappingEntry, type ReportMessage } from './report';
import { IngestRestart } from './segments';

/** One source column's handling during an import: parse each cell and write it at a row. */
export interface Slot {
  readonly source: string;
  readonly field: string | null;
  /** Writes the cell at `row`; returns an error code to reject the row. */
  accept(row: number, raw: string): IngestCode | null;
  isNull(row: number): boolean;
  /** The stored value of a total row's cell (for cross-checks), without writing it. */
  peek?(raw: string): number | null;
  /** Adds the accepted row's value to the running column sum (for the total-row cross-check). */
  sum?: number;
  addToSum?(row: number): void;
  /** Puts the column of the batch's first `length` rows into `table` and empties the slot for the next batch. */
  flush(length: number, table: ColumnTable): void;
  /** What the slot has to say once every row is read. */
  finish(warnings: ReportMessage[]): void;
  mapping(): MappingEntry;
}

function putColumn(table: ColumnTable, spec: ColumnSpec, column: Column) {
  table.specs.push(spec);
  table.columns.set(spec.name, column);
}

/** ints, decimals, money, hours, dates, datetimes. */
export class NumSlot implements Slot {
  private readonly builder = new NumBuilder();
  sum = 0;

  constructor(
    readonly source: string,
    private readonly def: FieldDef,
    private readonly parse: (text: string) => Parsed<number>,
    private readonly numeric?: NumericColumnParser,
  ) {}

  get field(): string {
    return this.def.key;
  }

  accept(row: number, raw: string): IngestCode | null {
    const text = unwrapCell(raw);
    if (isNullToken(text)) {
      this.builder.setNull(row);
      return null;
    }
    const r = this.parse(text);
    if (!r.ok) return r.code;
    this.builder.set(row, r.value);
    return null;
  }

  isNull(row: number): boolean {
    return !this.builder.isSet(row);
  }

  peek(raw: string): number | null {
    const text = unwrapCell(raw);
    if (isNullToken(text)) return null;
    const r = this.parse(text);
    return r.ok ? r.value : null;
  }

  addToSum(row: number): void {
    if (this.builder.isSet(row)) this.sum += this.builder.get(row);
  }

  flush(length: number, table: ColumnTable): void {
    putColumn(table, { name: this.def.key, role: 'field', valueType: this.def.type, source: this.source }, this.builder.finish(length));
    this.builder.reset();
  }

  finish(warnings: ReportMessage[]): void {
    if (this.numeric && this.numeric.subCentCount > 0)
      warnings.push(reportMessage('MONEY_SUB_CENT', { source: this.source, count: this.numeric.subCentCount }));
  }

  mapping(): MappingEntry {
    const scale = this.numeric?.scale;
    return { source: this.source, field: this.def.key, ...(scale === undefined ? {} : { scale }) };
  }
}

/**
 * Percent columns: the shape is decided per column once every value is seen (DESIGN §3.5):
 * `%` in the header or in the cells -> hundredths; bare numbers all within [-1, 1] -> fractions;
 * bare numbers above 1 -> percent points.
 */
export class PercentSlot implements Slot {
  private readonly asWritten = new NumBuilder();
  private readonly hundredths = new NumBuilder();
  private withSign = 0;
  private bareAboveOne = 0;
  private bare = 0;
  private signFlags = new Uint8Array(1024);
  private flushedAsFractions = false;

  constructor(
    readonly source: string,
    private readonly def: FieldDef,
    private readonly unit: HeaderUnit,
    /** Read as percent points from the first row (a restart after a later batch showed it: IngestRestart). */
    private readonly pointsHint = false,
  ) {}

  get field(): string {
    return this.def.key;
  }

  accept(row: number, raw: string): IngestCode | null {
    const text = unwrapCell(raw);
    if (isNullToken(text)) {
      this.asWritten.setNull(row);
      this.hundredths.setNull(row);
      return null;
    }
    const r = parsePercentCell(text);
    if (!r.ok) return r.code;
    this.asWritten.set(row, r.value.asWritten);
    this.hundredths.set(row, r.value.hundredths);
    if (row >= this.signFlags.length) {
      const grown = new Uint8Array(Math.max(row + 1, this.signFlags.length * 2));
      grown.set(this.signFlags);
      this.signFlags = grown;
    }
    this.signFlags[row] = r.value.hadSign ? 1 : 0;
    return null;
  }

  isNull(row: number): boolean {
    return !this.asWritten.isSet(row);
  }

  peek(raw: string): number | null {
    const text = unwrapCell(raw);
    if (isNullToken(text)) return null;
    const r = parsePercentCell(text);
    if (!r.ok) return null;
    return r.value.hadSign || this.shapeIsPoints ? r.value.hundredths : r.value.asWritten;
  }

  /**
   * The shape is that of every value seen so far. A batch that turns a column written as fractions
   * into percent points (a first value above 1 or with %, after batches without) restarts the import
   * with the column read as points from the first row.
   */
  flush(length: number, table: ColumnTable): void {
    for (let i = 0; i < length; i++) {
      if (!this.asWritten.isSet(i)) continue;
      if (this.signFlags[i]) this.withSign++;
      else {
        this.bare++;
        if (Math.abs(this.asWritten.get(i)) > 1) this.bareAboveOne++;
      }
    }
    const points = this.shapeIsPoints;
    if (points && this.flushedAsFractions) throw new IngestRestart({ percentPoints: [this.source] });
    if (!points) this.flushedAsFractions = true;
    const column = points ? this.hundredths.finish(length) : this.asWritten.finish(length);
    putColumn(table, { name: this.def.key, role: 'field', valueType: 'percent', source: this.source }, column);
    this.asWritten.reset();
    this.hundredths.reset();
    this.signFlags.fill(0);
  }

  finish(warnings: ReportMessage[]): void {
    const shape = this.unit.percent
      ? 'header (%): 1.23 = 1.23%'
      : this.withSign > 0
        ? 'cells with %: 1.23% = 0.0123'
        : this.bareAboveOne > 0
          ? 'bare numbers above 1: percent points'
          : 'fractions: 0.0123 = 1.23%';
    warnings.push(reportMessage('PERCENT_SHAPE', { source: this.source, shape }));
  }

  get shapeIsPoints(): boolean {
    return Boolean(this.unit.percent) || this.pointsHint || this.withSign > 0 || this.bareAboveOne > 0;
  }

  mapping(): MappingEntry {
    return { source: this.source, field: this.def.key, ...(this.shapeIsPoints ? { scale: 0.01 } : {}) };
  }
}

/** ids, strings, enums and unknown (raw) columns. */
export class TextSlot implements Slot {
  private readonly builder = new DictBuilder();
  redacted = 0;
  /** Cells whose text held personal data (phones, ID numbers, addresses, names), stored masked. */
  masked = 0;
  /** Free-text cells (reviews, survey answers) stored with contact data replaced. */
  scrubbed = 0;

  constructor(
    readonly source: string,
    private readonly name: string,
    private readonly role: 'field' | 'raw',
    private readonly def: FieldDef | null,
    private readonly parseId: ((text: string) => Parsed<string>) | null,
    /** A raw column of a kind whose unmapped columns are people's text (survey answers). */
    private readonly scrubRaw = false,
  ) {}

  get field(): string | null {
    return this.role === 'field' ? this.name : null;
  }

  accept(row: number, raw: string): IngestCode | null {
    const text = unwrapCell(raw);
    if (text === '' || (this.role === 'field' && isNullToken(text))) {
      this.builder.setNull(row);
      return null;
    }
    if (this.parseId) {
      const r = this.parseId(text);
      if (!r.ok) return r.code;
      this.builder.set(row, r.value);
      return null;
    }
    if (looksLikePhone(text)) {
      this.redacted++;
      this.builder.setNull(row);
      return null;
    }
    // People's own words (reviews, survey answers) lose contact handles too (e-mail, WeChat, QQ);
    // every text cell then loses phones, ID numbers, detailed addresses and labelled names.
    const scrubbed = (this.def ? this.def.freeText : this.scrubRaw) ? scrubFreeText(text) : null;
    if (scrubbed !== null) this.scrubbed++;
    const base = scrubbed ?? text;
    const safe = maskPersonalText(base);
    if (safe !== base) this.masked++;
    this.builder.set(row, safe);
    return null;
  }

  isNull(row: number): boolean {
    return !this.builder.isSet(row);
  }

  flush(length: number, table: ColumnTable): void {
    putColumn(table, { name: this.name, role: this.role, valueType: this.def?.type ?? 'string', source: this.source }, this.builder.finish(length));
    this.builder.reset();
  }

  finish(): void {}

  mapping(): MappingEntry {
    return this.role === 'raw' ? { source: this.source, field: null, note: 'raw' } : { source: this.source, field: this.name };
  }
}

/** A personal-data column: its cells are read and forgotten (or turned into a buyer key). */
/** Platforms mask phones in exports (`$$密文3538110`, `138****5678`): such values identify no one. */
const MASKED_PHONE = /[*#$]|密文/;

export class PiiSlot implements Slot {
  readonly field = null;
  private readonly keyOf: ((phone: string) => string) | null;
  /** Cells of the buyer-key source that were masked (then no buyer key is kept). */
  masked = 0;

  constructor(
    readonly source: string,
    private readonly buyer: { builder: DictBuilder; secret: string } | null,
  ) {
    this.keyOf = buyer ? buyerKeyer(buyer.secret) : null;
  }

  accept(row: number, raw: string): IngestCode | null {
    if (!this.buyer) return null;
    const text = unwrapCell(raw);
    if (isNullToken(text)) this.buyer.builder.setNull(row);
    else {
      if (MASKED_PHONE.test(text)) this.masked++;
      this.buyer.builder.set(row, this.keyOf!(text));
    }
    return null;
  }

  isNull(): boolean {
    return true;
  }

  flush(): void {}

  finish(): void {}

  mapping(): MappingEntry {
    return { source: this.source, field: this.buyer && this.masked === 0 ? 'buyer_id' : null, note: 'pii' };
  }
}
