import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Papa from 'papaparse';
import { ingestFile } from '@creator-ops/ingest';
import { generateExport, type GenerateKind } from './index';

/** Generators of the kinds added by issue 17: deterministic, exact counts, and they import as their kind. */
async function gen(kind: GenerateKind, rows: number, seed: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  const out = new Writable({ write: (chunk: Buffer, _enc, cb) => (parts.push(chunk), cb()) });
  await generateExport({ kind, rows, seed, out });
  return Buffer.concat(parts);
}

const records = (buf: Buffer) => Papa.parse<string[]>(buf.toString('utf8').slice(1), { header: false, newline: '\r\n', skipEmptyLines: true }).data;

const dir = mkdtempSync(join(tmpdir(), 'gen-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importOf(kind: GenerateKind, buf: Buffer) {
  const file = join(dir, `${kind}.csv`);
  writeFileSync(file, buf);
  return ingestFile(file, { fileName: `${kind}.csv`, account: '生成' });
}

const NEW_KINDS: GenerateKind[] = ['review', 'stock_move', 'survey', 'xingtu'];

describe.each(NEW_KINDS)('generate %s', (kind) => {
  it('gives the same bytes for the same seed and other bytes for another', async () => {
    const a = await gen(kind, 800, 5);
    expect(a.equals(await gen(kind, 800, 5))).toBe(true);
    expect(a.equals(await gen(kind, 800, 6))).toBe(false);
  });

  it('writes exactly the rows asked for, and every row imports as the kind', async () => {
    const buf = await gen(kind, 1234, 9);
    const recs = records(buf);
    expect(recs.length).toBe(1235);
    const { report } = await importOf(kind, buf);
    expect(report.kind).toBe(kind);
    expect(report.rows).toEqual({ read: 1234, accepted: 1234, rejected: 0, skipped: 0 });
  });
});

describe('generate review', () => {
  it('scrubs exactly the texts that carry a phone number', async () => {
    const buf = await gen('review', 3000, 11);
    const recs = records(buf);
    const text = recs[0].indexOf('评价内容');
    const withPhone = recs.slice(1).filter((r) => /1[3-9]\d{9}/.test(r[text])).length;
    expect(withPhone).toBeGreaterThan(0);
    const { report } = await importOf('review', buf);
    expect(report.warnings.find((w) => w.code === 'PII_TEXT_SCRUBBED')?.params).toEqual({ count: withPhone, columns: '评价内容' });
  });
});

describe('generate survey', () => {
  it('never stores the IPs it writes', async () => {
    const buf = await gen('survey', 500, 3);
    const ip = records(buf)[1][4];
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const { table, report } = await importOf('survey', buf);
    expect(report.warnings.find((w) => w.code === 'PII_DROPPED')?.params).toEqual({ columns: '来自IP' });
    expect(table.columns.has('来自IP')).toBe(false);
  });
});
