import { aliasIndex, EXPORT_KINDS, headerKey, KINDS, UNSUPPORTED_EXPORTS, type ExportKind, type UnsupportedExportDef } from '@creator-ops/schemas';
import type { KindDetection } from './report';
import { IngestError } from './messages';

/** Fewest distinct fields a header row must match before its kind is believed. */
export const MIN_MATCHED_FIELDS = 2;

/**
 * How well a header row matches each kind: matched fields, signature fields counting triple. A kind
 * whose excluded headers appear (negative evidence: 售后单号 in a would-be order list) scores 0.
 */
export function scoreKinds(headers: string[]): KindDetection['scores'] {
  const keys = headers.map(headerKey);
  return EXPORT_KINDS.map((kind) => {
    const index = aliasIndex(kind);
    const matched = new Set<string>();
    let score = 0;
    for (const k of keys) {
      const field = index.get(k);
      if (!field || matched.has(field.key)) continue;
      matched.add(field.key);
      score += field.signature ? 3 : 1;
    }
    const excludedBy = excludingHeader(kind, headers);
    return excludedBy === null ? { kind, score, matched: [...matched] } : { kind, score: 0, matched: [...matched], excludedBy };
  }).sort((a, b) => b.score - a.score);
}

/** The first header of the file that rules `kind` out, or null. */
function excludingHeader(kind: ExportKind, headers: string[]): string | null {
  const excluded = new Set((KINDS[kind].excludedHeaders ?? []).map(headerKey));
  return headers.find((h) => excluded.has(headerKey(h))) ?? null;
}

/** An export the product knows but does not import (资金账单, 千川直播大屏 snapshots), or null. */
export function unsupportedExport(headers: string[]): UnsupportedExportDef | null {
  const keys = new Set(headers.map(headerKey));
  return UNSUPPORTED_EXPORTS.find((u) => u.headers.filter((h) => keys.has(headerKey(h))).length >= u.minMatches) ?? null;
}

/**
 * Picks the kind of an export from its headers, or takes the caller's override. Known exports that
 * are not imported are refused by name, even with an override, and so is an override the headers
 * rule out: one kind's rows must never replace another's.
 */
export function detectKind(headers: string[], override?: ExportKind): KindDetection {
  const unsupported = unsupportedExport(headers);
  if (unsupported) {
    throw new IngestError('KIND_NOT_SUPPORTED', {
      whatZh: unsupported.label.zh,
      whatEn: unsupported.label.en,
      adviceZh: unsupported.advice.zh,
      adviceEn: unsupported.advice.en,
      export: unsupported.key,
    });
  }
  const scores = scoreKinds(headers);
  if (override) {
    const own = scores.find((s) => s.kind === override)!;
    if (own.excludedBy)
      throw new IngestError('KIND_EXCLUDED', { header: own.excludedBy, kind: override, kindZh: KINDS[override].label.zh, kindEn: KINDS[override].label.en });
    if (own.matched.length === 0) throw unrecognised(headers);
    return { kind: override, overridden: true, scores };
  }
  const best = scores[0];
  if (best.matched.length < MIN_MATCHED_FIELDS || best.excludedBy) throw unrecognised(headers);
  return { kind: best.kind, overridden: false, scores };
}

/** How many header cells are known to any kind (or are known personal-data headers). */
export function knownHeaderCount(headers: string[]): number {
  const known = knownHeaderKeys();
  let n = 0;
  for (const h of headers) {
    const k = headerKey(h);
    if (k && known.has(k)) n++;
  }
  return n;
}

let knownKeys: Set<string> | null = null;

/**
 * Every kind's aliases and personal-data headers, and the headers of exports recognised only to be
 * refused by name (they still mark the header row), as header keys; built once.
 */
function knownHeaderKeys(): Set<string> {
  knownKeys ??= new Set([
    ...EXPORT_KINDS.flatMap((kind) => [...aliasIndex(kind).keys(), ...KINDS[kind].piiHeaders.map(headerKey)]),
    ...UNSUPPORTED_EXPORTS.flatMap((u) => u.headers.map(headerKey)),
  ]);
  return knownKeys;
}

/** The cells are not quoted back: a file without a header may start with personal data. */
function unrecognised(headers: string[]): IngestError {
  return new IngestError('UNRECOGNISED_EXPORT', { rows: HEADER_ROWS_SEARCHED, columns: headers.length });
}

const HEADER_ROWS_SEARCHED = 30;
