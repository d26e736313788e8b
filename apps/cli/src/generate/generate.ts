import { writeAccount } from './account';
import { writeAds } from './ad';
import { writeContent } from './content';
import { writeOrders } from './order';
import { writeReviews } from './review';
import { writeStockMoves } from './stock-move';
import { writeSurvey } from './survey';
import { writeXingtu } from './xingtu';
import { Random, seedState } from './prng';
import { ChunkWriter } from './writer';

export type GenerateKind = 'order' | 'ad' | 'account' | 'content' | 'review' | 'stock_move' | 'survey' | 'xingtu';
export const GENERATE_KINDS: readonly GenerateKind[] = ['order', 'ad', 'account', 'content', 'review', 'stock_move', 'survey', 'xingtu'];

export interface GenerateOptions {
  kind: GenerateKind;
  /** Data rows (records) to write; the header and the ad kind's `全部` total row are extra. */
  rows: number;
  /** Same seed (and kind and rows) -> same bytes. */
  seed: number;
  /** Receives UTF-8 CSV (with BOM) in chunks; honours back-pressure. Not ended here. */
  out: NodeJS.WritableStream;
}

export interface GenerateResult {
  /** Data rows written (header and `全部` total row not counted). */
  rows: number;
  /** Bytes written to `out`, BOM included. */
  bytes: number;
}

const SALT: Record<GenerateKind, number> = { order: 1, ad: 2, account: 3, content: 4, review: 5, stock_move: 6, survey: 7, xingtu: 8 };

/**
 * Writes a realistic, deterministic synthetic export of the given kind to `out`. The caller owns
 * the stream: it is neither ended nor destroyed (call `out.end()` after the promise resolves).
 */
export async function generateExport(opts: GenerateOptions): Promise<GenerateResult> {
  const { kind, rows, seed, out } = opts;
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${rows}`);
  if (!(kind in SALT)) throw new RangeError(`unknown kind ${String(kind)} (expected ${GENERATE_KINDS.join(', ')})`);
  const rnd = new Random(seedState(seed, SALT[kind]));
  const w = new ChunkWriter(out);
  let written: number;
  try {
    switch (kind) {
      case 'order':
        written = await writeOrders(w, rnd, rows);
        break;
      case 'ad':
        written = await writeAds(w, rnd, rows);
        break;
      case 'account':
        written = await writeAccount(w, rnd, rows);
        break;
      case 'content':
        written = await writeContent(w, rnd, rows);
        break;
      case 'review':
        written = await writeReviews(w, rnd, rows);
        break;
      case 'stock_move':
        written = await writeStockMoves(w, rnd, rows);
        break;
      case 'survey':
        written = await writeSurvey(w, rnd, rows);
        break;
      case 'xingtu':
        written = await writeXingtu(w, rnd, rows);
        break;
    }
  } catch (e) {
    w.detach();
    throw e;
  }
  await w.close();
  return { rows: written, bytes: w.bytes };
}
