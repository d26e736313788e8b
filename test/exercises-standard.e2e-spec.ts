import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDataDir, removeDataDir, startApp, type E2eApp } from './helpers/e2e-app';

/**
 * Issue 17, acceptance 2 over HTTP: GET /api/exercises covers every skill item of the table,
 * and the new exercises grade their worked answers at full marks through the API.
 */
const REQUIRED = [
  '初级 2.2.2',
  '初级 3.1.7',
  '初级 3.1.9',
  '中级 3.1.9',
  '初级 3.2.3',
  '中级 3.2.3',
  '初级 4.3.2',
  '初级 4.3.3',
  '中级 4.3.1',
  '中级 4.3.2',
  '中级 4.3.3',
  '中级 2.1.4',
  '高级 2.2.3',
  '高级 1.1.3',
  '高级 4.1.2',
];

describe('exercises of the standard over HTTP', () => {
  let dir: string;
  let e: E2eApp;
  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir);
  });
  afterAll(async () => {
    await e.close();
    removeDataDir(dir);
  });

  it('lists an exercise for every item of the table', async () => {
    const list = await e.http().get('/api/exercises').expect(200);
    const codes = new Set((list.body.items as { level: string; skill: string }[]).map((x) => `${x.level} ${x.skill}`));
    expect(REQUIRED.filter((c) => !codes.has(c))).toEqual([]);
  });

  it.each(['cj-2.2.2-survey-channels', 'cj-3.1.7-stock-count', 'cj-3.1.9-review-summary', 'cj-3.2.3-xingtu-summary', 'gj-4.1.2-channel-mix'])(
    'grades the worked answer of %s at full marks',
    async (id) => {
      const example = readFileSync(join(process.cwd(), 'fixtures', 'exercises', id, 'example-answer.csv'));
      const res = await e.http().post(`/api/exercises/${id}/submissions`).attach('file', example, 'answer.csv').expect(201);
      expect(res.body.score).toBe(res.body.maxScore);
    },
  );
});
