/**
 * The byte reader (scanner.ts, byte-record.ts, the slots' byte paths) against the reader it replaced
 * (Papa Parse on decoded text, papa-reader.ts): the same file, cut into the same random chunks, must
 * give the same table (bit for bit: every value, validity, code and dictionary entry) and the same report,
 * or the same error. Cells are drawn to hit the quirks: quotes, escaped and stray; line breaks in cells;
 * CRLF and multi-byte characters cut across chunks; `="…"` and tab-prefixed ids; units, percent and
 * null tokens; totals, blank and ragged rows; GB18030 and UTF-16.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { ColumnTable } from '@creator-ops/columnar';
import { EXPORT_KINDS, KINDS, normaliseHeader } from '@creator-ops/schemas';
import type { IngestOptions } from '../ingest-run';
import { dropTabs, isPlainId, skipTabs, wallClockBytes } from '../values/byte-cells';
import { isNullToken, unwrapCell } from '../values/cells';
import { fastDecimalBytes } from '../values/decimal';
import { NumericColumnParser, parseDateCell, parseDateTimeCell, parseIdCell, parsePercentCell } from '../values/field-parsers';
import { IngestError } from '../messages';
import { ingestCsv, type HeadAndRest } from './ingest-csv';

fc.configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20261205) });

const SAMPLES = join(process.cwd(), 'fixtures', 'samples');
/** A sample export's header and data rows (the rows to vary, so most generated rows are accepted). */
function sample(file: string, encoding = 'utf8'): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(iconv.decode(readFileSync(join(SAMPLES, file)), encoding).replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return { header: parsed.data[0], rows: parsed.data.slice(1, 40) };
}
const SAMPLE_FILES = [sample('doudian-orders.csv'), sample('qianchuan-plan-daily.csv', 'gb18030'), sample('xingtu-orders.csv'), sample('doudian-reviews.csv')];
const HEADERS = SAMPLE_FILES.map((f) => f.header);

const CELLS = [
  ...['1', '19.90', '-3.50', '1,234.5', '1,23', '0.001', '1e5', '6.9E+18', '12%', '3.34%', '3万', '¥12', '12元', '999999999999999999'],
  ...[' 7 ', '\t42', '\t6917926768920153024', '="0012"', "'0012", 'SKU004', '13812345678', '请联系13812345678', '朝阳路88号3栋201'],
  ...['N/A', '-', '--', '', '无', '合计', 'Total', 'Sum', '\t合计', '  ', '\u3000', '\u3000合计\u3000', '2026-09-14 19:37:49', '\t2026-09-14 19:37'],
  ...['2026-10-01', '2026-02-30', '2026/9/1', '2026-09-14 25:00:00', '1970-01-01', '2101-01-01', '1780000000000000101', '13:00', '13'],
  ...['$$密文3538110', '##密文370739', '138****5678', '送人的,"包装"好一点', 'a"b', '"', '""', '多行\n文本', 'x\r\ny', '\r', ',', ';'],
  ...['💰12', '好评👍', 'é', '微信 abcdef12', 'mail@example.com', '收件人：张三', '1 2', '12 ', '+5', '.5', '5.', '0', '-0', '00012'],
];

/** How a cell is written: as is, quoted (escaped), or quoted badly. */
const QUOTINGS = ['raw', 'raw', 'quoted', 'quoted', 'stray', 'spaced', 'open'] as const;

function writeCell(text: string, how: (typeof QUOTINGS)[number]): string {
  const q = `"${text.replace(/"/g, '""')}"`;
  if (how === 'quoted') return q;
  if (how === 'stray') return `"${text}"x`;
  if (how === 'spaced') return `${q} \t`;
  if (how === 'open') return `"${text}`;
  return text;
}

const cell = fc
  .tuple(fc.constantFrom(...CELLS), fc.constantFrom(...QUOTINGS), fc.nat(40))
  .map(([text, how, odds]) => writeCell(text, odds < 34 ? (how === 'open' ? 'raw' : how) : how));

interface Shape {
  file: number;
  rows: { base: number; changes: [number, string][]; repeat: number }[];
  delimiter: string;
  eol: string;
  preamble: string[];
  trailingEol: boolean;
  encoding: 'utf8' | 'utf8-bom' | 'gb18030' | 'utf16le-bom';
}

const shape: fc.Arbitrary<Shape> = fc.record({
  file: fc.nat(SAMPLE_FILES.length - 1),
  rows: fc.array(
    fc.record({
      base: fc.nat(),
      // Cells replaced (a column beyond the header's width makes the row ragged; -1 cuts it short).
      changes: fc.array(fc.tuple(fc.integer({ min: -1, max: 40 }), cell), { maxLength: 4 }),
      repeat: fc.constantFrom(1, 1, 1, 3, 20),
    }),
    { maxLength: 14 },
  ),
  delimiter: fc.constantFrom(',', ',', '\t', ';'),
  eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
  preamble: fc.array(fc.constantFrom('巨量千川 计划日报', '报表类型：计划,账户：小鹿旗舰店', '', '导出时间：2026-07-18'), { maxLength: 2 }),
  trailingEol: fc.boolean(),
  encoding: fc.constantFrom('utf8', 'utf8', 'utf8', 'utf8-bom', 'gb18030', 'utf16le-bom'),
});

