import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FaultInjector } from '../apps/api/src/storage/fault-injector';
import { expectErrorBody, listFiles, makeDataDir, query, removeDataDir, startApp, uploadSample, workspaceFiles, type E2eApp } from './helpers/e2e-app';
import { orderFigures, readSample } from './helpers/sample-figures';

/**
 * DESIGN §2 "Writes are atomic": an import or delete that fails half-way leaves the previous state
 * intact, no orphan is visible, and a restarted server on the same DATA_DIR sees exactly the
 * committed data (the start-up sweep removes what an interrupted write left behind).
 */

const WS = 'atomic';
const GMV_CENTS = orderFigures(readSample('doudian-orders.csv')).gmvCents; // 291670: 2916.70 yuan

let dir: string;
let e: E2eApp | undefined;
let ordersId: string;
let adId: string;

const list = async () => (await e!.http().get(`/api/workspaces/${WS}/datasets`).expect(200)).body.items as { id: string; kind: string }[];
const gmv = async () => {
  const res = await query(e!, WS, { metrics: ['gmv', 'items'] });
  expect(res.status).toBe(200);
  return res.body.totals as { gmv: number; items: number };
};
const fileNames = () =>
  workspaceFiles(dir)
    .map((f) => basename(f))
    .sort();

async function restart() {
  await e!.close();
  e = undefined;
  e = await startApp(dir);
}

beforeAll(async () => {
  dir = makeDataDir();
  e = await startApp(dir);
});

afterAll(async () => {
  await e?.close();
  removeDataDir(dir);
});

it('commits a first import', async () => {
  expect(GMV_CENTS).toBe(291670);
  const res = await uploadSample(e!, WS, 'doudian-orders.csv');
  expect(res.status).toBe(201);
  ordersId = res.body.id;
  expect(fileNames()).toEqual([`${ordersId}.arrow`]);
  expect((await gmv()).gmv).toBe(GMV_CENTS / 100);
});

describe('an import that fails before its metadata commit', () => {
  it('answers 5xx and changes nothing', async () => {
    const faults = e!.app.get(FaultInjector);
    faults.arm('import:before-commit');
    try {
      const res = await uploadSample(e!, WS, 'qianchuan-plan-daily.csv');
      expect(res.status).toBeGreaterThanOrEqual(500);
      expectErrorBody(res.body, res.body.code);
      expect(JSON.stringify(res.body)).not.toMatch(/Injected fault|\/tmp\/|at .*\.ts/); // no stack or path leaks

      expect((await list()).map((d) => d.id)).toEqual([ordersId]);
      // Only the committed Arrow file: no second .arrow, no .tmp-* leftover.
      expect(fileNames()).toEqual([`${ordersId}.arrow`]);
      expect(listFiles(join(dir, 'tmp', 'uploads'))).toEqual([]);
      expect(await gmv()).toEqual({ gmv: GMV_CENTS / 100, items: 72 });
      // The ad data of the failed import is not queryable.
      const cost = await query(e!, WS, { metrics: ['cost'] });
      expect(cost.status).toBe(400);
      expect(cost.body.code).toBe('METRIC_DATA_MISSING');
    } finally {
      faults.disarm('import:before-commit');
    }
  });

  it('after a restart on the same DATA_DIR the committed data is reloaded exactly', async () => {
    await restart();
    expect((await list()).map((d) => d.id)).toEqual([ordersId]);
    expect(await gmv()).toEqual({ gmv: 2916.7, items: 72 });
    expect(Math.round((await gmv()).gmv * 100)).toBe(GMV_CENTS);
  });
});

describe('a crash between the Arrow rename and the metadata commit', () => {
  it('leaves files the start-up sweep removes, keeping the committed ones', async () => {
    // What a killed process leaves: a renamed but uncommitted import, a temp file, an upload part.
    const kindDir = dirname(workspaceFiles(dir).find((f) => basename(f) === `${ordersId}.arrow`)!);
    const orphan = join(kindDir, `${randomUUID()}.arrow`);
    const tmp = join(kindDir, `.tmp-${randomUUID()}.arrow`);
    const part = join(dir, 'tmp', 'uploads', 'stale-upload-part');
    mkdirSync(dirname(part), { recursive: true });
    for (const f of [orphan, tmp, part]) writeFileSync(f, 'half-written');

    await restart();

    expect([orphan, tmp, part].filter((f) => existsSync(f))).toEqual([]);
    expect(fileNames()).toEqual([`${ordersId}.arrow`]);
    expect((await list()).map((d) => d.id)).toEqual([ordersId]);
    expect((await gmv()).gmv).toBe(GMV_CENTS / 100);
  });
});

describe('a delete that fails before unlinking its file', () => {
  it('imports normally once the fault is disarmed', async () => {
    const res = await uploadSample(e!, WS, 'qianchuan-plan-daily.csv');
    expect(res.status).toBe(201);
    adId = res.body.id;
    expect((await list()).map((d) => d.id)).toEqual([ordersId, adId]);
    expect(fileNames()).toEqual([`${ordersId}.arrow`, `${adId}.arrow`].sort());
  });

  it('answers 5xx; the dataset is no longer listed, its file is swept at the next start', async () => {
    const faults = e!.app.get(FaultInjector);
    faults.arm('delete:before-unlink');
    try {
      const res = await e!.http().delete(`/api/workspaces/${WS}/datasets/${adId}`);
      expect(res.status).toBeGreaterThanOrEqual(500);
      expectErrorBody(res.body, res.body.code);
    } finally {
      faults.disarm('delete:before-unlink');
    }
    // The metadata delete committed; the crash came before the unlink, so the file is an orphan.
    expect((await list()).map((d) => d.id)).toEqual([ordersId]);
    expect(fileNames()).toContain(`${adId}.arrow`);

    await restart();

    expect((await list()).map((d) => d.id)).toEqual([ordersId]);
    const gone = await e!.http().get(`/api/workspaces/${WS}/datasets/${adId}`);
    expect(gone.status).toBe(404);
    expectErrorBody(gone.body, 'DATASET_NOT_FOUND');
    expect(fileNames()).toEqual([`${ordersId}.arrow`]);
    expect(await gmv()).toEqual({ gmv: GMV_CENTS / 100, items: 72 });
  });
});
