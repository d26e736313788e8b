import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { copyDatabase } from './helpers/test-database';
import { adminToken, http, killAllServers, startServerProcess, type ServerProcess } from './helpers/server-process';

/**
 * Issue 8 "Crash safety": the BUILT server runs as a real child process (real SQLite file, real
 * Arrow files) and kills itself with SIGKILL at a named point of an import or a delete
 * (CREATOR_OPS_CRASH_AT, see apps/api/src/storage/fault-injector.ts). After a restart WITHOUT the
 * variable, the state must be exactly the one before the operation or exactly the one after it
 * (computed by the same operation on a clean run), never in between: datasets list, workspace
 * list and summary, query figures, and the files on disk (no .tmp-* leftover, no Arrow file without
 * its dataset row, no dataset row without its readable Arrow file, no upload temp file).
 *
 * CRASH_RUNS (default 20) crash/restart cycles rotate through the five points (each cycle starts
 * from a copy of the same "before" DATA_DIR). CRASH_RUNS=100 gives 20 cycles per point.
 * Needs `npm run build` first (npm test does it).
 */

const WS = 'crash';
const FIRST = 'doudian-orders.csv';
const SECOND = 'qianchuan-plan-daily.csv';
const POINTS = ['import:before-write', 'import:before-commit', 'import:after-commit', 'delete:before-unlink', 'delete:after-unlink'] as const;
type Point = (typeof POINTS)[number];
/** Where each point must land, given the order of the steps in DatasetsService (commit, then the file work). */
const EXPECTED: Record<Point, 'before' | 'after'> = {
  'import:before-write': 'before',
  'import:before-commit': 'before',
  'import:after-commit': 'after',
  'delete:before-unlink': 'after',
  'delete:after-unlink': 'after',
};
const RUNS = Math.max(1, Number.parseInt(process.env.CRASH_RUNS ?? '', 10) || 20);
const CYCLES = Array.from({ length: RUNS }, (_, i) => ({ run: i + 1, point: POINTS[i % POINTS.length] }));

const sample = (name: string) => readFileSync(join(process.cwd(), 'fixtures', 'samples', name));

let root: string;
let snapshot: string;
let token: string;
let firstId: string;
let workspaceId: string;
let before: State;
let afterImport: State;
let afterDelete: State;
const t0 = Date.now();
const log: { run: number; point: Point; outcome: string; ms: number }[] = [];

interface State {
  /** The normalised observation (ids of the first dataset and workspace named, others numbered). */
  view: unknown;
  /** Invariant violations (must be empty in every state). */
  problems: string[];
}

function copySnapshot(name: string): string {
  const dir = join(root, name);
  cpSync(snapshot, dir, { recursive: true });
  copyDatabase(snapshot, dir);
  return dir;
}

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const VOLATILE = new Set(['requestId', 'importedAt', 'createdAt']);

/** Drops per-request and per-run values and names the ids, so two runs of the same operation compare equal. */
function normalise(value: unknown): unknown {
  const names = new Map<string, string>([
    [firstId, '<first>'],
    [workspaceId, '<ws>'],
  ]);
  const text = JSON.stringify(value, (k, v) => (VOLATILE.has(k) ? undefined : v)).replace(UUID, (id) => {
    if (!names.has(id)) names.set(id, `<new${names.size - 1}>`);
    return names.get(id)!;
  });
  return JSON.parse(text);
}

/** Everything a user (and the disk) can see of the workspace, plus the invariants. */
async function observe(s: ServerProcess, dataDir: string): Promise<State> {
  const get = (path: string) => http(s.base, 'GET', path, { token });
  const post = (path: string, json: unknown) => http(s.base, 'POST', path, { token, json });
  const problems: string[] = [];

  const list = await get(`/api/workspaces/${WS}/datasets`);
  if (list.status !== 200) problems.push(`datasets list answered ${list.status}`);
  const items = (list.body as { items?: { id: string; kind: string; rowCount: number }[] }).items ?? [];
  const figures = await post(`/api/workspaces/${WS}/query`, { metrics: ['gmv', 'paid_orders'] });
  const adFigures = await post(`/api/workspaces/${WS}/query`, { metrics: ['cost'] });
  const workspaces = await get('/api/workspaces');
  const summary = await get(`/api/workspaces/${WS}/summary`);

  // Every dataset row has its Arrow file, and it is readable in full.
  for (const d of items) {
    const rows = await get(`/api/workspaces/${WS}/datasets/${d.id}/rows?limit=1`);
    const total = (rows.body as { total?: number }).total;
    if (rows.status !== 200 || total !== d.rowCount) problems.push(`dataset ${d.id} unreadable: ${rows.status} total ${total} of ${d.rowCount}`);
  }

  // Files: only committed Arrow files under workspaces/, nothing left in the upload temp folder.
  const base = join(dataDir, 'workspaces');
  const expected = new Set(items.map((d) => [workspaceId, d.kind, `${d.id}.arrow`].join('/')));
  const files: Record<string, string> = {};
  for (const f of walk(base)) {
    const rel = relative(base, f).split(sep).join('/');
    const name = rel.split('/').pop()!;
    if (name.startsWith('.tmp-')) problems.push(`temp file left: ${rel}`);
    else if (!name.endsWith('.arrow')) problems.push(`unexpected file: ${rel}`);
    else if (!expected.has(rel)) problems.push(`Arrow file without a dataset row: ${rel}`);
    files[rel] = createHash('sha256').update(readFileSync(f)).digest('hex');
  }
  for (const rel of expected) if (!(rel in files)) problems.push(`dataset row without its Arrow file: ${rel}`);
  for (const f of walk(join(dataDir, 'tmp', 'uploads'))) problems.push(`upload temp file left: ${relative(dataDir, f)}`);

  const view = normalise({
    datasets: { status: list.status, body: list.body },
    figures: { status: figures.status, body: figures.body },
    adFigures: { status: adFigures.status, body: adFigures.body },
    workspaces: { status: workspaces.status, body: workspaces.body },
    summary: { status: summary.status, body: summary.body },
    files,
  });
  return { view, problems };
}