function text(s: Shape): string {
  const { header, rows: sampleRows } = SAMPLE_FILES[s.file];
  const write = (c: string) => (/[",;\t\r\n]/.test(c) ? writeCell(c, 'quoted') : c);
  const rows = s.rows.flatMap((r) => {
    let cells = sampleRows[r.base % sampleRows.length].map(write);
    for (const [at, c] of r.changes) {
      if (at < 0) cells = cells.slice(0, cells.length - 1);
      else cells[at] = c;
    }
    const line = [...cells].map((c) => c ?? '').join(s.delimiter);
    return Array.from({ length: r.repeat }, () => line);
  });
  const all = [...s.preamble, header.map(write).join(s.delimiter), ...rows].join(s.eol);
  return s.trailingEol ? all + s.eol : all;
}

function encode(t: string, encoding: Shape['encoding']): Buffer {
  if (encoding === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]);
  if (encoding === 'gb18030') return iconv.encode(t, 'gb18030');
  if (encoding === 'utf16le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf16le')]);
  return Buffer.from(t, 'utf8');
}

/**
 * The file as the import reads it: a head, then the rest in chunks of the given sizes (cycled). As
 * fileChunks reads them, every chunk is a view of one buffer that the next chunk overwrites (after
 * scribbling quotes and line breaks over it): a reader must copy what it keeps.
 */
function headAndRest(bytes: Buffer, headLength: number, sizes: number[]): HeadAndRest {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  for (let at = headLength, i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length];
    chunks.push(bytes.subarray(at, at + n));
    at += n;
  }
  const head = bytes.subarray(0, headLength);
  hash.update(head);
  let next = 0;
  const shared = Buffer.alloc(Math.max(0, ...sizes));
  const rest = chunks.length
    ? {
        next: async (): Promise<IteratorResult<Buffer>> => {
          shared.fill('"\n');
          if (next >= chunks.length) return { done: true, value: undefined };
          hash.update(chunks[next]);
          const chunk = shared.subarray(0, chunks[next].length);
          chunks[next++].copy(chunk);
          return { done: false, value: chunk };
        },
      }
    : null;
  return { head, rest, hash };
}

