import { accountKind } from './kinds/account.kind';
import { adKind } from './kinds/ad.kind';
import { contentKind } from './kinds/content.kind';
import { liveKind } from './kinds/live.kind';
import { orderKind } from './kinds/order.kind';
import { afterSaleKind } from './kinds/after-sale.kind';
import { settlementKind } from './kinds/settlement.kind';
import { reviewKind } from './kinds/review.kind';
import { stockKind, stockMoveKind } from './kinds/stock.kind';
import { surveyKind } from './kinds/survey.kind';
import { xingtuKind } from './kinds/xingtu.kind';

import { EXPORT_KINDS, type ExportKind, type FieldDef, type KindDef } from './types';
import { headerKey } from './header';

export const KINDS: Readonly<Record<ExportKind, KindDef>> = {
  account: accountKind,
  content: contentKind,
  order: orderKind,
  ad: adKind,
  live: liveKind,
  after_sale: afterSaleKind,
  settlement: settlementKind,
  review: reviewKind,
  stock: stockKind,
  stock_move: stockMoveKind,
  survey: surveyKind,
  xingtu: xingtuKind,
};

export function isExportKind(value: unknown): value is ExportKind {
  return typeof value === 'string' && (EXPORT_KINDS as readonly string[]).includes(value);
}

export function kindDef(kind: ExportKind): KindDef {
  return KINDS[kind];
}

export function fieldDef(kind: ExportKind, key: string): FieldDef | undefined {
  return KINDS[kind].fields.find((f) => f.key === key);
}

/** Alias lookup for one kind: header key -> field. Built once per kind. */
const aliasIndexCache = new Map<ExportKind, Map<string, FieldDef>>();
export function aliasIndex(kind: ExportKind): Map<string, FieldDef> {
  let index = aliasIndexCache.get(kind);
  if (!index) {
    index = new Map();
    for (const field of KINDS[kind].fields) {
      for (const alias of [field.key, ...field.aliases, ...(field.fallbackAliases ?? [])]) {
        const k = headerKey(alias);
        if (!index.has(k)) index.set(k, field);
      }
    }
    aliasIndexCache.set(kind, index);
  }
  return index;
}

/**
 * Checks the registry's own consistency; returns every problem at once (empty when valid).
 * Run by a unit test and at start-up.
 */
export function validateKindRegistry(): string[] {
  const errors: string[] = [];
  for (const kind of EXPORT_KINDS) {
    const def = KINDS[kind];
    const keys = new Set<string>();
    const aliases = new Map<string, string>();
    for (const f of def.fields) {
      if (!/^[a-z][a-z0-9_]*$/.test(f.key)) errors.push(`${kind}.${f.key}: key must be snake_case`);
      if (keys.has(f.key)) errors.push(`${kind}.${f.key}: duplicate field key`);
      keys.add(f.key);
      for (const a of f.aliases) {
        const k = headerKey(a);
        const owner = aliases.get(k);
        if (owner && owner !== f.key) errors.push(`${kind}: alias "${a}" maps to both ${owner} and ${f.key}`);
        aliases.set(k, f.key);
      }
    }
    for (const alt of def.naturalKeys) for (const k of alt) if (!keys.has(k)) errors.push(`${kind}: natural key field ${k} is not a field`);
    if (!keys.has(def.dateField)) errors.push(`${kind}: date field ${def.dateField} is not a field`);
    for (const pii of def.piiHeaders) if (aliases.has(headerKey(pii))) errors.push(`${kind}: PII header ${pii} is also a field alias`);
    for (const ex of def.excludedHeaders ?? []) if (aliases.has(headerKey(ex))) errors.push(`${kind}: excluded header ${ex} is also a field alias`);
    for (const f of def.accountFrom ?? []) if (!keys.has(f)) errors.push(`${kind}: accountFrom field ${f} is not a field`);
    for (const r of def.readsFrom ?? []) for (const f of [r.field, ...r.from]) if (!keys.has(f)) errors.push(`${kind}: readsFrom field ${f} is not a field`);
  }
  return errors;
}
