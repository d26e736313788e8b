/**
 * Bad xlsx files (DESIGN §9, issue 5): each rejected with its own code, as an IngestError (never a
 * crash), through every entry point (file, buffer, stream); the zip bomb without inflating it.
 */
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ingestBuffer, ingestFile, ingestStream } from '../ingest';
import { IngestError } from '../messages';
import { XLSX_LIMITS } from './archive';
import { ingestXlsx } from './ingest-xlsx';
import { failureOf, notOkPath, okPath, xlsxFailure } from './xlsx-helpers';

const CASES: [file: string, code: string, why: string][] = [
  ['encrypted.xlsx', 'XLSX_ENCRYPTED', 'an OLE2 compound file holding EncryptionInfo/EncryptedPackage (password-protected xlsx)'],
  ['encrypted-entries.xlsx', 'XLSX_ENCRYPTED', 'ZIP entries flagged encrypted (general-purpose bit 0)'],
  ['legacy.xls', 'XLS_NOT_SUPPORTED', 'an OLE2 compound file holding a Workbook stream (Excel 97-2003)'],
  ['zip-bomb.xlsx', 'XLSX_ZIP_BOMB', 'a 200 MiB sheet deflated ~1000:1 (declared honestly)'],
  ['zip-bomb-lying.xlsx', 'XLSX_ZIP_BOMB', 'a sheet declared as 2 KiB that inflates to 32 MiB'],
  ['truncated.xlsx', 'XLSX_CORRUPT', 'the first 60% of a workbook: no central directory'],
  ['bad-deflate.xlsx', 'XLSX_CORRUPT', 'a sheet whose deflate data is invalid'],
  ['bad-crc.xlsx', 'XLSX_CORRUPT', 'a stored sheet whose bytes do not match its CRC-32'],
  ['bad-xml.xlsx', 'XLSX_CORRUPT', 'a sheet that is not well-formed XML'],
  ['truncated-sheet.xlsx', 'XLSX_CORRUPT', 'a sheet cut short inside an intact archive'],
  ['not-a-workbook.xlsx', 'XLSX_NOT_SUPPORTED', 'a ZIP that holds a CSV'],
  ['too-many-entries.xlsx', 'XLSX_TOO_MANY_ENTRIES', 'an end record declaring 10,001 entries'],
  ['empty-sheet.xlsx', 'EMPTY_FILE', 'a workbook whose only sheet has no rows'],
];

describe.each(CASES)('not-ok/%s', (file, code, why) => {
  it(`fails with ${code}: ${why}`, async () => {
    const e = await xlsxFailure(file);
    expect(e.code).toBe(code);
    expect(e.messageZh).not.toMatch(/\{\w+\}/);
    expect(e.message).not.toMatch(/\{\w+\}/);
  });

  it(`fails the same way from a buffer and from a stream`, async () => {
    const bytes = readFileSync(notOkPath(file));
    expect((await failureOf(ingestBuffer(bytes, { fileName: file }))).code).toBe(code);
    expect((await failureOf(ingestStream(createReadStream(notOkPath(file)), { fileName: file }))).code).toBe(code);
  });
});