/** Everything an import gives, as plain data: typed arrays as hex (bit for bit), or the error. */
function canonical(t: ColumnTable): unknown {
  const hex = (a: ArrayBufferView | null) => (a ? Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex') : null);
  const columns = [...t.columns].map(([name, c]) =>
    c.type === 'num' ? { name, values: hex(c.values), valid: hex(c.valid) } : { name, codes: hex(c.codes), dict: c.dict },
  );
  return { kind: t.kind, length: t.length, specs: t.specs, columns };
}

async function outcome(file: () => HeadAndRest, opts: IngestOptions, reader: 'bytes' | 'papa'): Promise<unknown> {
  try {
    const { table, report } = await ingestCsv(file(), opts, reader);
    return { table: canonical(table), report };
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    return { error: e.code, params: e.params };
  }
}

async function expectSame(bytes: Buffer, headLength: number, sizes: number[], opts: IngestOptions) {
  const file = () => headAndRest(bytes, headLength, sizes);
  const papa = await outcome(file, opts, 'papa');
  const ours = await outcome(file, opts, 'bytes');
  expect(ours).toEqual(papa);
  return (papa as { table?: { length: number } }).table?.length ?? 0;
}

const OPTS: IngestOptions = { fileName: 'byte-reader.csv', secret: 'spec-secret' };

describe('byte reader = Papa reader', () => {
  it('gives the same tables, reports and errors on random files cut into random chunks', async () => {
    const accepted: number[] = [];
    await fc.assert(
      fc.asyncProperty(shape, fc.nat(), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }), async (s, headCut, sizes) => {
        const bytes = encode(text(s), s.encoding);
        const headLength = bytes.length === 0 ? 0 : 1 + (headCut % bytes.length);
        accepted.push(await expectSame(bytes, Math.max(headLength, Math.min(bytes.length, 600)), sizes, OPTS));
      }),
      { numRuns: 400 },
    );
    // The files are mostly good: the comparison covers accepted values, not only errors.
    expect(accepted.filter((n) => n > 0).length).toBeGreaterThan(200);
    expect(accepted.reduce((a, b) => a + b, 0)).toBeGreaterThan(300);
  }, 120_000);

  it('matches on a real export cut at every byte of its second record', async () => {
    const bytes = readFileSync(join(SAMPLES, 'doudian-orders.csv'));
    const firstBreak = bytes.indexOf(10) + 1;
    const second = bytes.indexOf(10, firstBreak) + 1;
    for (let cut = firstBreak; cut <= second + 1; cut++) await expectSame(bytes, cut, [second + 2 - cut, 3, 1000], OPTS);
  }, 60_000);

  it('matches on malformed quoting, line breaks in cells and multi-byte characters at chunk edges', async () => {
    const header = HEADERS[0].join(',');
    const row = (first: string) => [first, ...HEADERS[0].slice(1).map((_, i) => CELLS[(i * 7) % CELLS.length].replace(/[",\r\n]/g, ''))].join(',');
    const files = [
      `${header}\n${row('"a\nb"')}\n${row('"x"y,z')}\n${row('"unclosed')}\n`,
      `${header}\r\n${row('"1"  ')}\r\n${row('"多行\r\n文本"')}\r\n\r\n${row('合计')}\r\n`,
      `${header}\n${row('"""q"""')}\n${row('"a" ,"b"')}\n${row('"ab"\u3000')}\n${row('"ab" x')}`,
      `${header}\n${row('"a""')}`,
      `${header}\n${row('"a"')}"`,
    ];
    for (const t of files) {
      const bytes = Buffer.from(t, 'utf8');
      for (const size of [1, 2, 3, 5, 7, 64]) await expectSame(bytes, header.length + 1, [size], OPTS);
      await expectSame(iconv.encode(t, 'gb18030'), 400, [1, 2], OPTS);
    }
  }, 60_000);
});

describe('byte fast paths = text parsers', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const isoLike = fc
    .tuple(fc.integer({ min: 1960, max: 2110 }), fc.nat(13), fc.nat(32), fc.nat(25), fc.nat(61), fc.nat(61), fc.constantFrom(10, 16, 19))
    .map(([y, m, d, h, mi, s, n]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`.slice(0, n));
  const CHARS = [...'0123456789', ...'0123456789', '-', '+', '.', ',', ' ', ':', '\t', 'e', 'E', 'a', 'Z', '_', "'", '=', '"', '%'];
  const decimals = fc.stringMatching(/^[+-]?\d{0,18}(\.\d{0,8})?$/);
  const texts = fc.oneof(
    fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 22 }),
    decimals,
    decimals.map((d) => `${d}%`),
    isoLike,
    isoLike.map((t) => `\t${t}\t`),
  );
  const plain = (t: string) => {
    const b = Buffer.from(t, 'utf8');
    const from = skipTabs(b, 0, b.length);
    return { b, from, to: dropTabs(b, from, b.length) };
  };
  const fields = EXPORT_KINDS.flatMap((k) => KINDS[k].fields).filter((f) => ['int', 'decimal', 'money'].includes(f.type));

  it('reads dates and datetimes as parseDateCell and parseDateTimeCell do', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const { b, from, to } = plain(t);
        const text = unwrapCell(t);
        for (const [time, parse] of [
          [false, parseDateCell],
          [true, parseDateTimeCell],
        ] as const) {
          const v = wallClockBytes(b, from, to, time);
          if (v !== null) expect(parse(text)).toEqual({ ok: true, value: v });
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('reads plain decimals, percents and ids as the text parsers do', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...fields), fc.constantFrom('', '(元)', '(万)', '(亿)', '(秒)', '(分钟)'), (t, field, unit) => {
        const { b, from, to } = plain(t);
        const text = unwrapCell(t);
        const header = normaliseHeader(field.aliases[0] + unit).unit;
        const byBytes = new NumericColumnParser(field, header, 1);
        const byText = new NumericColumnParser(field, header, 1);
        const r = byBytes.parseBytes(b, from, to);
        if (r !== null) {
          expect(isNullToken(text)).toBe(false);
          expect(byText.parse(text)).toEqual(typeof r === 'number' ? { ok: true, value: r } : { ok: false, code: r });
          expect(byBytes.subCentCount).toBe(byText.subCentCount);
        }
        // PercentSlot.acceptBytes: the number as written and in hundredths, and whether one % follows it.
        const signed = to > from && b[to - 1] === 37;
        const digitsEnd = signed ? to - 1 : to;
        const asWritten = fastDecimalBytes(b, from, digitsEnd, 0);
        if (asWritten !== null) {
          expect(parsePercentCell(text)).toEqual({ ok: true, value: { asWritten, hundredths: fastDecimalBytes(b, from, digitsEnd, -2), hadSign: signed } });
        }
        if (isPlainId(b, from, to)) {
          expect(isNullToken(text)).toBe(false);
          expect(parseIdCell(text)).toEqual({ ok: true, value: b.toString('latin1', from, to) });
        }
      }),
      { numRuns: 5000 },
    );
  });
});
