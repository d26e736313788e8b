/**
 * The workbook inside a pre-scanned archive, read with exceljs's streaming reader
 * (`ExcelJS.stream.xlsx.WorkbookReader`, shared strings and styles cached, hyperlinks ignored,
 * worksheets emitted). exceljs's own `parse()` walks the ZIP front to back with unzipper (every
 * entry inflated, sheets that come before the shared strings spooled to temp files, no size
 * checks); here the same reader's part parsers (relationships, workbook, styles, shared strings)
 * are fed by yauzl instead: random access, each part inflated only when needed and only up to its
 * declared size, sheets in the workbook's order, a sheet's first rows read without inflating the
 * rest (sheet choice), macros never touched. Sheet rows stream through exceljs's SAX layer into
 * sheet-reader.ts.
 */
import type { Readable } from 'node:stream';
import type { Entry } from 'yauzl';
import { IngestError } from '../messages';
import { archiveError, type XlsxArchive } from './archive';
import { sheetRows, type SheetRow } from './sheet-reader';

export interface SheetInfo {
  name: string;
  /** 1-based position in the workbook's tab order (hidden sheets included). */
  index: number;
  hidden: boolean;
  entry: Entry;
}

interface Relationship {
  Id: string;
  Type?: string;
  Target: string;
  TargetMode?: string;
}

/** The parts of exceljs's WorkbookReader used here (4.4.0; not in its type declarations). */
interface ReaderInternals {
  workbookRels?: Relationship[];
  model?: { sheets?: { name?: string; id?: number; rId?: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: unknown[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

export class XlsxBook {
  private constructor(
    private readonly archive: XlsxArchive,
    private readonly reader: ReaderInternals,
    readonly sheets: SheetInfo[],
  ) {}

  get date1904(): boolean {
    return this.reader.properties?.model?.date1904 === true;
  }

  /** Reads the workbook's relationships, sheet list, styles and shared strings. */
  static async open(archive: XlsxArchive): Promise<XlsxBook> {
    // Loaded with the first workbook: importing a CSV never loads ExcelJS (a third of the CLI's start).
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader('', {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    });
    const reader = workbook as unknown as ReaderInternals;
    const parse = async (entry: Entry, how: (stream: Readable) => Promise<void>) => {
      try {
        await how(await archive.openText(entry));
      } catch (e) {
        throw archiveError(e, entry.fileName);
      }
    };

    // The package relationships name the workbook part (almost always xl/workbook.xml).
    let workbookPath = 'xl/workbook.xml';
    const packageRels = archive.entry('_rels/.rels');
    if (packageRels) {
      await parse(packageRels, (s) => reader._parseRels(s));
      const office = (reader.workbookRels ?? []).find((r) => REL_OFFICE_DOCUMENT.test(r.Type ?? ''));
      if (office && archive.entry(resolvePart('', office.Target))) workbookPath = resolvePart('', office.Target);
      reader.workbookRels = undefined;
    }
    const workbookEntry = archive.entry(workbookPath);
    if (!workbookEntry) throw new IngestError('XLSX_NOT_SUPPORTED');
    const base = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
    const relsEntry = archive.entry(`${base}_rels/${workbookPath.slice(base.length)}.rels`);
    if (relsEntry) await parse(relsEntry, (s) => reader._parseRels(s));
    await parse(workbookEntry, (s) => reader._parseWorkbook(s));
    const rels = reader.workbookRels ?? [];
    const partOf = (type: RegExp, fallback: string) => {
      const rel = rels.find((r) => type.test(r.Type ?? ''));
      return archive.entry(rel ? resolvePart(base, rel.Target) : fallback) ?? archive.entry(fallback);
    };

    const styles = partOf(REL_STYLES, `${base}styles.xml`);
    if (styles) await parse(styles, (s) => reader._parseStyles(s));
    const sharedStrings = partOf(REL_SHARED_STRINGS, `${base}sharedStrings.xml`);
    if (sharedStrings) {
      const max = archive.limits.sharedStringsBytes;
      if (sharedStrings.uncompressedSize > max) {
        throw new IngestError('XLSX_UNCOMPRESSED_TOO_LARGE', { size: Math.ceil(sharedStrings.uncompressedSize / 2 ** 20), max: Math.ceil(max / 2 ** 20) });
      }
      await parse(sharedStrings, async (s) => {
        for await (const _ of reader._parseSharedStrings(s)) void _;
      });
    }
    if (!reader.sharedStrings) reader.sharedStrings = [];
    return new XlsxBook(archive, reader, listSheets(archive, reader, rels, base));
  }

  /**
   * The rows of a sheet in sheet order (rows without cells are absent). Errors of the archive or
   * the XML become IngestErrors; `onBytes` hears of the inflated bytes read.
   */
  async *rows(sheet: SheetInfo, onBytes?: (inflated: number) => void): AsyncGenerator<SheetRow> {
    const stream = await this.archive.openText(sheet.entry, onBytes);
    const styles = this.reader.styles;
    const batches = sheetRows(stream as AsyncIterable<string>, {
      sharedStrings: this.reader.sharedStrings ?? [],
      numFmt: (style) => {
        const fmt = styles.getStyleModel(style)?.numFmt;
        return fmt === 'General' ? undefined : fmt;
      },
    });
    try {
      for (;;) {
        let next: IteratorResult<SheetRow[]>;
        try {
          next = await batches.next();
        } catch (e) {
          throw archiveError(e, sheet.entry.fileName);
        }
        if (next.done) return;
        yield* next.value;
      }
    } finally {
      await batches.return(undefined).catch(() => undefined);
      stream.destroy();
    }
  }
}

/** The workbook's worksheets in tab order; failing that, the worksheet parts by number. */
function listSheets(archive: XlsxArchive, reader: ReaderInternals, rels: Relationship[], base: string): SheetInfo[] {
  const sheets: SheetInfo[] = [];
  const declared = reader.model?.sheets ?? [];
  declared.forEach((s, i) => {
    const rel = rels.find((r) => r.Id === s.rId);
    if (!rel || (rel.Type && !REL_WORKSHEET.test(rel.Type))) return;
    const entry = archive.entry(resolvePart(base, rel.Target));
    if (!entry) return;
    sheets.push({ name: s.name ?? `Sheet${i + 1}`, index: i + 1, hidden: s.state === 'hidden' || s.state === 'veryHidden', entry });
  });
  if (sheets.length > 0 || declared.length > 0) return sheets;
  const parts = [...archive.entries.values()]
    .map((entry) => ({ entry, n: /^xl\/worksheets\/sheet(\d+)\.xml$/i.exec(entry.fileName)?.[1] }))
    .filter((p) => p.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n));
  return parts.map((p, i) => ({ name: `Sheet${p.n}`, index: i + 1, hidden: false, entry: p.entry }));
}

/** A relationship target as an archive path: relative to the source part's folder, or absolute. */
function resolvePart(base: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}
