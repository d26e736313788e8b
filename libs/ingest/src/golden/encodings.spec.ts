/**
 * Encodings and delimiters (DESIGN §3.5, §3.6): the same two-row 巨量千川 plan report written as
 * UTF-8, UTF-8 with BOM, GB18030, UTF-16LE with BOM, and with comma, tab and semicolon delimiters.
 * Every file must give the same typed table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { createDecoder, type TextEncodingName } from '../encoding';
import { ingestBuffer } from '../ingest';
import { IngestError } from '../messages';
import { col, day, expectRowsAddUp, FIXTURES, ingestOk, lines } from './golden-helpers';

/** Worked out from the fixture text (fixtures/ingest/build.mjs, PLAN_ROWS_*). */
const EXPECTED = {
  date: [day(2026, 7, 18), day(2026, 7, 19)],
  plan_id: ['1780000000000000101', '1780000000000000102'],
  plan: ['𠮷野家-套餐', '短视频-牛肉干'],
  // 1,610.67 yuan and 12061.66 yuan in cents
  cost: [161067, 1206166],
  impressions: [98875, 201835],
  clicks: [3298, 9514],
};

const MAPPING = [
  { source: '日期', field: 'date' },
  { source: '计划ID', field: 'plan_id' },
  { source: '计划名称', field: 'plan' },
  { source: '消耗(元)', field: 'cost', scale: 100 },
  { source: '展示数', field: 'impressions' },
  { source: '点击数', field: 'clicks' },
];

describe.each([
  ['utf8.csv', 'UTF-8', ','],
  ['utf8-bom.csv', 'UTF-8 (BOM)', ','],
  ['gb18030.csv', 'GB18030', ','],
  ['utf16le-bom.csv', 'UTF-16LE', 'tab'],
  ['delim-tab.csv', 'UTF-8', 'tab'],
  ['delim-semicolon.csv', 'UTF-8', ';'],
])('%s', (file, encoding, delimiter) => {
  it(`is read as ${encoding}, delimiter ${delimiter}, into the same ad table`, async () => {
    const { table, report } = await ingestOk(file);
    expect(report.encoding).toBe(encoding);
    expect(report.delimiter).toBe(delimiter);
    expect(report.kind).toBe('ad');
    expect(report.headerRow).toBe(1);
    expect(report.mapping).toEqual(MAPPING);
    expect(report.rows).toEqual({ read: 2, accepted: 2, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    expect(report.rejected).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(table.length).toBe(2);
    for (const [field, values] of Object.entries(EXPECTED)) expect([field, col(table, field)]).toEqual([field, values]);
    expect(lines(table)).toEqual([2, 3]);
  });
});

/** Feeds `bytes` to a decoder in `size`-byte chunks; returns the IngestError it throws. */
function decodeFailure(encoding: TextEncodingName, bytes: Buffer, size: number): IngestError {
  const decoder = createDecoder(encoding);
  try {
    for (let i = 0; i < bytes.length; i += size) decoder.write(bytes.subarray(i, i + size));
    decoder.end();
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error('decoded without error');
}

describe('the line of an invalid byte', () => {
  it('not-ok/invalid-utf8.csv in 5-byte chunks (characters split across chunks): line 4', () => {
    const bytes = readFileSync(path.join(FIXTURES, 'not-ok', 'invalid-utf8.csv'));
    for (const size of [1, 5, 7, bytes.length]) {
      const e = decodeFailure('UTF-8', bytes, size);
      expect([size, e.code, e.params]).toEqual([size, 'INVALID_ENCODING', { encoding: 'UTF-8', line: 4 }]);
    }
  });

  it('GB18030 with a stray 0xFF on line 3', () => {
    const bytes = Buffer.concat([iconv.encode('日期,展示数\n2026-07-18,10\n2026-07-19,', 'gb18030'), Buffer.from([0xff]), iconv.encode(',20\n', 'gb18030')]);
    for (const size of [1, 3, bytes.length]) expect(decodeFailure('GB18030', bytes, size).params).toEqual({ encoding: 'GB18030', line: 3 });
  });

  it('UTF-16LE with an unpaired surrogate on line 3', () => {
    const bytes = Buffer.concat([
      iconv.encode('日期\t展示数\r\n2026-07-18\t10\r\n2026-07-19\t', 'utf16le'),
      Buffer.from([0x00, 0xd8]),
      iconv.encode('20\r\n', 'utf16le'),
    ]);
    for (const size of [1, 3, bytes.length]) expect(decodeFailure('UTF-16LE', bytes, size).params).toEqual({ encoding: 'UTF-16LE', line: 3 });
  });

  it('past the 256 KB head of an import detected as UTF-8: the exact line', async () => {
    // 20,000 rows of 18 bytes (360 KB) after the header, then GB18030 bytes on line 20,002.
    const rows = '2026-07-18,101,10\n'.repeat(20_000);
    const bytes = Buffer.concat([
      Buffer.from('日期,计划ID,展示数\n' + rows),
      Buffer.from('2026-07-19,'),
      iconv.encode('搜索', 'gb18030'),
      Buffer.from(',20\n'),
    ]);
    const failure = await ingestBuffer(bytes, { fileName: 'big.csv' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(IngestError);
    expect((failure as IngestError).code).toBe('INVALID_ENCODING');
    expect((failure as IngestError).params).toEqual({ encoding: 'UTF-8', line: 20_002 });
  });
});
