/**
 * The reader the byte reader replaced: the decoded text streams through Papa Parse (64 KiB chunks) into
 * IngestRun.consume. Kept as the reference the byte reader is checked against (csv/byte-reader.spec.ts).
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { MAX_CELL_CHARS, type IngestRun } from '../ingest-run';
import { IngestError } from '../messages';
import type { HeadAndRest } from './ingest-csv';
import type { Utf8Source } from './utf8-source';

const MAX_OPEN_RECORD_CHARS = 3 * MAX_CELL_CHARS;

export interface TextInput {
  headText: string;
  rest: HeadAndRest['rest'];
  /** Its decoder, having read the head, decodes the rest. */
  source: Utf8Source;
  bytes: number;
  onProgress: (bytes: number) => void;
}

/** The file's text, decoded chunk by chunk, counting the bytes read and the characters handed on. */
class DecodedText {
  /** Characters of text handed on towards the parser so far. */
  chars = 0;

  constructor(private readonly input: TextInput) {}

  get bytes(): number {
    return this.input.bytes;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    const { headText, rest, source } = this.input;
    this.chars += headText.length;
    yield headText;
    if (rest) {
      for (;;) {
        const next = await rest.next();
        if (next.done) break;
        this.input.bytes += next.value.length;
        const s = source.decoder.write(next.value);
        this.chars += s.length;
        if (s) yield s;
        this.input.onProgress(this.input.bytes);
      }
    }
    const tail = source.decoder.end();
    this.chars += tail.length;
    if (tail) yield tail;
  }
}

/** Streams the text through Papa Parse into the run; the first failure (the run's or the stream's) rejects. Returns the bytes read. */
export function parseWithPapa(run: IngestRun, input: TextInput, delimiter: string): Promise<number> {
  const text = new DecodedText(input);
  return new Promise<number>((resolve, reject) => {
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
      complete: () => (failure ? reject(failure) : resolve(text.bytes)),
      error: (e: Error) => reject(failure ?? e),
    });
  });
}
