import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectErrorBody, makeDataDir, removeDataDir, startApp, type E2eApp } from '../helpers/e2e-app';
import { userAgent, type Agent } from './security-helpers';

/**
 * F2: a header-only answer used to return the whole key in `expected`/`expectedValue`, with
 * unlimited resubmissions. F3: a grader of workspace B listed every workspace's submissions.
 * Now: feedback follows the class's policy (practice / exam), empty answers are refused as a try,
 * submissions are rate-limited, and exercises and submissions are scoped to workspaces.
 */
const ID = 'cj-4.3.4-plan-metrics';
const EXAMPLE = readFileSync(join(process.cwd(), 'fixtures', 'exercises', ID, 'example-answer.csv'), 'utf8').replace(/^\uFEFF/, '');
/** Every value cell replaced by 0: every cell wrong, the key column kept. */
const ALL_WRONG = Buffer.from(
  EXAMPLE.split(/\r?\n/)
    .map((line, i) =>
      i === 0 || !line
        ? line
        : line
            .split(',')
            .map((c, j) => (j === 0 ? c : '0'))
            .join(','),
    )
    .join('\n'),
);

/** The key's value cells as displayed (long enough not to appear by chance), from the grader's key. */
async function keyStrings(e: E2eApp, id: string): Promise<string[]> {
  const key = (await e.http().get(`/api/exercises/${id}/key`).expect(200)).body as { columns: { role: string }[]; rows: { cells: string[] }[] };
  const valueCols = key.columns.map((c, i) => (c.role === 'value' ? i : -1)).filter((i) => i >= 0);
  return [...new Set(key.rows.flatMap((r) => valueCols.map((i) => r.cells[i])).filter((s) => s && /\d/.test(s) && s.replace(/\D/g, '').length >= 4))];
}

function leaks(body: unknown, needles: string[]): string[] {
  const text = JSON.stringify(body);
  return needles.filter((n) => text.includes(`"${n}"`) || text.includes(`:${n},`) || text.includes(`:${n}}`));
}

