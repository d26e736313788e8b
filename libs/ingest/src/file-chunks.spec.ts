import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileChunks } from './file-chunks';

describe('fileChunks', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'file-chunks-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the bytes from the start offset in order: the first read as asked, then 1 MiB reads into the same buffer', async () => {
    const bytes = Buffer.alloc(2.5 * (1 << 20) + 17);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 11)) & 0xff;
    const path = join(dir, 'f.bin');
    writeFileSync(path, bytes);
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const chunk of fileChunks(path, 5, 1000)) {
      copies.push(Buffer.from(chunk));
      buffers.add(chunk.buffer);
    }
    expect(copies.map((c) => c.length)).toEqual([1000, 1 << 20, 1 << 20, bytes.length - 5 - 1000 - 2 * (1 << 20)]);
    expect(Buffer.concat(copies).equals(bytes.subarray(5))).toBe(true);
    expect(buffers.size).toBe(1);
  });
});
