/** Export kinds the product understands (DESIGN §3). */
export const EXPORT_KINDS = [
  'account',
  'content',
  'order',
  'ad',
  'live',
  'after_sale',
  'settlement',
  'review',
  'stock',
  'stock_move',
  'survey',
  'xingtu',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * Value types of canonical fields. They decide parsing and storage:
 * - `id`, `string`, `enum`: text (dictionary-encoded); ids never pass through a number.
 * - `int`, `decimal`: numbers; `money`: integer cents; `percent`: a fraction 0..1.
 * - `date`: a calendar day; `datetime`: wall-clock time in the business time zone.
 * - `hour`: 0..23.
 */
export type FieldType = 'id' | 'string' | 'enum' | 'int' | 'decimal' | 'money' | 'percent' | 'date' | 'datetime' | 'hour';

export interface Label {
  zh: string;
  en: string;
}

export interface FieldDef {
  key: string;
  type: FieldType;
  label: Label;
  /** Header spellings seen in real exports, compared after header normalisation. */
  aliases: string[];
  /**
   * Headers taken only when no column of `aliases` is present (买家昵称 identifies a buyer only when
   * the export has no 用户ID); beside one, they stay an ordinary source column.
   */
  fallbackAliases?: string[];
  /** Integers that may legitimately be negative (daily deltas). */
  signed?: boolean;
  /** Per-alias scale hints when the header itself does not carry a unit, e.g. 平均停留时长 in seconds. */
  aliasScale?: Record<string, number>;
  /** Durations: the unit values are stored in; header units (秒, 分钟, 小时) and `s` suffixes convert. */
  timeUnit?: 'seconds' | 'minutes';
  /** Part of the kind's signature for kind detection (weighs more than a generic field). */
  signature?: boolean;
  /** Free text written by people (review text, open answers): contact data inside it is scrubbed on import. */
  freeText?: boolean;
}

export interface KindDef {
  kind: ExportKind;
  label: Label;
  fields: FieldDef[];
  /**
   * Natural key alternatives, tried in order: the first whose fields (other than `account`) are all
   * mapped in an import is used. With `keyMode: 'present'` the key is every listed field the import has.
   */
  naturalKeys: string[][];
  keyMode?: 'first-complete' | 'present';
  /** `row`: a later row replaces the earlier one; `field`: a later row fills in the fields it carries. */
  mergeMode: 'row' | 'field';
  /** The field that places a row in time (period filters, date dimensions). */
  dateField: string;
  /** Headers of personal data: never stored, returned or logged. */
  piiHeaders: string[];
  /** Field used to derive a pseudonymous buyer key (HMAC) when no buyer id column exists. */
  buyerKeyFromPii?: { piiHeaders: string[]; field: string };
  /**
   * A snapshot export often has no date column (抖店 商品库存): then its rows hold for any period,
   * instead of being left out of every period query.
   */
  undatedFitsAnyPeriod?: boolean;
  /** Columns that are no field (survey questions) are people's text: contact data in them is scrubbed too. */
  scrubRawText?: boolean;
  /** Enum field whose values must only move forward between imports, in this order. */
  statusProgression?: { field: string; order: string[] };
  /**
   * Negative evidence for kind detection: headers this kind's exports never carry but a neighbour's
   * do (a 售后表 has 售后单号, a 结算账单 has 结算金额). One of them in a file rules the kind out.
   */
  excludedHeaders?: string[];
  /**
   * Where the account comes from when the export has no account column and the upload names none:
   * the first of these fields the file carries (罗盘's 主播昵称, then 主播抖音号).
   */
  accountFrom?: string[];
  /**
   * A field read from the first present of other fields when the export has no column of its own
   * (罗盘: ad_spend = 投放消耗(店铺被投), else 投放消耗(店铺绑定); the two are views of one spend, never added).
   */
  readsFrom?: { field: string; from: string[] }[];
}

/**
 * An export the product recognises but does not import (fund flows, cumulative snapshots): it is
 * refused with KIND_NOT_SUPPORTED naming what it is and what to upload instead.
 */
export interface UnsupportedExportDef {
  key: string;
  label: Label;
  /** What to do instead. */
  advice: Label;
  /** The file is this export when at least `minMatches` of these headers are present. */
  headers: string[];
  minMatches: number;
}
