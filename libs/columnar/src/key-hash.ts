import { LINE_COLUMN, type Column, type ColumnTable, type DictColumn, type NumColumn } from './column';

/**
 * 64-bit hashes of natural keys and 32-bit hashes of whole rows, computed from values (not from
 * dictionary codes), so rows of different batches and different imports compare. A key hashes the way
 * `rowKeys` compares: a null cell and a missing column are the same empty value, and -0 is 0.
 */
export interface RowHashes {
  keyHi: Uint32Array;
  keyLo: Uint32Array;
  /** Every column but the line number. */
  content: Uint32Array;
}

const NULL_HI = 0x9e3779b9;
const NULL_LO = 0x7f4a7c15;

export function rowHashes(table: ColumnTable, keyFields: string[]): RowHashes {
  const n = table.length;
  const keyHi = new Uint32Array(n).fill(0x811c9dc5);
  const keyLo = new Uint32Array(n).fill(0x01000193);
  // A key column's cell hashes serve its content hash too.
  const keyColumnHashes = new Map<string, CellHashes>();
  // Field names take part, as in rowKeys: imports keyed on different fields never match by accident.
  for (const field of keyFields) {
    const { hi, lo } = columnHashes(table.columns.get(field), n);
    keyColumnHashes.set(field, { hi, lo });
    const nameHi = stringHash(field, 0x3c6ef372);
    const nameLo = stringHash(field, 0xa54ff53a);
    for (let i = 0; i < n; i++) {
      keyHi[i] = mix(keyHi[i] ^ nameHi, hi[i]);
      keyLo[i] = mix(keyLo[i] ^ nameLo, lo[i] ^ 0x5bd1e995);
    }
  }
  const content = new Uint32Array(n).fill(0x27d4eb2f);
  let c = 0;
  for (const [name, col] of table.columns) {
    if (name === LINE_COLUMN) continue;
    c++;
    const seed = Math.imul(c, 0x165667b1);
    const cells = keyColumnHashes.get(name);
    if (cells) foldCellHashes(content, seed, cells);
    else if (col.type === 'dict') foldCellHashes(content, seed, dictCellHashes(col, n));
    else foldNumbers(content, seed, col);
  }
  return { keyHi, keyLo, content };
}

/** Two 32-bit hashes of each cell's value. */
interface CellHashes {
  hi: Uint32Array;
  lo: Uint32Array;
}

function columnHashes(col: Column | undefined, n: number): CellHashes {
  if (col?.type === 'dict') return dictCellHashes(col, n);
  const hi = new Uint32Array(n).fill(NULL_HI);
  const lo = new Uint32Array(n).fill(NULL_LO);
  if (!col) return { hi, lo };
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < n; i++) {
    if (col.valid !== null && col.valid[i] !== 1) continue;
    bits[0] = col.values[i] === 0 ? 0 : col.values[i];
    hi[i] = mix(words[0] ^ 0x1b873593, words[1]);
    lo[i] = mix(words[1] ^ 0xe6546b64, words[0] ^ 0xcc9e2d51);
  }
  return { hi, lo };
}

function dictCellHashes(col: DictColumn, n: number): CellHashes {
  const hi = new Uint32Array(n).fill(NULL_HI);
  const lo = new Uint32Array(n).fill(NULL_LO);
  const dictHi = new Uint32Array(col.dict.length);
  const dictLo = new Uint32Array(col.dict.length);
  col.dict.forEach((s, d) => {
    dictHi[d] = stringHash(s, 0x811c9dc5);
    dictLo[d] = stringHash(s, 0x050c5d1f);
  });
  for (let i = 0; i < n; i++) {
    const code = col.codes[i];
    // An empty string is no value, as in rowKeys (a dictionary never holds one from an import).
    if (code >= 0 && col.dict[code] !== '') {
      hi[i] = dictHi[code];
      lo[i] = dictLo[code];
    }
  }
  return { hi, lo };
}

function foldCellHashes(content: Uint32Array, seed: number, { hi, lo }: CellHashes): void {
  for (let i = 0; i < content.length; i++) content[i] = mix(content[i] ^ seed, hi[i] ^ Math.imul(lo[i], 0x27d4eb2d));
}

/** `foldCellHashes` of a number column's cell hashes (as `columnHashes` makes them), without making them. */
function foldNumbers(content: Uint32Array, seed: number, col: NumColumn): void {
  const nullCell = NULL_HI ^ Math.imul(NULL_LO, 0x27d4eb2d);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < content.length; i++) {
    let cell = nullCell;
    if (col.valid === null || col.valid[i] === 1) {
      bits[0] = col.values[i] === 0 ? 0 : col.values[i];
      cell = mix(words[0] ^ 0x1b873593, words[1]) ^ Math.imul(mix(words[1] ^ 0xe6546b64, words[0] ^ 0xcc9e2d51), 0x27d4eb2d);
    }
    content[i] = mix(content[i] ^ seed, cell);
  }
}

/** FNV-1a over UTF-16 code units from a seed, with a final avalanche. */
function stringHash(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return avalanche(h ^ s.length);
}

function mix(h: number, v: number): number {
  return avalanche(Math.imul(h ^ v, 0x9e3779b1) + 0x7f4a7c15);
}

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
