/** The file's UTF-8 bytes through the scanner (scanner.ts) and the record reader (byte-record.ts) into an IngestRun. */
import { IngestError } from '../messages';
import { MAX_CELL_CHARS, type IngestRun } from '../ingest-run';
import { ByteRecords } from './byte-record';
import { CsvScanner, guessLineEndings, type Newline } from './scanner';
import { utf16Length, type Utf8Source } from './utf8-source';

/**
 * Characters of the unfinished record past the end of the last complete one. The reader re-reads an
 * unfinished record from its start with every chunk, so one endless cell (50 MB without a closing
 * quote or a line break) would cost quadratic time before its length could be checked: the import
 * stops once this much text is still open. It bounds the cell (MAX_CELL_CHARS) plus the text read
 * ahead of the parser (the head and a chunk or two, under 1 M characters).
 */
export const MAX_OPEN_RECORD_CHARS = 3 * MAX_CELL_CHARS;

export interface ByteInput {
  head: { text: string; bytes: Buffer };
  rest: { next(): Promise<IteratorResult<Buffer>> } | null;
  source: Utf8Source;
  /** Bytes of the file read so far. */
  bytes: number;
  /** Where the head's bytes start in the file (after a byte order mark). */
  headOffset?: number;
  onProgress: (bytes: number) => void;
  /** Once this run stops at the split: reads the rest of the file from `from` without the stream (it is only hashed); returns the bytes read in all. */
  skipRest?: (from: number) => Promise<number>;
}

/**
 * Where a worker reads on (parallel.ts): once the bytes before `at` are read, `decide` is told whether
 * they ended on a record boundary and answers whether this run stops there (the rest is then only read).
 */
export interface SplitPoint {
  at: number;
  decide(boundary: boolean): Promise<boolean>;
}

export interface ScanOptions {
  /** The line break (default: guessed from the head, as Papa guessed it). */
  newline?: Newline;
  split?: SplitPoint;
}

/** Streams the file's UTF-8 bytes through the scanner into the run; returns the bytes read. */
export async function scanInto(run: IngestRun, input: ByteInput, delimiter: string, opts: ScanOptions = {}): Promise<number> {
  const records = new ByteRecords(run);
  const scanner = new CsvScanner(delimiter.charCodeAt(0), opts.newline ?? guessLineEndings(input.head.text), records);
  const push = (bytes: Buffer) => {
    if (bytes.length === 0) return;
    scanner.push(bytes);
    const open = scanner.carry;
    if (open.length > MAX_OPEN_RECORD_CHARS && utf16Length(open) > MAX_OPEN_RECORD_CHARS) {
      throw new IngestError('CELL_TOO_LARGE', { line: run.line, max: MAX_CELL_CHARS });
    }
  };
  const split = opts.split;
  let bytes = input.bytes;
  let parsing = true;
  let splitSeen = false;
  /** Reads `chunk` (file bytes from `from`), stopping at the split when the run stops there. */
  const read = async (chunk: Buffer, from: number, toUtf8: (b: Buffer) => Buffer) => {
    if (!split || splitSeen || from >= split.at || from + chunk.length < split.at) return push(toUtf8(chunk));
    splitSeen = true;
    const cut = split.at - from;
    push(toUtf8(chunk.subarray(0, cut)));
    parsing = !(await split.decide(scanner.carry.length === 0));
    if (parsing) push(toUtf8(chunk.subarray(cut)));
  };
  await read(input.head.bytes, input.headOffset ?? 0, (b) => b);
  if (input.rest) {
    for (;;) {
      if (!parsing && input.skipRest) {
        bytes = await input.skipRest(bytes);
        break;
      }
      const next = await input.rest.next();
      if (next.done) break;
      const from = bytes;
      bytes += next.value.length;
      if (parsing) await read(next.value, from, (b) => input.source.write(b));
      input.onProgress(bytes);
    }
  }
  if (parsing) {
    push(input.source.end());
    scanner.end();
  }
  return bytes;
}
