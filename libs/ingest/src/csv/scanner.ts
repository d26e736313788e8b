/**
 * A CSV reader on UTF-8 bytes with the semantics of the Papa Parse parser the import used before
 * (papaparse 5.7 `Parser.parse`, streamed: each chunk re-reads the unfinished record from its start):
 * it finds the fields of each record as byte offsets, quirks included (spaces between a closing
 * quote and the delimiter, a stray quote inside a quoted field, an unclosed quote running to the end).
 * Every byte it looks for is ASCII and UTF-8 never uses ASCII bytes inside a character, so byte
 * offsets stand exactly where Papa's character offsets stood.
 */

export type Newline = '\n' | '\r' | '\r\n';

/** A field that was quoted: its text may span lines. */
export const FIELD_QUOTED = 1;
/** A quoted field whose text holds quotes: `""` reads as `"`. */
export const FIELD_UNESCAPE = 2;

/** Papa's last error for a record (the import keeps one per row, the last). */
export const ROW_OK = 0;
export const ROW_INVALID_QUOTES = 1;
export const ROW_MISSING_QUOTES = 2;

export interface RecordSink {
  /** One record: `count` fields as [start, end, flags] triples in `fields` (valid during the call only). */
  record(buf: Buffer, fields: Int32Array, count: number, error: number): void;
}

const QUOTE = 0x22;
const EMPTY = Buffer.alloc(0);
const CRLF = Buffer.from('\r\n');

/** Papa's newline guess (ParserHandle.guessLineEndings) on the first text it was given. */
export function guessLineEndings(text: string): Newline {
  const input = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  const nAppearsFirst = n.length > 1 && n[0].length < r[0].length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let numWithN = 0;
  for (const part of r) if (part[0] === '\n') numWithN++;
  return numWithN >= r.length / 2 ? '\r\n' : '\r';
}

export class CsvScanner {
  /** The unfinished record (re-read with the next chunk). */
  carry: Buffer = EMPTY;
  private fields = new Int32Array(3 * 64);
  private count = 0;
  private error = ROW_OK;
  private pos = 0;
  private readonly nl: number;
  private readonly crlf: boolean;
  private readonly nlLen: number;

  constructor(
    private readonly delim: number,
    newline: Newline,
    private readonly sink: RecordSink,
  ) {
    this.nl = newline === '\r' ? 13 : newline === '\n' ? 10 : 13;
    this.crlf = newline === '\r\n';
    this.nlLen = newline.length;
  }

  /**
   * Reads every complete record of the unfinished one plus `chunk`; keeps the rest. The chunk need
   * not outlive the call (a reader may reuse its buffer): the unfinished record is copied, into one
   * working buffer reused from chunk to chunk rather than a new one each time.
   */
  push(chunk: Buffer): void {
    const input = this.carry.length ? this.joined(chunk) : chunk;
    const last = this.parse(input, false);
    const rest = input.length - last;
    if (rest === 0) this.carry = EMPTY;
    else if (input === chunk) this.carry = this.moved(chunk.subarray(last), rest);
    else this.carry = input.subarray(last);
  }

  private work: Buffer = EMPTY;

  /** The unfinished record then `chunk`, in the working buffer. */
  private joined(chunk: Buffer): Buffer {
    const carried = this.carry.length;
    const input = this.moved(this.carry, carried + chunk.length);
    chunk.copy(input, carried);
    return input;
  }

  /** The first `length` bytes of the working buffer (grown when short), starting with `bytes` (which may lie in it already: Buffer#copy allows the overlap). */
  private moved(bytes: Buffer, length: number): Buffer {
    if (this.work.length < length) {
      const grown = Buffer.allocUnsafe(Math.max(length, 2 * this.work.length));
      bytes.copy(grown, 0);
      this.work = grown;
    } else bytes.copy(this.work, 0);
    return this.work.subarray(0, length);
  }

  /** The end of the text: what is left is the last record (Papa's final, not ignoring the last row). */
  end(): void {
    if (this.carry.length) this.parse(this.carry, true);
    this.carry = EMPTY;
  }

