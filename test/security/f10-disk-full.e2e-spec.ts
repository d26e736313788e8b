import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultInjector } from '../../apps/api/src/storage/fault-injector';
import { expectErrorBody, makeDataDir, removeDataDir, sampleBytes, startApp, upload, workspaceFiles, type E2eApp } from '../helpers/e2e-app';

/**
 * F10: a full disk answered 500 INTERNAL_ERROR (nothing was lost: that stays). Now 507
 * INSUFFICIENT_STORAGE with a message to free space, and nothing half-written. Twice: with the
 * kernel's own ENOSPC at the Arrow write and at the metadata commit (a write to /dev/full), and,
 * where the test may mount one (root on Linux), on a really full tmpfs DATA_DIR.
 */
const CSV = () => sampleBytes('doudian-orders.csv');

async function expectNothingChanged(e: E2eApp, dir: string, before: string[], count: number) {
  expect(workspaceFiles(dir).sort()).toEqual(before);
  expect((await e.http().get('/api/workspaces/shop/datasets').expect(200)).body.items).toHaveLength(count);
}

describe('F10 disk full at a write point', () => {
  let dir: string;
  let e: E2eApp;
  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir);
    await upload(e, 'shop', CSV(), 'orders.csv').expect(201);
  });
  afterAll(async () => {
    await e.close();
    removeDataDir(dir);
  });

  it.each(['import:before-write', 'import:before-commit'] as const)('answers 507 INSUFFICIENT_STORAGE at %s, and writes nothing', async (point) => {
    const before = workspaceFiles(dir).sort();
    const faults = e.app.get(FaultInjector);
    faults.armDiskFull(point);
    try {
      const res = await upload(e, 'shop', CSV(), 'orders-2.csv').expect(507);
      expectErrorBody(res.body, 'INSUFFICIENT_STORAGE');
      expect(res.body.messages.zh).toMatch(/磁盘空间不足/);
      expect(res.body.messages.en).toMatch(/free space/i);
    } finally {
      faults.disarm(point);
    }
    await expectNothingChanged(e, dir, before, 1);
  });
});

/** A 3 MB tmpfs, when this test may mount one. */
function mountTmpfs(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const mnt = mkdtempSync(join(tmpdir(), 'co-full-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt]);
  if (r.status !== 0) {
    rmdirSync(mnt);
    return null;
  }
  return mnt;
}

const mnt = mountTmpfs();
(mnt ? describe : describe.skip)('F10 on a really full disk (tmpfs)', () => {
  let e: E2eApp;
  const filler = () => join(mnt!, 'filler');
  beforeAll(async () => {
    e = await startApp(mnt!);
    await upload(e, 'shop', CSV(), 'orders.csv').expect(201);
  });
  afterAll(async () => {
    await e?.close();
    spawnSync('umount', [mnt!]);
    rmdirSync(mnt!);
  });

  it('answers 507 while the disk is full, changes nothing, and imports again once space is freed', async () => {
    const before = workspaceFiles(mnt!).sort();
    const fd = openSync(filler(), 'w');
    try {
      const block = Buffer.alloc(64 * 1024, 1);
      for (;;) writeSync(fd, block);
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    const res = await upload(e, 'shop', CSV(), 'orders-2.csv').expect(507);
    expectErrorBody(res.body, 'INSUFFICIENT_STORAGE');
    rmSync(filler());
    await expectNothingChanged(e, mnt!, before, 1);
    await upload(e, 'shop', CSV(), 'orders-3.csv').expect(201);
  });
});
