import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectErrorBody, listFiles, makeDataDir, removeDataDir, startApp, upload, workspaceFiles, type E2eApp } from './helpers/e2e-app';

/**
 * The bad-input corpus (fixtures/bad, issue 8) over real HTTP: every file is uploaded to one fresh
 * workspace and gets exactly the status and code its manifest entry names. A refused file leaves
 * the workspace as it was (datasets list, files under DATA_DIR/workspaces, no upload left in the
 * temp dir) and its error body has the one error shape without a stack or a path; an imported file
 * has exactly the rows accepted and rejected (with their codes) the entry names. After every
 * upload the server still answers /api/health. Hostile file names are labels only: nothing is
 * written outside DATA_DIR and the stored name is the sanitised base name. Formula-looking cells
 * are imported as text and neutralised in the report's CSV and XLSX exports.
 */

interface Refused {
  status: number;
  code: string;
}
interface Imported {
  status: 201;
  accepted: number;
  rejected: number;
  rejectCodes: string[];
  warnings?: string[];
  skipped?: number;
  fileName?: string;
}
interface Entry {
  file: string;
  uploadName?: string;
  fields?: Record<string, string>;
  generated?: string;
  expect: Refused | Imported;
  why: string;
}

const BAD = join(process.cwd(), 'fixtures', 'bad');
const MANIFEST: Entry[] = JSON.parse(readFileSync(join(BAD, 'manifest.json'), 'utf8'));
const WS = 'bad-corpus';
const ERROR_KEYS = ['code', 'message', 'messages', 'details', 'requestId'];

let dir: string;
let e: E2eApp;
let generate: (file: string) => Buffer;

beforeAll(async () => {
  dir = makeDataDir();
  e = await startApp(dir);
  // build.mjs makes the large cases at test time (they are not committed); importing it writes nothing.
  ({ generate } = (await import(pathToFileURL(join(BAD, 'build.mjs')).href)) as { generate: (file: string) => Buffer });
  await e.http().post('/api/workspaces').send({ name: WS }).expect(201);
});

afterAll(async () => {
  await e?.close();
  removeDataDir(dir);
});

const bytesOf = (entry: Entry): Buffer => (entry.generated ? generate(entry.file) : readFileSync(join(BAD, entry.file)));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What a refused upload must not change: the datasets list and every file under DATA_DIR/workspaces. */
async function workspaceState() {
  const list = await e.http().get(`/api/workspaces/${WS}/datasets`).expect(200);
  const files = Object.fromEntries(workspaceFiles(dir).map((f) => [relative(dir, f), sha256(readFileSync(f))]));
  return { datasets: list.body.items as unknown[], files };
}

