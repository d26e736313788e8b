import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import request from 'supertest';
import { makeDataDir, removeDataDir, startApp, type E2eApp } from './helpers/e2e-app';

/** Exercises over HTTP: tasks without keys, graded submissions kept per user, batch grading from a zip. */
const ID = 'cj-4.3.4-plan-metrics';
const example = readFileSync(join(process.cwd(), 'fixtures', 'exercises', ID, 'example-answer.csv'));

/** A minimal zip (deflate entries) built here, so the test needs no zip library of ours. */
function zipOf(files: { name: string; bytes: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = deflateRawSync(f.bytes);
    const name = Buffer.from(f.name);
    const crc = crc32(f.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(f.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(f.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

describe('exercises API', () => {
  let dir: string;
  let e: E2eApp;
  const trainee = () => request.agent(e.app.getHttpServer());
  let alice: ReturnType<typeof trainee>;
  let bob: ReturnType<typeof trainee>;

  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir);
    await e.http().post('/api/workspaces').send({ name: 'class-a' }).expect(201);
    for (const name of ['alice', 'bob']) {
      await e
        .http()
        .post('/api/users')
        .send({ username: name, password: `${name}-password-1`, role: 'trainee' })
        .expect(201);
      await e.http().post('/api/workspaces/class-a/members').send({ username: name, role: 'trainee' }).expect(201);
    }
    await e.http().put(`/api/exercises/${ID}/assignments/class-a`).send({ mode: 'practice' }).expect(200);
    alice = trainee();
    bob = trainee();
    await alice.post('/api/auth/login').send({ username: 'alice', password: 'alice-password-1' }).expect(200);
    await bob.post('/api/auth/login').send({ username: 'bob', password: 'bob-password-1' }).expect(200);
  });
  afterAll(async () => {
    await e.close();
    removeDataDir(dir);
  });

  it('lists the tasks of the trainee’s class without answer keys, and keeps keys from trainees', async () => {
    expect((await e.http().get('/api/exercises').expect(200)).body.items.length).toBeGreaterThanOrEqual(20);
    const list = await alice.get('/api/exercises').expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([ID]);
    const one = await alice.get(`/api/exercises/${ID}`).expect(200);
    expect(JSON.stringify(one.body)).not.toMatch(/"key"\s*:\s*\{|answerKey/);
    await alice.get(`/api/exercises/${ID}/key`).expect(403);
    await e.http().get(`/api/exercises/${ID}/key`).expect(200);
  });

  it('resolves the workspace of an assignment route at the edge, like every other :ws route', async () => {
    const missing = await e.http().put(`/api/exercises/${ID}/assignments/no-such-class`).send({}).expect(404);
    expect(missing.body.code).toBe('WORKSPACE_NOT_FOUND');
    const invalid = await e
      .http()
      .post(`/api/exercises/${ID}/assignments/${encodeURIComponent('bad name!')}/release`)
      .expect(400);
    expect(invalid.body.code).toBe('INVALID_WORKSPACE_NAME');
  });

  it('grades the worked example at full marks and keeps each trainee’s submissions to themselves', async () => {
    const res = await alice.post(`/api/exercises/${ID}/submissions`).attach('file', example, 'answer.csv').expect(201);
    expect(res.body.score).toBe(res.body.maxScore);
    await bob.post(`/api/exercises/${ID}/submissions`).attach('file', example, 'bob.csv').expect(201);
    expect((await alice.get(`/api/exercises/${ID}/submissions`).expect(200)).body.items.map((s: { username: string }) => s.username)).toEqual(['alice']);
    expect((await e.http().get(`/api/exercises/${ID}/submissions`).expect(200)).body.items.map((s: { username: string }) => s.username).sort()).toEqual([
      'alice',
      'bob',
    ]);
  });

  it('refuses a binary file instead of grading it', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const res = await alice.post(`/api/exercises/${ID}/submissions`).attach('file', png, 'answer.csv').expect(422);
    expect(res.body.code).toBe('SUBMISSION_UNREADABLE');
  });

  it('grades a batch from a zip (file names are student ids) and exports one row per student', async () => {
    const broken = Buffer.from(example.toString('utf8').replace(/\r?\n[^\r\n]*\s*$/, '\n'));
    const zip = zipOf([
      { name: 's001.csv', bytes: example },
      { name: 's002.csv', bytes: example },
      { name: 's003.csv', bytes: broken },
    ]);
    const json = await e.http().post(`/api/exercises/${ID}/batch`).attach('files', zip, 'class.zip').expect(200);
    const students = json.body.students as { studentId: string; score: number }[];
    expect(students.map((s) => s.studentId).sort()).toEqual(['s001', 's002', 's003']);
    const byId = Object.fromEntries(students.map((s) => [s.studentId, s.score]));
    expect(byId.s001).toBe(byId.s002);
    expect(byId.s003).toBeLessThan(byId.s001);
    const xlsx = await e
      .http()
      .post(`/api/exercises/${ID}/batch?format=xlsx`)
      .attach('files', zip, 'class.zip')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0];
    const ids: string[] = [];
    sheet.eachRow((row, n) => n > 1 && ids.push(String(row.getCell(1).value)));
    expect(ids.filter((v) => /^s00\d$/.test(v)).sort()).toEqual(['s001', 's002', 's003']);
  });
});
