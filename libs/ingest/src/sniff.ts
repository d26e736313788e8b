import Papa from 'papaparse';
import { IngestError } from './messages';
import { knownHeaderCount } from './kind-detect';

export const DELIMITERS = [',', '\t', ';'] as const;
/** Header rows are looked for among the first rows (preamble lines above are skipped). */
export const HEADER_SEARCH_ROWS = 30;

export interface SniffResult {
  delimiter: string;
  /** 0-based record index of the header row. */
  headerIndex: number;
  headers: string[];
}

/**
 * Finds the delimiter and the header row from the start of the text: the (delimiter, row) pair whose
 * cells match the most known headers wins; a tie goes to the earlier row, then to more columns.
 */
export function sniffLayout(headText: string, forcedDelimiter?: string): SniffResult {
  let best: (SniffResult & { score: number }) | null = null;
  for (const delimiter of forcedDelimiter ? [forcedDelimiter] : DELIMITERS) {
    const parsed = Papa.parse<string[]>(headText, { delimiter, preview: HEADER_SEARCH_ROWS, skipEmptyLines: false });
    parsed.data.forEach((cells, headerIndex) => {
      if (cells.length < 2) return;
      const score = knownHeaderCount(cells);
      if (score === 0) return;
      if (!best || score > best.score || (score === best.score && headerIndex === best.headerIndex && cells.length > best.headers.length)) {
        best = { delimiter, headerIndex, headers: cells, score };
      }
    });
  }
  if (!best) {
    const firstLine = headText.split(/\r?\n/, 1)[0] ?? '';
    if (firstLine.trim() === '') throw new IngestError('NO_HEADER', { rows: HEADER_SEARCH_ROWS });
    throw new IngestError('UNRECOGNISED_EXPORT', { rows: HEADER_SEARCH_ROWS, columns: Papa.parse<string[]>(firstLine, { delimiter: forcedDelimiter }).data[0]?.length ?? 0 });
  }
  const { delimiter, headerIndex, headers } = best as SniffResult & { score: number };
  return { delimiter, headerIndex, headers };
}