describe('zip bombs', () => {
  it('zip-bomb.xlsx is refused from its central directory, in well under 2 s, from a file, a buffer or a stream', async () => {
    const bytes = readFileSync(notOkPath('zip-bomb.xlsx'));
    expect(bytes.length).toBeLessThan(256 * 1024);
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const failures = await Promise.all([
      failureOf(ingestFile(notOkPath('zip-bomb.xlsx'), { fileName: 'zip-bomb.xlsx' })),
      failureOf(ingestBuffer(bytes, { fileName: 'zip-bomb.xlsx' })),
      failureOf(ingestStream(createReadStream(notOkPath('zip-bomb.xlsx')), { fileName: 'zip-bomb.xlsx' })),
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(failures.map((e) => e.code)).toEqual(['XLSX_ZIP_BOMB', 'XLSX_ZIP_BOMB', 'XLSX_ZIP_BOMB']);
    expect(failures[0].params).toEqual({ part: 'xl/worksheets/sheet1.xml' });
    // Nothing like the 200 MiB was ever held.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('zip-bomb-lying.xlsx is stopped at its declared 2 KiB, not after 32 MiB', async () => {
    const started = performance.now();
    const e = await xlsxFailure('zip-bomb-lying.xlsx');
    expect(e.code).toBe('XLSX_ZIP_BOMB');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('limits', () => {
  const two = { path: okPath('two-sheets.xlsx') };
  const opts = { fileName: 'two-sheets.xlsx' };

  it('refuses an archive over the size limit before opening it', async () => {
    const e = await failureOf(ingestXlsx(two, opts, undefined, { ...XLSX_LIMITS, archiveBytes: 1000 }));
    expect(e.code).toBe('XLSX_TOO_LARGE');
  });

  it('refuses more entries than allowed, declared sizes over the per-entry and total limits, and a large shared-strings table', async () => {
    expect((await failureOf(ingestXlsx(two, opts, undefined, { ...XLSX_LIMITS, entries: 5 }))).code).toBe('XLSX_TOO_MANY_ENTRIES');
    expect((await failureOf(ingestXlsx(two, opts, undefined, { ...XLSX_LIMITS, entryBytes: 1000 }))).code).toBe('XLSX_UNCOMPRESSED_TOO_LARGE');
    expect((await failureOf(ingestXlsx(two, opts, undefined, { ...XLSX_LIMITS, totalBytes: 5000 }))).code).toBe('XLSX_UNCOMPRESSED_TOO_LARGE');
    expect((await failureOf(ingestXlsx(two, opts, undefined, { ...XLSX_LIMITS, sharedStringsBytes: 100 }))).code).toBe('XLSX_UNCOMPRESSED_TOO_LARGE');
  });

  it('applies the ratio guard only to large entries', async () => {
    // two-sheets.xlsx's XML parts compress well but are small: not a bomb under the default floor.
    await expect(ingestXlsx(two, opts, undefined, { ...XLSX_LIMITS, ratio: 2 })).resolves.toBeDefined();
    const e = await failureOf(ingestXlsx(two, opts, undefined, { ...XLSX_LIMITS, ratio: 2, ratioMinBytes: 100 }));
    expect(e.code).toBe('XLSX_ZIP_BOMB');
  });
});

describe('entry points and clean-up', () => {
  const spools = () => readdirSync(tmpdir()).filter((f) => f.startsWith('creator-ops-xlsx-')).length;

  it('imports an xlsx from a file, a buffer and a stream alike, with the same provenance', async () => {
    const path = okPath('two-sheets.xlsx');
    const bytes = readFileSync(path);
    const before = spools();
    const a = await ingestFile(path, { fileName: 'two-sheets.xlsx' });
    const b = await ingestBuffer(bytes, { fileName: 'two-sheets.xlsx' });
    const c = await ingestStream(createReadStream(path, { highWaterMark: 1024 }), { fileName: 'two-sheets.xlsx' });
    for (const r of [b, c]) {
      expect(r.report).toEqual(a.report);
      expect(r.table.length).toBe(a.table.length);
    }
    expect(a.report.source.bytes).toBe(bytes.length);
    expect(a.report.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(spools()).toBe(before);
  });

  it('leaves no spool behind when a streamed xlsx fails', async () => {
    const before = spools();
    await failureOf(ingestStream(createReadStream(notOkPath('bad-xml.xlsx')), { fileName: 'bad-xml.xlsx' }));
    expect(spools()).toBe(before);
  });

  it('fails every bad file at once with IngestErrors only (the server stays up)', async () => {
    const results = await Promise.allSettled(CASES.map(([file]) => ingestFile(notOkPath(file), { fileName: file })));
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(IngestError);
    }
    // And a good import right after works.
    const { table } = await ingestFile(okPath('qianchuan-inline.xlsx'), { fileName: 'qianchuan-inline.xlsx' });
    expect(table.length).toBe(3);
  });
});
