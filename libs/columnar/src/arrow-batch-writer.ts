import { closeSync, createReadStream, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { RecordBatchReader, RecordBatchStreamWriter, type Schema } from 'apache-arrow';
import { arrowBatch, arrowSchema, arrowToTable } from './arrow-io';
import type { ColumnTable } from './column';
import type { WrittenFile } from './column-store';

/**
 * Writes an import's rows batch by batch as an Arrow IPC stream into a temporary file, so memory is
 * bounded by one batch whatever the size of the import. Each batch carries its own dictionaries (the
 * stream format allows a dictionary per batch; the file format does not). `finishAt` fsyncs and
 * renames the file into place; `abort` removes it.
 */
export class ArrowBatchWriter {
  private readonly writer = new RecordBatchStreamWriter();
  private readonly hash = createHash('sha256');
  private readonly fd: number;
  private readonly pump: Promise<void>;
  private schema: Schema | null = null;
  private failure: unknown = null;
  private bytes = 0;
  private done = false;
  rows = 0;

  constructor(private readonly tmp: string) {
    this.fd = openSync(tmp, 'wx', 0o600);
    this.pump = this.drain();
  }

  append(table: ColumnTable): void {
    if (this.done) throw new Error('ArrowBatchWriter: append after finish or abort');
    if (this.failure) throw this.failure;
    this.schema ??= arrowSchema(table);
    this.writer.write(arrowBatch(this.schema, table));
    this.rows += table.length;
  }

  /** Completes the file and renames it to `path` (on the same file system); `afterRename` fsyncs the folder. */
  async finishAt(path: string, afterRename: () => void): Promise<WrittenFile> {
    if (this.done) throw new Error('ArrowBatchWriter: finished twice');
    this.done = true;
    try {
      if (!this.schema) throw new Error('ArrowBatchWriter: no batch was written');
      this.writer.finish();
      await this.pump;
      if (this.failure) throw this.failure;
      fsyncSync(this.fd);
      closeSync(this.fd);
    } catch (e) {
      this.discard();
      throw e;
    }
    try {
      renameSync(this.tmp, path);
    } catch (e) {
      rmSync(this.tmp, { force: true });
      throw e;
    }
    afterRename();
    return { path, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /**
   * Completes this file and copies it batch by batch into a new temporary file (`tmp`) through
   * `transform` (which may drop rows); this writer's file is removed. Returns the new writer, open.
   */
  async rewrite(tmp: string, transform: (batch: ColumnTable) => ColumnTable): Promise<ArrowBatchWriter> {
    if (this.done) throw new Error('ArrowBatchWriter: rewrite after finish or abort');
    this.done = true;
    const next = new ArrowBatchWriter(tmp);
    try {
      if (this.schema) {
        this.writer.finish();
        await this.pump;
        if (this.failure) throw this.failure;
        const reader = await RecordBatchReader.from(createReadStream(this.tmp));
        for await (const batch of reader) {
          const table = transform(arrowToTable(batch));
          if (table.length > 0 || next.rows === 0) next.append(table);
        }
      }
    } catch (e) {
      next.abort();
      throw e;
    } finally {
      this.discard();
    }
    return next;
  }

  abort(): void {
    if (this.done) return;
    this.done = true;
    this.writer.abort();
    this.discard();
  }

  /** Moves the writer's queued bytes to the file as they come (the queue then holds at most a batch or two). */
  private async drain(): Promise<void> {
    try {
      for await (const chunk of this.writer) {
        let offset = 0;
        while (offset < chunk.byteLength) offset += writeSync(this.fd, chunk, offset, chunk.byteLength - offset);
        this.hash.update(chunk);
        this.bytes += chunk.byteLength;
      }
    } catch (e) {
      this.failure ??= e;
    }
  }

  private discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.tmp, { force: true });
  }
}
