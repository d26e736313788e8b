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
  let best: HeaderCandidate | null = null;
  let bestDelimiter = '';
  for (const delimiter of forcedDelimiter ? [forcedDelimiter] : DELIMITERS) {
    const parsed = Papa.parse<string[]>(headText, { delimiter, preview: HEADER_SEARCH_ROWS, skipEmptyLines: false });
    const found = searchHeader(parsed.data, best);
    if (found !== best) bestDelimiter = delimiter;
    best = found;
  }
  if (!best) {
    const firstLine = headText.split(/\r?\n/, 1)[0] ?? '';
    if (firstLine.trim() === '') throw new IngestError('NO_HEADER', { rows: HEADER_SEARCH_ROWS });
    throw new IngestError('UNRECOGNISED_EXPORT', {
      rows: HEADER_SEARCH_ROWS,
      columns: Papa.parse<string[]>(firstLine, { delimiter: forcedDelimiter }).data[0]?.length ?? 0,
    });
  }
  return { delimiter: bestDelimiter, headerIndex: best.headerIndex, headers: best.headers };
}

export interface HeaderCandidate {
  /** 0-based record index of the header row. */
  headerIndex: number;
  headers: string[];
  /** Known header cells in the row. */
  score: number;
}

/**
 * The row among `rows` (the first records of a file, already split into cells) whose cells match
 * the most known headers, if it beats `best`: a higher score wins; a tie goes to the earlier row,
 * unless it is the same row with more columns (another delimiter's reading of it).
 */
export function searchHeader(rows: string[][], best: HeaderCandidate | null): HeaderCandidate | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let headerIndex = 0; headerIndex < limit; headerIndex++) {
    const cells = rows[headerIndex];
    if (cells.length < 2) continue;
    const score = knownHeaderCount(cells);
    if (score === 0) continue;
    if (!best || score > best.score || (score === best.score && headerIndex === best.headerIndex && cells.length > best.headers.length)) {
      best = { headerIndex, headers: cells, score };
    }
  }
  return best;
}

/**
 * The header row of a file read as rows of cell texts (xlsx): the same search as for CSV text, with
 * no delimiter to find. Throws NO_HEADER or UNRECOGNISED_EXPORT as the CSV search does.
 */
export function findHeaderInRows(rows: string[][]): HeaderCandidate {
  const best = searchHeader(rows, null);
  if (best) return best;
  const first = rows[0];
  if (!first || first.every((c) => c.trim() === '')) throw new IngestError('NO_HEADER', { rows: HEADER_SEARCH_ROWS });
  throw new IngestError('UNRECOGNISED_EXPORT', { rows: HEADER_SEARCH_ROWS, columns: first.length });
}
