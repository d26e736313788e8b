import { DictBuilder } from '@creator-ops/columnar';
import { parseIsoDay } from '@creator-ops/format';
import { aliasIndex, headerKey, KINDS, normaliseHeader, type ExportKind, type FieldDef, type KindDef } from '@creator-ops/schemas';
import { dayFromFileName } from './context';
import { IngestError } from './messages';
import { reportMessage, type ImportReport, type ReportMessage } from './report';
import { NumSlot, PercentSlot, PiiSlot, TextSlot, type Slot } from './slots';
import { NumericColumnParser, parseDateCell, parseDateTimeCell, parseHourCell, parseIdCell } from './values/field-parsers';

/** Beyond this many columns a file is not an export (and would cost memory per column). */
export const MAX_COLUMNS = 2000;

export interface ImportPlan {
  kind: KindDef;
  slots: Slot[];
  warnings: ReportMessage[];
  /** Canonical fields of the natural key used for this import. */
  keyFields: string[];
  /** Fields a row cannot lack. */
  requiredFields: string[];
  /** Fields the import carries (mapped columns, the account constant, a derived buyer key). */
  presentFields: Set<string>;
  /** Filled when the export has no account column and the upload named one (or none). */
  accountConstant: { value: string | null } | null;
  /** A buyer key built from a personal-data column (its builder is filled by that slot). */
  derivedBuyer: DictBuilder | null;
  /** The day of every row when the export has no date column (from the upload or the file name). */
  dateConstant: { day: number } | null;
  /** The account read from another column (罗盘's 主播昵称) when there is no account column. */
  accountFromField: string | null;
  /** Fields read from another field's column (罗盘 ad_spend from 投放消耗(店铺被投) or (店铺绑定)). */
  readsFrom: { field: string; from: string }[];
  /** Headers no field of the kind knows (named when a key turns out incomplete). */
  unknownHeaders: string[];
  keyContext: NonNullable<ImportReport['keyContext']>;
}

export interface PlanOptions {
  account?: string;
  secret?: string;
  /** YYYY-MM-DD: the day of an export without a date column. */
  date?: string;
  /** The file's name as the user knows it: a daily export may carry its day only there. */
  fileName?: string;
  /** Percent columns (by source header) read as percent points from the first row (segments.ts IngestHints). */
  percentPoints?: string[];
}

export function buildPlan(kindName: ExportKind, headers: string[], opts: PlanOptions): ImportPlan {
  if (headers.length > MAX_COLUMNS) throw new IngestError('TOO_MANY_COLUMNS', { count: headers.length, max: MAX_COLUMNS });
  const kind = KINDS[kindName];
  const index = aliasIndex(kindName);
  const piiKeys = new Set(kind.piiHeaders.map(headerKey));
  const buyerSources = new Set((kind.buyerKeyFromPii?.piiHeaders ?? []).map(headerKey));
  const mapsBuyerId = headers.some((h) => index.get(headerKey(h))?.key === 'buyer_id');
  const fallbackKeys = new Set(kind.fields.flatMap((f) => (f.fallbackAliases ?? []).map(headerKey)));
  // Fields some column names by a primary alias: their fallback-alias columns stay source columns.
  const primaryMapped = new Set(
    headers
      .map(headerKey)
      .filter((k) => !fallbackKeys.has(k))
      .flatMap((k) => index.get(k)?.key ?? []),
  );
  const warnings: ReportMessage[] = [];
  const slots: Slot[] = [];
  const taken = new Map<string, string>();
  const rawNames = new Set<string>();
  const unknown: string[] = [];
  const pii: string[] = [];
  let derivedBuyer: DictBuilder | null = null;

  headers.forEach((header, i) => {
    const norm = normaliseHeader(header);
    const key = norm.base.toLowerCase();
    const display = norm.display || `column_${i + 1}`;
    if (piiKeys.has(key)) {
      pii.push(display);
      const useForBuyer = !mapsBuyerId && !derivedBuyer && buyerSources.has(key) && opts.secret;
      if (useForBuyer) derivedBuyer = new DictBuilder();
      slots.push(new PiiSlot(display, useForBuyer ? { builder: derivedBuyer!, secret: opts.secret! } : null));
      return;
    }
    const mapped = index.get(key);
    const field = mapped && fallbackKeys.has(key) && primaryMapped.has(mapped.key) ? undefined : mapped;
    if (field && !taken.has(field.key)) {
      taken.set(field.key, display);
      slots.push(fieldSlot(display, field, norm.unit, opts.percentPoints?.includes(display) ?? false));
      return;
    }
    if (field) warnings.push(reportMessage('DUPLICATE_COLUMN', { source: taken.get(field.key)!, other: display, field: field.key }));
    let name = display;
    for (let n = 2; rawNames.has(name) || taken.has(name); n++) name = `${display} (${n})`;
    rawNames.add(name);
    if (!field && !mapped) unknown.push(display);
    slots.push(new TextSlot(display, name, 'raw', null, null, Boolean(kind.scrubRawText)));
  });

  if (unknown.length) warnings.push(reportMessage('UNKNOWN_COLUMNS', { columns: unknown.join(', ') }));
  if (pii.length) warnings.push(reportMessage('PII_DROPPED', { columns: pii.join(', ') }));
  if (derivedBuyer) warnings.push(reportMessage('BUYER_KEY_DERIVED'));

  const presentFields = new Set(taken.keys());
  if (derivedBuyer) presentFields.add('buyer_id');
  let accountConstant: ImportPlan['accountConstant'] = null;
  if (kind.fields.some((f) => f.key === 'account') && !presentFields.has('account')) {
    accountConstant = { value: opts.account?.trim() || null };
    if (accountConstant.value !== null) presentFields.add('account');
  }

  const keyContext: ImportPlan['keyContext'] = {};
  const dateConstant = contextDate(kind, presentFields, taken, opts, warnings, keyContext);
  const accountFromField = accountConstant && accountConstant.value === null ? accountColumn(kind, presentFields, taken, warnings, keyContext) : null;
  if (accountFromField) accountConstant = null;
  const readsFrom = resolveReadsFrom(kind, presentFields, taken, warnings);

  const { keyFields, requiredFields } = chooseKey(kind, presentFields);
  return {
    kind,
    slots,
    warnings,
    keyFields,
    requiredFields,
    presentFields,
    accountConstant,
    derivedBuyer,
    dateConstant,
    accountFromField,
    readsFrom,
    unknownHeaders: unknown,
    keyContext,
  };
}