async function importSecond(s: ServerProcess) {
  return http(s.base, 'POST', `/api/workspaces/${WS}/datasets`, { token, multipart: { field: 'file', fileName: SECOND, bytes: sample(SECOND) } });
}

async function deleteFirst(s: ServerProcess) {
  return http(s.base, 'DELETE', `/api/workspaces/${WS}/datasets/${firstId}`, { token });
}

/** Runs the operation on a clean server from the snapshot: the "after" state (checked again after a restart). */
async function cleanAfter(name: string, op: (s: ServerProcess) => Promise<{ status: number }>, status: number): Promise<State> {
  const dir = copySnapshot(name);
  let s = await startServerProcess(dir);
  try {
    expect(await observe(s, dir)).toEqual(before);
    expect((await op(s)).status).toBe(status);
    const live = await observe(s, dir);
    await s.stop();
    s = await startServerProcess(dir);
    const restarted = await observe(s, dir);
    expect(restarted).toEqual(live);
    expect(restarted.problems).toEqual([]);
    return restarted;
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'co-crash-'));
  snapshot = join(root, 'snapshot');
  const s = await startServerProcess(snapshot);
  try {
    token = await adminToken(s.base);
    const res = await http(s.base, 'POST', `/api/workspaces/${WS}/datasets`, { token, multipart: { field: 'file', fileName: FIRST, bytes: sample(FIRST) } });
    expect(res.status).toBe(201);
    firstId = (res.body as { id: string }).id;
    workspaceId = readdirSync(join(snapshot, 'workspaces'))[0];
    before = await observe(s, snapshot);
  } finally {
    await s.stop();
  }
  expect(before.problems).toEqual([]);
  // The "before" figures are the first export's (2916.70 yuan GMV, 52 paid orders) and no ad data.
  const view = before.view as { figures: { body: { totals: unknown } }; adFigures: { status: number }; datasets: { body: { items: unknown[] } } };
  expect(view.figures.body.totals).toEqual({ gmv: 2916.7, paid_orders: 52 });
  expect(view.adFigures.status).toBe(400);
  expect(view.datasets.body.items).toHaveLength(1);

  afterImport = await cleanAfter('clean-import', importSecond, 201);
  afterDelete = await cleanAfter('clean-delete', deleteFirst, 204);
  expect(afterImport.view).not.toEqual(before.view);
  expect(afterDelete.view).not.toEqual(before.view);
  expect((afterImport.view as { adFigures: { status: number } }).adFigures.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await killAllServers();
  if (root) rmSync(root, { recursive: true, force: true });
  if (log.length) {
    const counts = new Map<string, number>();
    for (const l of log) counts.set(`${l.point} -> ${l.outcome}`, (counts.get(`${l.point} -> ${l.outcome}`) ?? 0) + 1);
    const avg = Math.round(log.reduce((n, l) => n + l.ms, 0) / log.length);
    console.log(
      `crash-safety: ${log.length} cycles in ${((Date.now() - t0) / 1000).toFixed(1)} s (avg ${avg} ms per kill+restart cycle)\n  ${[...counts].map(([k, n]) => `${k}: ${n}`).join('\n  ')}`,
    );
  }
});

describe.each(CYCLES)('crash cycle $run at $point', ({ run, point }) => {
  it('dies at the point and restarts into exactly the state before or after', async () => {
    const started = Date.now();
    const dir = copySnapshot(`run-${run}`);
    const crashing = await startServerProcess(dir, { CREATOR_OPS_CRASH_AT: point });
    const op = point.startsWith('import:') ? importSecond : deleteFirst;
    const outcome = await op(crashing).then(
      (res) => `answered ${res.status}`,
      (e: Error & { code?: string }) => e.code ?? e.message,
    );
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([crashing.exited, new Promise<null>((r) => (timer = setTimeout(() => r(null), 15_000)))]);
    clearTimeout(timer);
    if (!exit) await crashing.stop();
    // The request never got an answer: the process killed itself at the point.
    expect({ outcome, exit }).toEqual({ outcome: expect.stringMatching(/ECONNRESET|socket hang up|EPIPE/), exit: { code: null, signal: 'SIGKILL' } });

    const s = await startServerProcess(dir);
    let state: State;
    try {
      state = await observe(s, dir);
    } finally {
      await s.stop();
    }
    const after = point.startsWith('import:') ? afterImport : afterDelete;
    expect(state.problems).toEqual([]);
    const landed =
      JSON.stringify(state.view) === JSON.stringify(before.view) ? 'before' : JSON.stringify(state.view) === JSON.stringify(after.view) ? 'after' : 'between';
    if (landed === 'between') expect(state.view).toEqual(after.view); // shows the difference
    expect(landed).toBe(EXPECTED[point]);
    log.push({ run, point, outcome: landed, ms: Date.now() - started });
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);
});