describe('F2/F3 answer keys and submissions', () => {
  let dir: string;
  let e: E2eApp;
  let trainee: Agent;
  let examTrainee: Agent;
  let graderB: Agent;
  let traineeB: Agent;
  let exerciseIds: string[];

  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir, { SUBMISSIONS_PER_MINUTE: '4' });
    for (const ws of ['class-a', 'class-b', 'class-exam']) await e.http().post('/api/workspaces').send({ name: ws }).expect(201);
    trainee = await userAgent(e, 'ta', 'trainee');
    examTrainee = await userAgent(e, 'tx', 'trainee');
    traineeB = await userAgent(e, 'tb', 'trainee');
    graderB = await userAgent(e, 'gb', 'grader');
    await e.http().post('/api/workspaces/class-a/members').send({ username: 'ta', role: 'trainee' }).expect(201);
    await e.http().post('/api/workspaces/class-exam/members').send({ username: 'tx', role: 'trainee' }).expect(201);
    await e.http().post('/api/workspaces/class-b/members').send({ username: 'tb', role: 'trainee' }).expect(201);
    await e.http().post('/api/workspaces/class-b/members').send({ username: 'gb', role: 'grader' }).expect(201);
    exerciseIds = (await e.http().get('/api/exercises').expect(200)).body.items.map((x: { id: string }) => x.id);
    for (const id of exerciseIds) await e.http().put(`/api/exercises/${id}/assignments/class-a`).send({}).expect(200);
    await e.http().put(`/api/exercises/${ID}/assignments/class-exam`).send({ mode: 'exam' }).expect(200);
  });
  afterAll(async () => {
    await e.close();
    removeDataDir(dir);
  });

  it('F2: refuses header-only answers of every exercise (EMPTY_ANSWER) without a key value in the answer', async () => {
    expect(exerciseIds.length).toBeGreaterThanOrEqual(27);
    for (const id of exerciseIds) {
      const ex = (await trainee.get(`/api/exercises/${id}`).expect(200)).body as { columns: { header: { zh: string } }[] };
      const header = Buffer.from(ex.columns.map((c) => c.header.zh).join(',') + '\n');
      const res = await trainee.post(`/api/exercises/${id}/submissions`).attach('file', header, 'answer.csv');
      expect(res.status).toBe(422);
      expectErrorBody(res.body, 'EMPTY_ANSWER');
      expect(leaks(res.body, await keyStrings(e, id))).toEqual([]);
    }
  });

  it('F2 practice: wrong cells are marked with diagnoses but without expected values until the 3rd try', async () => {
    const needles = await keyStrings(e, ID);
    expect(needles.length).toBeGreaterThan(20);
    // Try 1 was the header-only answer above (it counts). Try 2: everything wrong.
    const second = await trainee.post(`/api/exercises/${ID}/submissions`).attach('file', ALL_WRONG, 'answer.csv').expect(201);
    expect(second.body.feedback).toEqual({ mode: 'practice', tries: 2, revealed: false, revealAfter: 3 });
    expect(second.body.cells.length).toBeGreaterThan(20);
    const wrong = second.body.cells.filter((c: { correct: boolean }) => !c.correct);
    expect(wrong.length).toBeGreaterThan(20);
    for (const c of wrong) {
      expect(c).not.toHaveProperty('expected');
      expect(c).not.toHaveProperty('expectedValue');
    }
    expect(wrong.filter((c: { diagnosis?: unknown }) => c.diagnosis).length).toBeGreaterThan(0);
    expect(leaks(second.body, needles)).toEqual([]);
    // The stored copy, listed back, is redacted the same way.
    const listed = (await trainee.get(`/api/exercises/${ID}/submissions`).expect(200)).body.items;
    expect(listed.map((s: { refused: string | null }) => s.refused)).toEqual([null, 'EMPTY_ANSWER']);
    expect(leaks(listed, needles)).toEqual([]);
    // Try 3: the expected values appear.
    const third = await trainee.post(`/api/exercises/${ID}/submissions`).attach('file', ALL_WRONG, 'answer.csv').expect(201);
    expect(third.body.feedback.revealed).toBe(true);
    expect(third.body.cells.every((c: { expected?: string }) => typeof c.expected === 'string')).toBe(true);
  });

  it('F2: limits submissions per user and exercise (429 with Retry-After)', async () => {
    await trainee.post(`/api/exercises/${ID}/submissions`).attach('file', Buffer.from(EXAMPLE), 'answer.csv').expect(201);
    const limited = await trainee.post(`/api/exercises/${ID}/submissions`).attach('file', Buffer.from(EXAMPLE), 'answer.csv').expect(429);
    expectErrorBody(limited.body, 'TOO_MANY_SUBMISSIONS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('F2 exam: the score only, until the grader releases the results', async () => {
    const res = await examTrainee.post(`/api/exercises/${ID}/submissions`).attach('file', Buffer.from(EXAMPLE), 'answer.csv').expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['exerciseId', 'feedback', 'fileName', 'id', 'maxScore', 'ratio', 'score']);
    expect(res.body.score).toBe(res.body.maxScore);
    expect(res.body.feedback).toMatchObject({ mode: 'exam', released: false });
    // A trainee cannot release; the class's grader (here an admin) can.
    await examTrainee.post(`/api/exercises/${ID}/assignments/class-exam/release`).expect(403);
    await e.http().post(`/api/exercises/${ID}/assignments/class-exam/release`).expect(200);
    const [after] = (await examTrainee.get(`/api/exercises/${ID}/submissions`).expect(200)).body.items;
    expect(after.result.feedback).toMatchObject({ mode: 'exam', released: true });
    expect(after.result.cells.length).toBeGreaterThan(0);
  });

  it('F3: exercises and submissions are scoped to workspaces', async () => {
    // Nothing is assigned to class-b yet: its members see no exercise, and an id answers 404.
    expect((await traineeB.get('/api/exercises').expect(200)).body.items).toEqual([]);
    expectErrorBody((await traineeB.get(`/api/exercises/${ID}`).expect(404)).body, 'EXERCISE_NOT_FOUND');
    await traineeB.post(`/api/exercises/${ID}/submissions`).attach('file', Buffer.from(EXAMPLE), 'b.csv').expect(404);
    await graderB.get(`/api/exercises/${ID}/submissions`).expect(404);
    await graderB.get(`/api/exercises/${ID}/key`).expect(404);
    // The grader of class-b cannot assign to class-a, but can to class-b.
    await graderB.put(`/api/exercises/${ID}/assignments/class-a`).send({ mode: 'exam' }).expect(403);
    await graderB.put(`/api/exercises/${ID}/assignments/class-b`).send({ mode: 'practice', revealAfter: 2 }).expect(200);
    await traineeB.post(`/api/exercises/${ID}/submissions`).attach('file', Buffer.from(EXAMPLE), 'b.csv').expect(201);
    // Now the grader sees class-b's submission and none of class-a's or class-exam's.
    const seen = (await graderB.get(`/api/exercises/${ID}/submissions`).expect(200)).body.items as { username: string; workspace: string }[];
    expect(seen.map((s) => `${s.username}@${s.workspace}`)).toEqual(['tb@class-b']);
    await graderB.get(`/api/exercises/${ID}/key`).expect(200);
    // A trainee sees only their own; the admin sees every workspace's.
    expect(new Set((await traineeB.get(`/api/exercises/${ID}/submissions`).expect(200)).body.items.map((s: { username: string }) => s.username))).toEqual(
      new Set(['tb']),
    );
    const all = (await e.http().get(`/api/exercises/${ID}/submissions`).expect(200)).body.items as { username: string }[];
    expect(new Set(all.map((s) => s.username))).toEqual(new Set(['ta', 'tx', 'tb']));
  });
});
