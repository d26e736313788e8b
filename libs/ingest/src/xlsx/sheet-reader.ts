/**
 * Rows of one worksheet part, streamed through exceljs's SAX layer (`exceljs/lib/utils/parse-sax`,
 * saxes underneath) with a small state machine of our own instead of exceljs's WorksheetReader.
 * The WorksheetReader builds a Row, Cells, style and value objects for every cell; on a
 * 200,000-row export that garbage alone cost ~2.5 s and ~140 MB of peak RSS (bench/xlsx.mjs),
 * enough to cross the 500 MB budget. Reading the same SAX events directly also fixes what the
 * WorksheetReader gets wrong: an inline string of several runs (`<is><r><t>a</t></r><r><t>b</t></r>`)
 * kept only its last run; a cell or row without its `r` attribute threw; a namespace prefix
 * (`<x:row>`) was not recognised. Like the WorksheetReader it ignores `<dimension>`: rows are read
 * as they are, so 千川's `<dimension ref="A1"/>` loses nothing.
 */
import parseSax from 'exceljs/lib/utils/parse-sax.js';
import { IngestError } from '../messages';

/** A cell's value as stored: text, number, boolean, an error, or rich text from shared strings. */
export type RawValue = string | number | boolean | Date | { error: string } | { richText: { text?: string }[] } | null;

export interface SheetRow {
  /** 1-based sheet row number. */
  number: number;
  /** Values by 0-based column (holes where the row has no cell). */
  values: RawValue[];
  /** Number formats by 0-based column (holes where the cell has no style or a General one). */
  formats: (string | undefined)[];
}

export interface SheetContext {
  sharedStrings: readonly unknown[];
  /** The number format code of a cell style index (`s` attribute), if any. */
  numFmt(style: number): string | undefined;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/** 0-based column of a cell reference (`AB12` -> 27); -1 when it has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 /* $ */) continue;
    else break;
  }
  return i === 0 || col === 0 ? -1 : col - 1;
}

/** Excel's last column is XFD (16,384); a reference beyond it is not a sheet. */
const MAX_COLUMN = 16_384;

interface SaxNode {
  name: string;
  attributes: Record<string, string>;
}
type SaxEvent = { eventType: 'opentag'; value: SaxNode } | { eventType: 'text'; value: string } | { eventType: 'closetag'; value: SaxNode };

/**
 * The rows of a worksheet part (decoded text chunks in), in batches as the SAX parser delivers them.
 * Throws XLSX_CORRUPT when the part ends before `</worksheet>`.
 */
export async function* sheetRows(chunks: AsyncIterable<string>, ctx: SheetContext): AsyncGenerator<SheetRow[]> {
  const reader = new SheetXmlReader(ctx);
  for await (const events of parseSax(chunks) as AsyncIterable<SaxEvent[]>) {
    const batch = reader.read(events);
    if (batch) yield batch;
  }
  // A sheet cut short inside an intact archive would otherwise just end early: rows lost.
  if (!reader.ended) throw new IngestError('XLSX_CORRUPT');
}

/** The state of one worksheet's SAX walk: the row and the cell being read. */
class SheetXmlReader {
  ended = false;
  private inSheetData = false;
  private row: SheetRow | null = null;
  private lastRow = 0;
  private nextCol = 0;
  // The cell being read.
  private cellCol = -1;
  private cellType = '';
  private cellFormat: string | undefined;
  private value: string | null = null;
  private inValue = false; // <v>
  private inText = false; // <t> inside <is>, not inside <rPh>
  private inPhonetic = false;
  private inlineText: string | null = null;
  private readonly formats = new Map<number, string | undefined>();
  /** Rows completed by the events being read. */
  private batch: SheetRow[] | null = null;

  constructor(private readonly ctx: SheetContext) {}

  /** One batch of SAX events in, the rows they complete out (null when none). */
  read(events: SaxEvent[]): SheetRow[] | null {
    this.batch = null;
    for (const e of events) {
      if (e.eventType === 'text') this.text(e.value);
      else if (e.eventType === 'opentag') this.open(localName(e.value.name), e.value.attributes);
      else this.close(localName(e.value.name));
    }
    return this.batch;
  }

  private text(text: string) {
    if (this.inValue) this.value = this.value === null ? text : this.value + text;
    else if (this.inText) this.inlineText = this.inlineText === null ? text : this.inlineText + text;
  }

  private open(name: string, a: Record<string, string>) {
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        break;
      case 'row':
        if (this.inSheetData) this.openRow(Number(a.r));
        break;
      case 'c':
        if (this.row) this.openCell(a);
        break;
      case 'v':
        if (this.cellCol >= 0) this.inValue = true;
        break;
      case 't':
        if (this.cellCol >= 0 && !this.inPhonetic) this.inText = true;
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
    }
  }

  private openRow(r: number) {
    this.lastRow = Number.isSafeInteger(r) && r > 0 ? r : this.lastRow + 1;
    this.row = { number: this.lastRow, values: [], formats: [] };
    this.nextCol = 0;
  }

  private openCell(a: Record<string, string>) {
    this.cellCol = a.r ? columnOf(a.r) : this.nextCol;
    if (this.cellCol < 0 || this.cellCol >= MAX_COLUMN) throw new IngestError('XLSX_CORRUPT');
    this.nextCol = this.cellCol + 1;
    this.cellType = a.t ?? 'n';
    this.cellFormat = a.s ? this.formatOf(Number(a.s)) : undefined;
    this.value = null;
    this.inlineText = null;
  }

  private formatOf(s: number) {
    if (!this.formats.has(s)) this.formats.set(s, this.ctx.numFmt(s));
    return this.formats.get(s);
  }

  private close(name: string) {
    switch (name) {
      case 'v':
        this.inValue = false;
        break;
      case 't':
        this.inText = false;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'c':
        this.closeCell();
        break;
      case 'row':
        if (this.row) (this.batch ??= []).push(this.row);
        this.row = null;
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
      case 'worksheet':
        this.ended = true;
        break;
    }
  }

  private closeCell() {
    if (this.row && this.cellCol >= 0) {
      const v = cellValue(this.cellType, this.value, this.inlineText, this.ctx.sharedStrings);
      if (v !== null) {
        this.row.values[this.cellCol] = v;
        if (this.cellFormat !== undefined) this.row.formats[this.cellCol] = this.cellFormat;
      }
    }
    this.cellCol = -1;
  }
}

/** A cell's value from its type (`t`), its `<v>` text and its inline-string text. */
function cellValue(type: string, v: string | null, inline: string | null, sharedStrings: readonly unknown[]): RawValue {
  switch (type) {
    case 's': {
      if (v === null) return null;
      const s = sharedStrings[Number(v)];
      if (s === undefined || s === null) throw new IngestError('XLSX_CORRUPT');
      return s as RawValue;
    }
    case 'inlineStr':
      return inline ?? v;
    case 'str':
      return v ?? '';
    case 'b':
      return v === null ? null : v.trim() !== '0';
    case 'e':
      return v === null ? null : { error: v.trim() };
    case 'd': {
      // ISO 8601 date: the wall clock as written.
      if (v === null) return null;
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : v.trim() + 'Z');
      return Number.isNaN(ms) ? v : new Date(ms);
    }
    default: {
      if (v === null || v.trim() === '') return null;
      const n = Number(v);
      return Number.isNaN(n) ? { error: v } : n;
    }
  }
}
