import { once } from 'node:events';
import { BOM, CRLF } from './format';

/**
 * Accumulates CSV text and writes it to the stream as UTF-8 Buffers of about `chunkChars`
 * characters, waiting for 'drain' whenever write() reports back-pressure. Only one chunk is
 * held at a time, so memory stays flat whatever the number of rows.
 */
export class ChunkWriter {
  private buf = '';
  bytes = 0;
  private failed: unknown = null;
  private readonly onError = (e: unknown) => {
    this.failed = e ?? new Error('output stream error');
  };

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly chunkChars = 64 * 1024,
  ) {
    out.on('error', this.onError);
  }

  /** Appends text; returns a promise only when a chunk had to be flushed (await it then). */
  push(s: string): Promise<void> | undefined {
    this.buf += s;
    return this.buf.length >= this.chunkChars ? this.flush() : undefined;
  }

  /** Appends text and waits when that made a chunk go out. */
  async write(s: string): Promise<void> {
    const p = this.push(s);
    if (p) await p;
  }

  async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.buf.length === 0) return;
    const b = Buffer.from(this.buf, 'utf8');
    this.buf = '';
    this.bytes += b.length;
    if (!this.out.write(b)) await once(this.out, 'drain');
    if (this.failed) throw this.failed;
  }

  /** Flushes the rest and detaches; the stream itself is left open (the caller ends it). */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.detach();
    }
  }

  /** Stops listening to the stream without writing anything more (after a failure). */
  detach(): void {
    this.buf = '';
    this.out.removeListener('error', this.onError);
  }
}

/**
 * Gathers rows into strings of about `chunkChars` characters before handing them to a ChunkWriter,
 * so that the writer's buffer grows by a few large appends rather than one per row.
 */
export class RowChunks {
  private text = '';

  constructor(
    private readonly w: ChunkWriter,
    private readonly chunkChars = 16384,
  ) {}

  /** Appends a row; returns a promise only when the writer had to flush (await it then). */
  add(row: string): Promise<void> | undefined {
    this.text += row;
    return this.text.length >= this.chunkChars ? this.handOver() : undefined;
  }

  /** Hands what is gathered to the writer, waiting if it flushes. */
  async end(): Promise<void> {
    const p = this.handOver();
    if (p) await p;
  }

  private handOver(): Promise<void> | undefined {
    const text = this.text;
    this.text = '';
    return this.w.push(text);
  }
}

/**
 * Writes BOM + the header line, then `rows` rows from `row(i)` (i = 0, 1, …; each ends with its
 * CRLF), in chunks. Returns the number of rows.
 */
export async function writeRows(w: ChunkWriter, header: readonly string[], rows: number, row: (i: number) => string): Promise<number> {
  await w.write(BOM + header.join(',') + CRLF);
  const chunks = new RowChunks(w);
  for (let i = 0; i < rows; i++) {
    const p = chunks.add(row(i));
    if (p) await p;
  }
  await chunks.end();
  return rows;
}
