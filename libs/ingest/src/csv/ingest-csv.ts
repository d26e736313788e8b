/**
 * CSV exports: the head decides the encoding, the layout (delimiter, header row) and the kind; then the
 * file's bytes stream through the byte reader (scanner.ts, byte-record.ts) into an IngestRun
 * (ingest-run.ts), which makes the report. papa-reader.ts is the reader it replaced (decoded text through
 * Papa Parse), kept to check the byte reader against.
 */
import type { Hash } from 'node:crypto';
import { detectEncoding } from '../encoding';
import { IngestRun, planOptions, type IngestOptions, type IngestResult } from '../ingest-run';
import { runReport } from '../run-report';
import { detectKind } from '../kind-detect';
import { IngestError } from '../messages';
import { buildPlan } from '../plan';
import { reportMessage } from '../report';
import { sniffLayout } from '../sniff';
import { hashRest } from './hash-rest';
import { startSecondPart, type SecondPart } from './parallel';
import type { PartJob } from './read-part';
import { parseWithPapa } from './papa-reader';
import { scanInto } from './scan-into';
import { guessLineEndings } from './scanner';
import { utf8Source } from './utf8-source';

export { MAX_OPEN_RECORD_CHARS } from './scan-into';

/** The bytes of a file: the head already read, the rest (null when the head was all) still to come. */
export interface HeadAndRest {
  head: Buffer;
  rest: { next(): Promise<IteratorResult<Buffer>>; return?(): Promise<unknown> } | null;
  /** Hashes every byte as it is read. */
  hash: Hash;
  /** The file on disk (ingestFile): a large one may be read by two threads (parallel.ts). */
  file?: { path: string; size: number };
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
  let bytes: number;
  if (reader === 'papa') {
    bytes = await parseWithPapa(run, { headText: headText.text, rest, source, bytes: head.length, onProgress: progress }, layout.delimiter);
  } else {
    const newline = guessLineEndings(headText.text);
    const job = {
      encoding: detected.encoding,
      delimiter: layout.delimiter,
      newline,
      kind: detection.kind,
      headers: layout.headers,
      headerIndex: layout.headerIndex,
    };
    const second = file.file ? secondPart(file.file, job, opts) : null;
    try {
      const onDisk = file.file;
      const skipRest =
        onDisk &&
        (async (from: number) => {
          await rest?.return?.();
          return hashRest(onDisk.path, from, hash, progress);
        });
      const input = { head: headText, headOffset: detected.bomLength, rest, source, bytes: head.length, onProgress: progress, skipRest };
      bytes = await scanInto(run, input, layout.delimiter, { newline, split: second?.splitPoint(run) });
      if (second?.used) await second.absorbInto(run);
    } finally {
      second?.cancel();
    }
  }

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

function secondPart(
  file: { path: string; size: number },
  job: Omit<PartJob, 'start' | 'out' | 'path' | 'opts' | 'spillParent'>,
  opts: IngestOptions,
): SecondPart | null {
  const { fileName, account, date, secret, hints, segmentRows } = opts;
  const observer = opts.sink?.partObserver?.(job.kind) ?? undefined;
  return startSecondPart(
    { ...job, path: file.path, opts: { fileName, account, date, secret, hints, segmentRows }, observer },
    file.size,
    opts.parallel,
    opts.spillDir,
  );
}
