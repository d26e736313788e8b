import { once } from 'node:events';

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
