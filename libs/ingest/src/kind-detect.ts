import { aliasIndex, EXPORT_KINDS, headerKey, KINDS, type ExportKind } from '@creator-ops/schemas';
import type { KindDetection } from './report';
import { IngestError } from './messages';

/** Fewest distinct fields a header row must match before its kind is believed. */
export const MIN_MATCHED_FIELDS = 2;

/** How well a header row matches each kind: matched fields, signature fields counting triple. */
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
    return { kind, score, matched: [...matched] };
  }).sort((a, b) => b.score - a.score);
}

/** Picks the kind of an export from its headers, or takes the caller's override. */
export function detectKind(headers: string[], override?: ExportKind): KindDetection {
  const scores = scoreKinds(headers);
  if (override) {
    const own = scores.find((s) => s.kind === override)!;
    if (own.matched.length === 0) throw unrecognised(headers);
    return { kind: override, overridden: true, scores };
  }
  const best = scores[0];
  if (best.matched.length < MIN_MATCHED_FIELDS) throw unrecognised(headers);
  return { kind: best.kind, overridden: false, scores };
}

/** How many header cells are known to any kind (or are known personal-data headers). */
export function knownHeaderCount(headers: string[]): number {
  let n = 0;
  for (const h of headers) {
    const k = headerKey(h);
    if (!k) continue;
    if (EXPORT_KINDS.some((kind) => aliasIndex(kind).has(k) || KINDS[kind].piiHeaders.some((p) => headerKey(p) === k))) n++;
  }
  return n;
}

/** The cells are not quoted back: a file without a header may start with personal data. */
function unrecognised(headers: string[]): IngestError {
  return new IngestError('UNRECOGNISED_EXPORT', { rows: HEADER_ROWS_SEARCHED, columns: headers.length });
}

const HEADER_ROWS_SEARCHED = 30;