  /** Returns where the unfinished record starts. */
  private parse(input: Buffer, final: boolean): number {
    const len = input.length;
    let lastCursor = 0;
    this.count = 0;
    this.error = ROW_OK;
    this.pos = 0;
    for (;;) {
      const ended = this.pos < len && input[this.pos] === QUOTE ? this.quoted(input, final) : this.unquoted(input);
      if (ended === FIELD_END) continue;
      if (ended === PARTIAL) {
        if (!final) return lastCursor;
        this.emit(input);
        return len;
      }
      this.emit(input);
      lastCursor = this.pos;
    }
  }

  private emit(input: Buffer) {
    this.sink.record(input, this.fields, this.count, this.error);
    this.count = 0;
    this.error = ROW_OK;
  }

  private unquoted(input: Buffer): number {
    const len = input.length;
    const delim = this.delim;
    const nl = this.nl;
    const crlf = this.crlf;
    let i = this.pos;
    for (; i < len; i++) {
      const b = input[i];
      if (b === delim) break;
      if (b === nl && (!crlf || input[i + 1] === 10)) break;
    }
    this.field(this.pos, i, 0);
    if (i >= len) {
      this.pos = len;
      return PARTIAL;
    }
    if (input[i] === delim) {
      this.pos = i + 1;
      return FIELD_END;
    }
    this.pos = i + this.nlLen;
    return ROW_END;
  }

  /** A field opening with a quote, as Papa reads it (its closing-quote search, line 1465 of papaparse 5.7). */
  private quoted(input: Buffer, final: boolean): number {
    const len = input.length;
    const open = this.pos + 1;
    let flags = FIELD_QUOTED;
    let q = this.pos;
    for (;;) {
      q = input.indexOf(QUOTE, q + 1);
      if (q === -1) {
        // No closing quote: the rest of the text is the field, as written (no unescaping).
        if (final) this.error = ROW_MISSING_QUOTES;
        this.field(open, len, FIELD_QUOTED);
        return PARTIAL;
      }
      if (q === len - 1) {
        this.field(open, q, flags);
        return PARTIAL;
      }
      const after = q + 1;
      if (input[after] === QUOTE) {
        flags = FIELD_QUOTED | FIELD_UNESCAPE;
        q = after;
        continue;
      }
      if (input[after] === this.delim) return this.closeField(open, q, flags, after + 1);
      if (this.newlineAt(input, after)) return this.closeRow(open, q, flags, after + this.nlLen);
      const nd = input.indexOf(this.delim, after);
      const nn = this.crlf ? input.indexOf(CRLF, after) : input.indexOf(this.nl, after);
      const sd = extraSpaces(input, after, nn === -1 ? nd : Math.min(nd, nn));
      if (input[after + sd] === this.delim) return this.closeField(open, q, flags, after + sd + 1);
      const sn = extraSpaces(input, after, nn);
      if (this.newlineAt(input, after + sn)) return this.closeRow(open, q, flags, after + sn + this.nlLen);
      // A stray quote: part of the text; the row is malformed.
      this.error = ROW_INVALID_QUOTES;
      flags = FIELD_QUOTED | FIELD_UNESCAPE;
      q = after;
    }
  }

  private closeField(open: number, q: number, flags: number, next: number): number {
    this.field(open, q, flags);
    this.pos = next;
    return FIELD_END;
  }

  private closeRow(open: number, q: number, flags: number, next: number): number {
    this.field(open, q, flags);
    this.pos = next;
    return ROW_END;
  }

  private newlineAt(input: Buffer, i: number): boolean {
    return input[i] === this.nl && (!this.crlf || input[i + 1] === 10);
  }

  private field(start: number, end: number, flags: number) {
    const k = this.count * 3;
    if (k + 3 > this.fields.length) {
      const grown = new Int32Array(this.fields.length * 2);
      grown.set(this.fields);
      this.fields = grown;
    }
    this.fields[k] = start;
    this.fields[k + 1] = end;
    this.fields[k + 2] = flags;
    this.count++;
  }
}

const FIELD_END = 0;
const ROW_END = 1;
/** The text ended inside the record (Papa's `finish`). */
const PARTIAL = 2;

/** Papa's `extraSpaces`: the length of the text between a closing quote and `index` when it is all whitespace (String#trim's). */
function extraSpaces(input: Buffer, from: number, index: number): number {
  if (index === -1 || index <= from) return 0;
  let wide = false;
  for (let i = from; i < index; i++) {
    const b = input[i];
    if (b >= 0x80) wide = true;
    else if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return 0;
  }
  if (wide && input.toString('utf8', from, index).trim() !== '') return 0;
  return index - from;
}
