import type { Hash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Bytes per read of the rest of a file that is only hashed. */
const READ_BYTES = 4 << 20;

/**
 * The rest of a file from `from`, once this thread has stopped parsing at the split (parallel.ts): it
 * is only hashed, so it is read in large reads rather than as the stream's 64 KiB chunks (900 round
 * trips through the thread pool for half of a 116 MB file, shared with the worker's reads). Returns
 * the offset of the end: the bytes read in all.
 */
export async function hashRest(path: string, from: number, hash: Hash, onProgress: (bytes: number) => void): Promise<number> {
  const file = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  let position = from;
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return position;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
      onProgress(position);
    }
  } finally {
    await file.close();
  }
}
