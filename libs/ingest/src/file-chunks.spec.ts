import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

describe('a CSV import that fails part way', () => {
  it('leaves no file descriptor open', async () => {
    const { ingestFile } = await import('./ingest');
    const dir = mkdtempSync(join(tmpdir(), 'file-chunks-fail-'));
    try {
      // 3 MiB of good rows, then a byte that is not UTF-8: the failure comes after several reads.
      const rows = Array.from({ length: 60_000 }, (_, i) => `2026-10-01,P${i},计划${i},1.00,100,1,0,0.00`);
      const good = Buffer.from(['日期,计划ID,计划名称,消耗(元),展示次数,点击次数,成交订单数,成交金额(元)', ...rows].join('\n') + '\n');
      const path = join(dir, 'bad.csv');
      writeFileSync(path, Buffer.concat([good, Buffer.from([0xff]), Buffer.from(',P0,x,1.00,1,1,0,0.00\n')]));
      const open = () => readdirSync('/proc/self/fd').length;
      const before = open();
      await expect(ingestFile(path, { fileName: 'bad.csv', secret: 's', parallel: false })).rejects.toMatchObject({ code: 'INVALID_ENCODING' });
      expect(open()).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
