import { DictBuilder, NumBuilder, type Column, type ColumnSpec, type ColumnTable } from '@creator-ops/columnar';
import type { FieldDef, HeaderUnit } from '@creator-ops/schemas';
import type { IngestCode } from './messages';
import { isNullToken, unwrapCell } from './values/cells';
import { dropTabs, isPlainId, skipTabs, wallClockBytes } from './values/byte-cells';
import { fastDecimalBytes } from './values/decimal';
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
  /**
   * What a cell means, a pure function of its text (`accept` is `apply(row, resolve(raw))`): the byte
   * reader works it out once per distinct cell. `owned`: the text shares no memory with a larger one.
   */
  resolve(raw: string, owned?: boolean): CellOutcome;
  /** Writes an outcome at `row` and counts the cell (redacted, masked, …); returns an error code to reject the row. */
  apply(row: number, outcome: CellOutcome): IngestCode | null;
  /** The cell straight from its UTF-8 bytes when it is plain (digits, ISO dates, ids); undefined: take `resolve`. */
  acceptBytes?(row: number, buf: Buffer, start: number, end: number): IngestCode | null | undefined;
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
  /** Its counts and decisions so far, for the run that reads the part of the file before (IngestRun.absorb). */
  state(): SlotState;
  /** Adds the counts of the part that follows; throws IngestRestart when the parts' decisions differ. */
  absorb(state: SlotState): void;
  mapping(): MappingEntry;
}

/** A slot's counts (and a percent column's shape decision): plain data, sent between threads. */
export type SlotState = Record<string, number | boolean>;

/** A cell's meaning, reusable for every equal cell; its counters are counted by `apply`, once per cell. */
export interface CellOutcome {
  /** Rejects the row. */
  readonly code: IngestCode | null;
  /** False: the cell is empty (stored as null). */
  readonly present: boolean;
  /** The number, the percent as written, or the dictionary code. */
  readonly value: number;
  /** The percent in hundredths. */
  readonly value2: number;
  readonly flags: number;
}

const SUB_CENT = 1;
const PERCENT_SIGN = 2;
const REDACTED = 4;
const SCRUBBED = 8;
const MASKED = 16;

