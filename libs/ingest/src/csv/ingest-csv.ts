/**
 * CSV exports: the head decides the encoding, the layout (delimiter, header row) and the kind; then the
 * decoded text streams through Papa Parse into an IngestRun (ingest-run.ts), which makes the report.
 */
import type { Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { createDecoder, detectEncoding } from '../encoding';
import { IngestRun, MAX_CELL_CHARS, planOptions, runReport, type IngestOptions, type IngestResult } from '../ingest-run';
import { detectKind } from '../kind-detect';
import { IngestError } from '../messages';
import { buildPlan } from '../plan';
import { reportMessage } from '../report';
import { sniffLayout } from '../sniff';

/**
 * Characters handed to the parser past the end of its last complete record. The parser re-reads an
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

/** A CSV export in, typed columns and its import report out. */
export async function ingestCsv({ head, rest, hash }: HeadAndRest, opts: IngestOptions): Promise<IngestResult> {
  const detected = detectEncoding(head, opts.encoding);
  const run = new IngestRun(opts);
  const decoder = createDecoder(detected.encoding, () => run.line);
  const headText = decoder.write(head.subarray(detected.bomLength)).replace(/^\uFEFF/, '');
  if (headText.trim() === '' && !rest) throw new IngestError('EMPTY_FILE');
  const layout = sniffLayout(headText);
  const detection = detectKind(layout.headers, opts.kind);
  run.start(buildPlan(detection.kind, layout.headers, planOptions(opts)), layout.headerIndex);

  const text = new DecodedText(headText, rest, decoder, (bytes) => opts.onProgress?.({ bytes, rows: run.rowsRead }), head.length);
  await parseInto(run, text, layout.delimiter);

  run.finish();
  const report = runReport(run, detection, {
    file: opts.fileName,
    source: { bytes: text.bytes, sha256: hash.digest('hex') },
    encoding: detected.encoding,
    delimiter: layout.delimiter === '\t' ? 'tab' : layout.delimiter,
  });
  if (detected.overridden) report.warnings.unshift(reportMessage('ENCODING_OVERRIDDEN', { encoding: detected.encoding }));
  return { table: run.result(), report, keys: run.keyCheck.spill, repeatLines: run.repeatLines };
}

/** The file's text, decoded chunk by chunk, counting the bytes read and the characters handed on. */
class DecodedText {
  /** Characters of text handed on towards the parser so far. */
  chars = 0;

  constructor(
    private readonly headText: string,
    private readonly rest: HeadAndRest['rest'],
    private readonly decoder: ReturnType<typeof createDecoder>,
    private readonly onProgress: (bytes: number) => void,
    public bytes: number,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    this.chars += this.headText.length;
    yield this.headText;
    if (this.rest) {
      for (;;) {
        const next = await this.rest.next();
        if (next.done) break;
        this.bytes += next.value.length;
        const s = this.decoder.write(next.value);
        this.chars += s.length;
        if (s) yield s;
        this.onProgress(this.bytes);
      }
    }
    const tail = this.decoder.end();
    this.chars += tail.length;
    if (tail) yield tail;
  }
}

/** Streams the text through Papa Parse into the run; the first failure (the run's or the stream's) rejects. */
function parseInto(run: IngestRun, text: DecodedText, delimiter: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stream = Readable.from(text, { objectMode: false });
    let failure: unknown = null;
    stream.on('error', (e) => {
      failure ??= e;
      reject(e);
    });
    Papa.parse<string[]>(stream as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      chunk: (results, parser) => {
        if (failure) return;
        try {
          run.consume(results.data, results.errors);
          if (text.chars - results.meta.cursor > MAX_OPEN_RECORD_CHARS) throw new IngestError('CELL_TOO_LARGE', { line: run.line, max: MAX_CELL_CHARS });
        } catch (e) {
          // abort() calls `complete` synchronously: the failure must be recorded first.
          failure = e;
          parser.abort();
          stream.destroy();
        }
      },
      complete: () => (failure ? reject(failure) : resolve()),
      error: (e: Error) => reject(failure ?? e),
    });
  });
}
