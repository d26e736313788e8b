import { HttpStatus } from '@nestjs/common';
import { basename } from 'node:path';
import yauzl from 'yauzl';
import type { BatchInput } from '@creator-ops/grading';
import { AppError } from '../common/app-error';

const MAX_ENTRIES = 2000;
const MAX_ENTRY_BYTES = 10 * 1024 * 1024;
const MAX_TOTAL_BYTES = 300 * 1024 * 1024;
const ANSWER = /\.(csv|xlsx|json)$/i;

/**
 * The answers inside a zip (one file per student, named by student id), bounded before inflating
 * anything: entry count, declared sizes, and a hard stop while inflating.
 */
export function unpackZip(bytes: Buffer): Promise<BatchInput[]> {
  const bad = (reason: string) => new AppError('BATCH_ZIP_INVALID', HttpStatus.UNPROCESSABLE_ENTITY, { reason });
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(bad(err?.message ?? 'unreadable'));
      const out: BatchInput[] = [];
      let count = 0;
      let total = 0;
      zip.on('error', (e: Error) => reject(bad(e.message)));
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        count++;
        const name = entry.fileName;
        if (count > MAX_ENTRIES) return reject(bad('too many entries'));
        if (name.endsWith('/') || name.startsWith('__MACOSX/') || !ANSWER.test(name)) return zip.readEntry();
        if (entry.uncompressedSize > MAX_ENTRY_BYTES || (total += entry.uncompressedSize) > MAX_TOTAL_BYTES)
          return reject(bad(`${basename(name)} is too large`));
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(bad(e?.message ?? 'unreadable entry'));
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_ENTRY_BYTES) {
              stream.destroy();
              reject(bad(`${basename(name)} inflates beyond its declared size`));
            } else chunks.push(c);
          });
          stream.on('error', (se: Error) => reject(bad(se.message)));
          stream.on('end', () => {
            const file = basename(name);
            out.push({ studentId: file.replace(/\.[^.]+$/, ''), fileName: file, bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