/** RFC 5987 `filename*`: the name reaches the server byte for byte (CR, LF, NUL, backslashes and all). */
const rfc5987 = (name: string) => encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A multipart upload written by hand, so that no client library tidies the file name first. */
function uploadNamed(bytes: Buffer, name: string, fields: Record<string, string> = {}) {
  const boundary = `----bad-input-${randomUUID()}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${rfc5987(name)}\r\nContent-Type: text/csv\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return e.http().post(`/api/workspaces/${WS}/datasets`).set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(Buffer.concat(parts));
}

/** Where a careless server could have written a hostile name: none of these may appear. */
function escapeTargets(name: string): string[] {
  if (name.includes('\u0000')) return [];
  const bases = [dir, join(dir, 'tmp', 'uploads'), join(dir, 'workspaces'), process.cwd(), tmpdir()];
  return bases.map((b) => resolve(b, name.replace(/\\/g, '/'))).filter((p) => !p.startsWith(dir + '/'));
}

describe('the corpus', () => {
  it('has at least 60 cases, each with an exact expectation', () => {
    expect(MANIFEST.length).toBeGreaterThanOrEqual(60);
    for (const entry of MANIFEST) {
      expect(typeof entry.why).toBe('string');
      if (entry.expect.status === 201)
        expect(entry.expect).toMatchObject({ accepted: expect.any(Number), rejected: expect.any(Number), rejectCodes: expect.any(Array) });
      else expect(entry.expect).toMatchObject({ status: expect.any(Number), code: expect.stringMatching(/^[A-Z][A-Z0-9_]+$/) });
      if (!entry.generated) expect(existsSync(join(BAD, entry.file))).toBe(true);
    }
    expect(MANIFEST.filter((m) => m.generated).map((m) => m.file)).toEqual(expect.arrayContaining(['huge-cell-50mb.csv', 'wide-10000-columns.csv']));
  });
});

describe('uploading every corpus file', () => {
  const preexisting = new Map<string, boolean>();

  beforeAll(() => {
    for (const entry of MANIFEST) for (const p of escapeTargets(entry.uploadName ?? '')) preexisting.set(p, existsSync(p));
  });

  it.each(MANIFEST.map((m) => [m.file, m] as const))('%s', async (_file, entry) => {
    const bytes = bytesOf(entry);
    const before = await workspaceState();
    const res =
      entry.uploadName === undefined
        ? await upload(e, WS, bytes, entry.file, entry.fields ?? {})
        : await uploadNamed(bytes, entry.uploadName, entry.fields ?? {});
    const want = entry.expect;
    expect({ status: res.status, code: res.body.code }).toEqual({ status: want.status, code: want.status === 201 ? undefined : (want as Refused).code });

    if (want.status === 201) {
      const w = want as Imported;
      const report = res.body.report;
      expect(report.rows).toMatchObject({
        accepted: w.accepted,
        rejected: w.rejected,
        read: report.rows.accepted + report.rows.rejected + report.rows.skipped,
      });
      expect(report.rejected.map((r: { code: string }) => r.code)).toEqual(w.rejectCodes);
      if (w.skipped !== undefined) expect(report.rows.skipped).toBe(w.skipped);
      if (w.warnings) expect(report.warnings.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(w.warnings));
      expect(res.body.fileName).toBe(w.fileName ?? entry.file);
      const after = await e.http().get(`/api/workspaces/${WS}/datasets/${res.body.id}`).expect(200);
      expect(after.body.fileName).toBe(w.fileName ?? entry.file);
    } else {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorBody(res.body, (want as Refused).code);
      for (const key of Object.keys(res.body)) expect(ERROR_KEYS).toContain(key);
      const text = JSON.stringify(res.body);
      for (const secret of [dir, process.cwd(), `${tmpdir()}/`, 'node_modules']) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/\n\s+at |\bat [^ ]+ \(|\.(?:ts|js|mjs):\d+/);
      // Nothing of the refused upload remains: the workspace is as it was, the temp dir is empty.
      expect(await workspaceState()).toEqual(before);
    }
    expect(listFiles(join(dir, 'tmp', 'uploads'))).toEqual([]);
    await e.http().get('/api/health').expect(200, { status: 'ok' });
  });

  it('wrote nothing outside DATA_DIR for hostile names', () => {
    for (const [p, existed] of preexisting) expect({ path: p, exists: existsSync(p) }).toEqual({ path: p, exists: existed });
    // Inside DATA_DIR, workspace data is Arrow files only.
    for (const f of workspaceFiles(dir)) expect(f).toMatch(/\.arrow$/);
  });
});

describe('formula-injection cells in exports', () => {
  const HOSTILE = ['=HYPERLINK(', '+cmd|', '@SUM(', '-2+3+cmd|', '=DDE(', '=1+1'];
  // A tab before digits only is how platform CSVs keep long ids as text in Excel (issue 14); it cannot start a formula.
  const dangerous = (cell: string) =>
    (/^[=+@\t\r]/.test(cell) && !/^\t\d+$/.test(cell)) || (/^-/.test(cell) && !/^-¥?[\d,]+(\.\d+)?%?$/.test(cell) && cell !== '-');

  it('keeps the titles as text and neutralises them in the report CSV', async () => {
    const res = await e.http().get(`/api/workspaces/${WS}/reports/content_ranking/export.csv?preset=all`).expect(200);
    const cells = Papa.parse<string[]>(res.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat();
    for (const start of HOSTILE) expect(cells).toContainEqual(expect.stringMatching(new RegExp(`^'${start.replace(/[|+()]/g, '\\$&')}`)));
    expect(cells.filter(dangerous)).toEqual([]);
  });

  it('neutralises them in the report workbook', async () => {
    const res = await e.http().get(`/api/workspaces/${WS}/reports/content_ranking/export.xlsx?preset=all`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    let formulas = 0;
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(formulas).toBe(0);
    expect(texts).toContainEqual(expect.stringMatching(/^'=HYPERLINK\(/));
    expect(texts.filter(dangerous)).toEqual([]);
  });
});

/** Collects a binary response body as a Buffer (supertest's parser signature). */
function binary(res: import('supertest').Response, done: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
