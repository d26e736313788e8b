import { open } from 'node:fs/promises';

/** Bytes per read of a CSV file after its head. */
const FILE_CHUNK_BYTES = 1 << 20;

/**
 * A file's bytes from `start`, `firstBytes` then 1 MiB at a time, each read into the same buffer: a
 * chunk is valid until the next is asked for (the CSV reader copies what it keeps). Fresh memory per
 * chunk, as a read stream allocates it, costs page faults that are dear on some virtual machines.
 */
export async function* fileChunks(path: string, start = 0, firstBytes = FILE_CHUNK_BYTES): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(Math.max(firstBytes, FILE_CHUNK_BYTES));
  try {
    for (let position = start, want = firstBytes; ; want = FILE_CHUNK_BYTES) {
      const { bytesRead } = await file.read(buffer, 0, want, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
