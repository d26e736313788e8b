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
  let inSheetData = false;
  let row: SheetRow | null = null;
  let lastRow = 0;
  let nextCol = 0;
  // The cell being read.
  let cellCol = -1;
  let cellType = '';
  let cellFormat: string | undefined;
  let value: string | null = null;
  let inValue = false; // <v>
  let inText = false; // <t> inside <is>, not inside <rPh>
  let inPhonetic = false;
  let inlineText: string | null = null;
  let ended = false;
  const formats = new Map<number, string | undefined>();
  const formatOf = (s: number) => {
    if (!formats.has(s)) formats.set(s, ctx.numFmt(s));
    return formats.get(s);
  };

  for await (const events of parseSax(chunks) as AsyncIterable<SaxEvent[]>) {
    let batch: SheetRow[] | null = null;
    for (const e of events) {
      if (e.eventType === 'text') {
        if (inValue) value = value === null ? e.value : value + e.value;
        else if (inText) inlineText = inlineText === null ? e.value : inlineText + e.value;
        continue;
      }
      const name = localName(e.value.name);
      if (e.eventType === 'opentag') {
        const a = e.value.attributes;
        switch (name) {
          case 'sheetData':
            inSheetData = true;
            break;
          case 'row':
            if (!inSheetData) break;
            {
              const r = Number(a.r);
              lastRow = Number.isSafeInteger(r) && r > 0 ? r : lastRow + 1;
              row = { number: lastRow, values: [], formats: [] };
              nextCol = 0;
            }
            break;
          case 'c':
            if (!row) break;
            cellCol = a.r ? columnOf(a.r) : nextCol;
            if (cellCol < 0 || cellCol >= MAX_COLUMN) throw new IngestError('XLSX_CORRUPT');
            nextCol = cellCol + 1;
            cellType = a.t ?? 'n';
            cellFormat = a.s ? formatOf(Number(a.s)) : undefined;
            value = null;
            inlineText = null;
            break;
          case 'v':
            if (cellCol >= 0) inValue = true;
            break;
          case 't':
            if (cellCol >= 0 && !inPhonetic) inText = true;
            break;
          case 'rPh':
            inPhonetic = true;
            break;
        }
      } else {
        switch (name) {
          case 'v':
            inValue = false;
            break;
          case 't':
            inText = false;
            break;
          case 'rPh':
            inPhonetic = false;
            break;
          case 'c':
            if (row && cellCol >= 0) {
              const v = cellValue(cellType, value, inlineText, ctx.sharedStrings);
              if (v !== null) {
                row.values[cellCol] = v;
                if (cellFormat !== undefined) row.formats[cellCol] = cellFormat;
              }
            }
            cellCol = -1;
            break;
          case 'row':
            if (row) (batch ??= []).push(row);
            row = null;
            break;
          case 'sheetData':
            inSheetData = false;
            break;
          case 'worksheet':
            ended = true;
            break;
        }
      }
    }
    if (batch) yield batch;
  }
  // A sheet cut short inside an intact archive would otherwise just end early: rows lost.
  if (!ended) throw new IngestError('XLSX_CORRUPT');
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