/** With no account given: the column the account is read from (kind.accountFrom), if the file has one. */
function accountColumn(
  kind: ImportPlan['kind'],
  presentFields: Set<string>,
  taken: Map<string, string>,
  warnings: ReportMessage[],
  keyContext: ImportPlan['keyContext'],
): string | null {
  const accountFromField = kind.accountFrom?.find((f) => presentFields.has(f)) ?? null;
  if (accountFromField) {
    presentFields.add('account');
    const source = taken.get(accountFromField)!;
    keyContext.account = { from: source };
    warnings.push(reportMessage('ACCOUNT_FROM_COLUMN', { source }));
  } else if (kind.naturalKeys.some((alt) => alt.includes('account')) && kind.keyMode !== 'present') warnings.push(reportMessage('ACCOUNT_NOT_GIVEN'));
  return accountFromField;
}

/** Fields a kind may read from another field's column when their own is missing (kind.readsFrom). */
function resolveReadsFrom(
  kind: ImportPlan['kind'],
  presentFields: Set<string>,
  taken: Map<string, string>,
  warnings: ReportMessage[],
): ImportPlan['readsFrom'] {
  const readsFrom: ImportPlan['readsFrom'] = [];
  for (const r of kind.readsFrom ?? []) {
    if (presentFields.has(r.field)) continue;
    const from = r.from.find((f) => presentFields.has(f));
    if (!from) continue;
    readsFrom.push({ field: r.field, from });
    presentFields.add(r.field);
    const others = r.from.filter((f) => f !== from && presentFields.has(f)).map((f) => taken.get(f)!);
    warnings.push(reportMessage('FIELD_READ_FROM', { field: r.field, source: taken.get(from)!, others: others.join(', ') || '-' }));
  }
  return readsFrom;
}

/**
 * A kind whose key has a calendar day, read from a file without a date column: the day comes from
 * the upload (`date`) or, failing that, from the file name (千川's daily 素材 files name their day).
 */
function contextDate(
  kind: KindDef,
  present: Set<string>,
  taken: Map<string, string>,
  opts: PlanOptions,
  warnings: ReportMessage[],
  context: ImportPlan['keyContext'],
): { day: number } | null {
  const dateField = kind.fields.find((f) => f.key === kind.dateField);
  if (dateField?.type !== 'date' || !kind.naturalKeys.some((alt) => alt.includes(kind.dateField))) return null;
  const given = opts.date?.trim();
  if (given && parseIsoDay(given) === null) throw new IngestError('DATE_OPTION_INVALID', { value: given.slice(0, 40) });
  if (present.has(kind.dateField)) {
    if (given) warnings.push(reportMessage('DATE_OPTION_IGNORED', { source: taken.get(kind.dateField)!, date: given }));
    return null;
  }
  const fromName = given ? null : dayFromFileName(opts.fileName ?? '');
  if (!given && !fromName) return null;
  const text = given ?? fromName!.text;
  present.add(kind.dateField);
  context.date = { value: text, from: given ? 'option' : 'file_name' };
  warnings.push(reportMessage(given ? 'DATE_FROM_OPTION' : 'DATE_FROM_FILE_NAME', { date: text }));
  return { day: parseIsoDay(text)! };
}

function fieldSlot(source: string, field: FieldDef, unit: ReturnType<typeof normaliseHeader>['unit'], percentPoints: boolean): Slot {
  switch (field.type) {
    case 'id':
      return new TextSlot(source, field.key, 'field', field, parseIdCell);
    case 'string':
    case 'enum':
      return new TextSlot(source, field.key, 'field', field, null);
    case 'percent':
      return new PercentSlot(source, field, unit, percentPoints);
    case 'date':
      return new NumSlot(source, field, parseDateCell);
    case 'datetime':
      return new NumSlot(source, field, parseDateTimeCell);
    case 'hour':
      return new NumSlot(source, field, parseHourCell);
    default: {
      const aliasScale = field.aliasScale?.[normaliseHeader(source).base] ?? 1;
      const parser = new NumericColumnParser(field, unit, aliasScale);
      return new NumSlot(source, field, (t) => parser.parse(t), parser);
    }
  }
}

function chooseKey(kind: KindDef, present: Set<string>): { keyFields: string[]; requiredFields: string[] } {
  if (kind.keyMode === 'present') {
    const keyFields = kind.naturalKeys[0].filter((f) => present.has(f));
    return { keyFields, requiredFields: present.has(kind.dateField) ? [kind.dateField] : [] };
  }
  for (const alt of kind.naturalKeys) {
    const needed = alt.filter((f) => f !== 'account');
    if (needed.every((f) => present.has(f))) return { keyFields: alt, requiredFields: needed };
  }
  const missing = kind.naturalKeys[0].find((f) => f !== 'account' && !present.has(f))!;
  const label = kind.fields.find((f) => f.key === missing)!.label.zh;
  throw new IngestError('MISSING_REQUIRED_FIELD', { field: missing, label });
}
