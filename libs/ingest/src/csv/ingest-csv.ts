/**
 * CSV exports: the head decides the encoding, the layout (delimiter, header row) and the kind; then the
 * file's bytes stream through the byte reader (scanner.ts, byte-record.ts) into an IngestRun
 * (ingest-run.ts), which makes the report. papa-reader.ts is the reader it replaced (decoded text through
 * Papa Parse), kept to check the byte reader against.
 */
import type { Hash } from 'node:crypto';
import { detectEncoding } from '../encoding';
import { IngestRun, MAX_CELL_CHARS, planOptions, runReport, type IngestOptions, type IngestResult } from '../ingest-run';
import { detectKind } from '../kind-detect';
import { IngestError } from '../messages';
import { buildPlan } from '../plan';
import { reportMessage } from '../report';
import { sniffLayout } from '../sniff';
import { ByteRecords } from './byte-record';
import { parseWithPapa } from './papa-reader';
import { CsvScanner, guessLineEndings } from './scanner';
import { utf16Length, utf8Source } from './utf8-source';

/**
 * Characters of the unfinished record past the end of the last complete one. The reader re-reads an
 * unfinished record from its start with every chunk, so one endless cell (50 MB without a closing
 * quote or a line break) would cost quadratic time before its length could be checked: the import
 * stops once this much text is still open. It bounds the cell (MAX_CELL_CHARS) plus the text read
 * ahead of the parser (the head and a chunk or two, under 1 M characters).
 */
export const MAX_OPEN_RECORD_CHARS = 3 * MAX_CELL_CHARS;

/** The bytes of a file: the head already read, the rest (null when the head was all) still to come. */
export interface HeadAndRest {
  head: Buffer;
  rest: { next(): Promise<IteratorResult<Buffer>> } | null;
  /** Hashes every byte as it is read. */
  hash: Hash;
}

/** A CSV export in, typed columns and its import report out. `reader: 'papa'` takes the former reader (tests compare the two). */
export async function ingestCsv(file: HeadAndRest, opts: IngestOptions, reader: 'bytes' | 'papa' = 'bytes'): Promise<IngestResult> {
  const { head, rest, hash } = file;
  const detected = detectEncoding(head, opts.encoding);
  const run = new IngestRun(opts);
  const source = utf8Source(detected.encoding);
  const headText = source.head(head.subarray(detected.bomLength));
  if (headText.text.trim() === '' && !rest) throw new IngestError('EMPTY_FILE');
  const layout = sniffLayout(headText.text);
  const detection = detectKind(layout.headers, opts.kind);
  run.start(buildPlan(detection.kind, layout.headers, planOptions(opts)), layout.headerIndex);

  const progress = (bytes: number) => opts.onProgress?.({ bytes, rows: run.rowsRead });
  const bytes =
    reader === 'papa'
      ? await parseWithPapa(run, { headText: headText.text, rest, source, bytes: head.length, onProgress: progress }, layout.delimiter)
      : await scanInto(run, { head: headText, rest, source, bytes: head.length, onProgress: progress }, layout.delimiter);

  run.finish();
  const report = runReport(run, detection, {
    file: opts.fileName,
    source: { bytes, sha256: hash.digest('hex') },
    encoding: detected.encoding,
    delimiter: layout.delimiter === '\t' ? 'tab' : layout.delimiter,
  });
  if (detected.overridden) report.warnings.unshift(reportMessage('ENCODING_OVERRIDDEN', { encoding: detected.encoding }));
  return { table: run.result(), report, keys: run.keyCheck.spill, repeatLines: run.repeatLines };
}

interface ByteInput {
  head: { text: string; bytes: Buffer };
  rest: HeadAndRest['rest'];
  source: ReturnType<typeof utf8Source>;
  /** Bytes of the file read so far. */
  bytes: number;
  onProgress: (bytes: number) => void;
}

/** Streams the file's UTF-8 bytes through the scanner into the run; returns the bytes read. */
async function scanInto(run: IngestRun, input: ByteInput, delimiter: string): Promise<number> {
  const records = new ByteRecords(run);
  const scanner = new CsvScanner(delimiter.charCodeAt(0), guessLineEndings(input.head.text), records);
  const push = (bytes: Buffer) => {
    if (bytes.length === 0) return;
    scanner.push(bytes);
    const open = scanner.carry;
    if (open.length > MAX_OPEN_RECORD_CHARS && utf16Length(open) > MAX_OPEN_RECORD_CHARS) {
      throw new IngestError('CELL_TOO_LARGE', { line: run.line, max: MAX_CELL_CHARS });
    }
  };
  let bytes = input.bytes;
  push(input.head.bytes);
  if (input.rest) {
    for (;;) {
      const next = await input.rest.next();
      if (next.done) break;
      bytes += next.value.length;
      push(input.source.write(next.value));
      input.onProgress(bytes);
    }
  }
  push(input.source.end());
  scanner.end();
  return bytes;
}
