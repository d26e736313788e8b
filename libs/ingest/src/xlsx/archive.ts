/**
 * The xlsx container (a ZIP archive), opened with yauzl and checked from its central directory
 * before a single byte is inflated (DESIGN §9): archive size, entry count, declared sizes, the
 * compression ratio of large entries, encryption. Entries are then inflated one at a time, only
 * those the reader needs (never macros, media or unchosen sheets), and yauzl stops any entry that
 * inflates past its declared size, so a lying header cannot get further than an honest one.
 */
import { stat } from 'node:fs/promises';
import { pipeline, Transform, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { IngestError } from '../messages';

const MiB = 1024 * 1024;

export interface ArchiveLimits {
  /** Bytes of the archive itself. */
  archiveBytes: number;
  /** Entries in the central directory (as the end record declares them). */
  entries: number;
  /** Declared uncompressed bytes of one entry. */
  entryBytes: number;
  /** Declared uncompressed bytes of all entries together. */
  totalBytes: number;
  /** An entry larger than `ratioMinBytes` whose uncompressed/compressed ratio exceeds this is a bomb. */
  ratio: number;
  ratioMinBytes: number;
  /** The shared-strings table is held in memory whole: a tighter bound than other entries. */
  sharedStringsBytes: number;
}

export const XLSX_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  archiveBytes: 256 * MiB,
  entries: 10_000,
  entryBytes: 768 * MiB,
  totalBytes: 1024 * MiB,
  ratio: 200,
  ratioMinBytes: 8 * MiB,
  sharedStringsBytes: 192 * MiB,
});

export type ArchiveSource = { path: string } | { buffer: Buffer };

const mb = (bytes: number) => Math.ceil(bytes / MiB);

/** An opened, pre-scanned archive: entries by name (exact, and lower-cased as a fallback). */
export class XlsxArchive {
  private readonly byLowerName = new Map<string, Entry>();

  private constructor(
    private readonly zip: ZipFile,
    readonly entries: Map<string, Entry>,
    readonly bytes: number,
    readonly limits: ArchiveLimits,
  ) {
    for (const [name, entry] of entries) if (!this.byLowerName.has(name.toLowerCase())) this.byLowerName.set(name.toLowerCase(), entry);
  }

  /** Opens and pre-scans the archive; throws an IngestError for anything unsafe or unreadable. */
  static async open(source: ArchiveSource, limits: ArchiveLimits = XLSX_LIMITS): Promise<XlsxArchive> {
    const bytes = 'buffer' in source ? source.buffer.length : (await stat(source.path)).size;
    if (bytes > limits.archiveBytes) throw new IngestError('XLSX_TOO_LARGE', { size: mb(bytes), max: mb(limits.archiveBytes) });
    const options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false };
    let zip: ZipFile;
    try {
      zip = 'buffer' in source ? await yauzl.fromBufferPromise(source.buffer, options) : await yauzl.openPromise(source.path, options);
    } catch (e) {
      throw archiveError(e);
    }
    // Late errors of the reader reach the pending read; never an unhandled 'error' event.
    zip.on('error', () => undefined);
    try {
      return new XlsxArchive(zip, await scan(zip, limits), bytes, limits);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  entry(name: string): Entry | undefined {
    return this.entries.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /**
   * The inflated content of one entry, as a stream that fails when it exceeds the declared size
   * (yauzl) or, at its end, when its CRC-32 is not the one recorded (damage that still inflates).
   * It is decoded as UTF-8 text here, so that a character split between two chunks stays whole
   * (exceljs's SAX layer decodes each chunk on its own and would garble it). `onBytes` hears of the
   * inflated bytes so far.
   */
  async openText(entry: Entry, onBytes?: (inflated: number) => void): Promise<Readable> {
    let raw: Readable;
    try {
      raw = await this.zip.openReadStreamPromise(entry);
    } catch (e) {
      throw archiveError(e, entry.fileName);
    }
    let crc = 0;
    let inflated = 0;
    const checked = new Transform({
      transform(chunk: Buffer, _enc, done) {
        crc = crc32(chunk, crc);
        inflated += chunk.length;
        onBytes?.(inflated);
        done(null, chunk);
      },
      flush(done) {
        done(crc >>> 0 === entry.crc32 >>> 0 ? null : new IngestError('XLSX_CORRUPT'));
      },
    });
    return pipeline(raw, checked, () => undefined).setEncoding('utf8');
  }

  close() {
    this.zip.close();
  }
}

/** Reads the central directory (no decompression) and applies the limits. */
async function scan(zip: ZipFile, limits: ArchiveLimits): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.entries) throw new IngestError('XLSX_TOO_MANY_ENTRIES', { count: zip.entryCount, max: limits.entries });
  const entries = new Map<string, Entry>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.generalPurposeBitFlag & 0x41) throw new IngestError('XLSX_ENCRYPTED');
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new IngestError('XLSX_CORRUPT');
      const size = entry.uncompressedSize;
      if (size > limits.ratioMinBytes && size > limits.ratio * Math.max(entry.compressedSize, 1)) {
        throw new IngestError('XLSX_ZIP_BOMB', { part: entry.fileName });
      }
      if (size > limits.entryBytes) throw new IngestError('XLSX_UNCOMPRESSED_TOO_LARGE', { size: mb(size), max: mb(limits.entryBytes) });
      total += size;
      if (total > limits.totalBytes) throw new IngestError('XLSX_UNCOMPRESSED_TOO_LARGE', { size: mb(total), max: mb(limits.totalBytes) });
      if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
    }
  } catch (e) {
    throw archiveError(e);
  }
  return entries;
}

/**
 * An error of the ZIP layer as an IngestError: an entry inflating past its declared size is a zip
 * bomb with a lying header; encryption yauzl refuses is encryption; anything else (no end record,
 * bad signatures, a broken deflate stream, bad names) is a corrupt archive.
 */
export function archiveError(e: unknown, part = ''): IngestError {
  if (e instanceof IngestError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/too many bytes in the stream/.test(message)) return new IngestError('XLSX_ZIP_BOMB', { part });
  if (/encrypt/i.test(message)) return new IngestError('XLSX_ENCRYPTED');
  return new IngestError('XLSX_CORRUPT');
}