const outcome = (value: number, value2 = 0, flags = 0): CellOutcome => ({ code: null, present: true, value, value2, flags });
const NULL_CELL: CellOutcome = { code: null, present: false, value: 0, value2: 0, flags: 0 };
const REDACTED_CELL: CellOutcome = { code: null, present: false, value: 0, value2: 0, flags: REDACTED };
const rejected = (code: IngestCode, flags = 0): CellOutcome => ({ code, present: false, value: 0, value2: 0, flags });

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
    return this.apply(row, this.resolve(raw));
  }

  resolve(raw: string): CellOutcome {
    const text = unwrapCell(raw);
    if (isNullToken(text)) return NULL_CELL;
    const numeric = this.numeric;
    const before = numeric ? numeric.subCentCount : 0;
    const r = this.parse(text);
    // The outcome serves every equal cell: the sub-cent count is taken back and counted in `apply`.
    const subCent = numeric && numeric.subCentCount > before ? SUB_CENT : 0;
    if (numeric) numeric.subCentCount = before;
    return r.ok ? outcome(r.value, 0, subCent) : rejected(r.code, subCent);
  }

  apply(row: number, o: CellOutcome): IngestCode | null {
    if (o.flags & SUB_CENT) this.numeric!.subCentCount++;
    if (o.code !== null) return o.code;
    if (o.present) this.builder.set(row, o.value);
    else this.builder.setNull(row);
    return null;
  }

  acceptBytes(row: number, buf: Buffer, start: number, end: number): IngestCode | null | undefined {
    const from = skipTabs(buf, start, end);
    const to = dropTabs(buf, from, end);
    const type = this.def.type;
    if (this.numeric) {
      const r = this.numeric.parseBytes(buf, from, to);
      if (r === null) return undefined;
      if (typeof r !== 'number') return r;
      this.builder.set(row, r);
      return null;
    }
    if (type !== 'date' && type !== 'datetime') return undefined;
    const v = wallClockBytes(buf, from, to, type === 'datetime');
    if (v === null) return undefined;
    this.builder.set(row, v);
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

  state(): SlotState {
    return { sum: this.sum, subCent: this.numeric?.subCentCount ?? 0 };
  }

  absorb(state: SlotState): void {
    this.sum += state.sum as number;
    if (this.numeric) this.numeric.subCentCount += state.subCent as number;
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
    return this.apply(row, this.resolve(raw));
  }

  resolve(raw: string): CellOutcome {
    const text = unwrapCell(raw);
    if (isNullToken(text)) return NULL_CELL;
    const r = parsePercentCell(text);
    return r.ok ? outcome(r.value.asWritten, r.value.hundredths, r.value.hadSign ? PERCENT_SIGN : 0) : rejected(r.code);
  }

  apply(row: number, o: CellOutcome): IngestCode | null {
    if (o.code !== null) return o.code;
    if (!o.present) {
      this.asWritten.setNull(row);
      this.hundredths.setNull(row);
      return null;
    }
    this.store(row, o.value, o.value2, (o.flags & PERCENT_SIGN) !== 0);
    return null;
  }

  acceptBytes(row: number, buf: Buffer, start: number, end: number): IngestCode | null | undefined {
    const from = skipTabs(buf, start, end);
    const to = dropTabs(buf, from, end);
    // parsePercentCell's fast path, on the bytes; and its reading of a plain decimal with one % after it.
    const signed = to > from && buf[to - 1] === 37;
    const digitsEnd = signed ? to - 1 : to;
    const asWritten = fastDecimalBytes(buf, from, digitsEnd, 0);
    if (asWritten === null) return undefined;
    this.store(row, asWritten, fastDecimalBytes(buf, from, digitsEnd, -2)!, signed);
    return null;
  }

  private store(row: number, asWritten: number, hundredths: number, hadSign: boolean) {
    this.asWritten.set(row, asWritten);
    this.hundredths.set(row, hundredths);
    if (row >= this.signFlags.length) {
      const grown = new Uint8Array(Math.max(row + 1, this.signFlags.length * 2));
      grown.set(this.signFlags);
      this.signFlags = grown;
    }
    this.signFlags[row] = hadSign ? 1 : 0;
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

  state(): SlotState {
    return { withSign: this.withSign, bareAboveOne: this.bareAboveOne, bare: this.bare, flushedAsFractions: this.flushedAsFractions };
  }

  /** The column's shape is that of both parts: a part written as fractions when the whole is points restarts the import. */
  absorb(state: SlotState): void {
    this.withSign += state.withSign as number;
    this.bareAboveOne += state.bareAboveOne as number;
    this.bare += state.bare as number;
    this.flushedAsFractions ||= state.flushedAsFractions as boolean;
    if (this.shapeIsPoints && this.flushedAsFractions) throw new IngestRestart({ percentPoints: [this.source] });
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
    return this.apply(row, this.resolve(raw));
  }

  resolve(raw: string, owned = false): CellOutcome {
    const text = unwrapCell(raw);
    if (text === '' || (this.role === 'field' && isNullToken(text))) return NULL_CELL;
    if (this.parseId) {
      const r = this.parseId(text);
      return r.ok ? outcome(this.builder.intern(r.value, owned)) : rejected(r.code);
    }
    if (looksLikePhone(text)) return REDACTED_CELL;
    // People's own words (reviews, survey answers) lose contact handles too (e-mail, WeChat, QQ);
    // every text cell then loses phones, ID numbers, detailed addresses and labelled names.
    const scrubbed = (this.def ? this.def.freeText : this.scrubRaw) ? scrubFreeText(text) : null;
    const base = scrubbed ?? text;
    const safe = maskPersonalText(base);
    return outcome(this.builder.intern(safe, owned), 0, (scrubbed !== null ? SCRUBBED : 0) | (safe !== base ? MASKED : 0));
  }

  apply(row: number, o: CellOutcome): IngestCode | null {
    if (o.code !== null) return o.code;
    if (o.flags & REDACTED) this.redacted++;
    if (o.flags & SCRUBBED) this.scrubbed++;
    if (o.flags & MASKED) this.masked++;
    if (o.present) this.builder.setCode(row, o.value);
    else this.builder.setNull(row);
    return null;
  }

  acceptBytes(row: number, buf: Buffer, start: number, end: number): IngestCode | null | undefined {
    if (!this.parseId) return undefined;
    const from = skipTabs(buf, start, end);
    const to = dropTabs(buf, from, end);
    if (!isPlainId(buf, from, to)) return undefined;
    this.builder.setCode(row, this.builder.internBytes(buf, from, to, true));
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

  state(): SlotState {
    return { redacted: this.redacted, masked: this.masked, scrubbed: this.scrubbed };
  }

  absorb(state: SlotState): void {
    this.redacted += state.redacted as number;
    this.masked += state.masked as number;
    this.scrubbed += state.scrubbed as number;
  }

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
    return this.apply(row, this.resolve(raw));
  }

  resolve(raw: string): CellOutcome {
    if (!this.buyer) return NULL_CELL;
    const text = unwrapCell(raw);
    if (isNullToken(text)) return NULL_CELL;
    const masked = MASKED_PHONE.test(text);
    // Once a cell of this column is masked the import keeps no buyer key (IngestRun.finish drops the
    // column and says so): no key is worked out from then on.
    if (masked || this.masked > 0) return outcome(-1, 0, masked ? MASKED : 0);
    return outcome(this.buyer.builder.intern(this.keyOf!(text)), 0, 0);
  }

  acceptBytes(): IngestCode | null | undefined {
    return this.buyer ? undefined : null;
  }

  apply(row: number, o: CellOutcome): IngestCode | null {
    if (!this.buyer) return null;
    if (o.flags & MASKED) this.masked++;
    if (o.present && o.value >= 0) this.buyer.builder.setCode(row, o.value);
    else this.buyer.builder.setNull(row);
    return null;
  }

  isNull(): boolean {
    return true;
  }

  flush(): void {}

  finish(): void {}

  state(): SlotState {
    return { masked: this.masked };
  }

  absorb(state: SlotState): void {
    this.masked += state.masked as number;
  }

  mapping(): MappingEntry {
    return { source: this.source, field: this.buyer && this.masked === 0 ? 'buyer_id' : null, note: 'pii' };
  }
}
