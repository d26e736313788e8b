import { CodedError, fillTemplate } from '@creator-ops/errors';

/** Stable codes of everything an import can say, with zh and en text. `{name}` is filled from params. */
export const INGEST_MESSAGES = {
  // Fatal: the file is not imported.
  EMPTY_FILE: { zh: '文件为空', en: 'The file is empty' },
  BINARY_FILE: { zh: '文件不是文本 CSV（含二进制内容）', en: 'The file is not a text CSV (binary content)' },
  XLSX_NOT_SUPPORTED: {
    zh: '这是 ZIP 压缩包，但不是 Excel 工作簿（.xlsx）；请上传平台导出的 CSV 或 .xlsx 文件',
    en: "This is a ZIP archive but not an Excel workbook (.xlsx); upload the platform's CSV or .xlsx export",
  },
  XLS_NOT_SUPPORTED: {
    zh: '这是旧版 Excel 97-2003（.xls）文件；请在 Excel 中另存为 .xlsx 或 CSV 后再上传',
    en: 'This is a legacy Excel 97-2003 (.xls) file; save it as .xlsx or CSV in Excel and upload again',
  },
  XLSX_ENCRYPTED: {
    zh: 'Excel 文件有密码保护（已加密），无法读取；请在 Excel 中取消密码后另存为 .xlsx 或 CSV（快手等平台的订单导出默认加密）',
    en: 'The Excel file is password-protected (encrypted) and cannot be read; remove the password in Excel and save it as .xlsx or CSV (快手 and other platforms encrypt order exports)',
  },
  XLSX_CORRUPT: {
    zh: 'xlsx 文件已损坏或不完整，无法读取；请重新导出或重新下载',
    en: 'The xlsx file is damaged or incomplete and cannot be read; export or download it again',
  },
  XLSX_TOO_LARGE: { zh: 'xlsx 文件 {size} MB，超过上限 {max} MB', en: 'The xlsx file is {size} MB, over the limit of {max} MB' },
  XLSX_TOO_MANY_ENTRIES: { zh: 'xlsx 压缩包含 {count} 个条目，超过上限 {max}', en: 'The xlsx archive has {count} entries, over the limit of {max}' },
  XLSX_UNCOMPRESSED_TOO_LARGE: { zh: 'xlsx 解压后 {size} MB，超过上限 {max} MB', en: 'The xlsx unpacks to {size} MB, over the limit of {max} MB' },
  XLSX_ZIP_BOMB: { zh: 'xlsx 压缩比异常（疑似 ZIP 炸弹：{part}），已拒绝', en: 'Abnormal compression in the xlsx (suspected zip bomb: {part}); rejected' },
  XLSX_SHEET_NOT_FOUND: { zh: '工作簿中没有工作表 {sheet}；现有工作表：{sheets}', en: 'No sheet {sheet} in the workbook; its sheets: {sheets}' },
  INVALID_ENCODING: { zh: '文件不是有效的 {encoding} 编码（第 {line} 行附近）', en: 'The file is not valid {encoding} (near line {line})' },
  UNSUPPORTED_ENCODING: { zh: '不支持的编码 {encoding}', en: 'Unsupported encoding {encoding}' },
  NO_HEADER: { zh: '前 {rows} 行中找不到表头', en: 'No header row found in the first {rows} rows' },
  UNRECOGNISED_EXPORT: {
    zh: '无法识别导出类型：前 {rows} 行中没有与任何已知导出匹配的表头（首行 {columns} 列）；请上传平台原始导出，或用 kind 指定类型',
    en: 'Unrecognised export: no row among the first {rows} has headers of a known export (the first row has {columns} columns); upload the platform export as it was, or name its kind',
  },
  MISSING_REQUIRED_FIELD: { zh: '缺少必需的列：{field}（{label}）', en: 'Missing required column: {field} ({label})' },
  CSV_UNCLOSED_QUOTE: {
    zh: '第 {line} 行的引号没有闭合，后续内容无法可靠解析',
    en: 'Unclosed quote starting at line {line}; the rest of the file cannot be parsed reliably',
  },
  NO_DATA_ROWS: { zh: '表头之后没有数据行', en: 'No data rows after the header' },
  TOO_MANY_COLUMNS: { zh: '列数 {count} 超过上限 {max}', en: '{count} columns exceed the limit of {max}' },
  CELL_TOO_LARGE: { zh: '第 {line} 行有超过 {max} 字符的单元格', en: 'Line {line} has a cell longer than {max} characters' },
  DATE_OPTION_INVALID: { zh: '指定的日期不是 YYYY-MM-DD：{value}', en: 'The date given is not YYYY-MM-DD: {value}' },
  UNKNOWN_KIND: { zh: '未知的导出类型 {kind}', en: 'Unknown export kind {kind}' },
  KIND_NOT_SUPPORTED: { zh: '这是{whatZh}，不能导入：{adviceZh}', en: 'This is a {whatEn}, which cannot be imported: {adviceEn}' },
  KIND_EXCLUDED: {
    zh: '文件有「{header}」列，不是{kindZh}导出；请去掉类型参数让系统识别，或选择正确的类型',
    en: 'The file has a "{header}" column, so it is not a {kindEn} export; leave the kind out to detect it, or choose the right kind',
  },
  KEY_INCOMPLETE: {
    zh: '主键不完整：第 {line} 行与第 {firstLine} 行的主键（{key}）相同而内容不同（共 {count} 行如此），按此主键导入会丢行，已拒绝。缺少的主键列：{missing}；未识别的列：{unknown}。请上传含这些列的导出，或指定日期（date）/账号（account）',
    en: 'Incomplete key: line {line} has the same key ({key}) as line {firstLine} but different values ({count} such rows); importing by this key would lose rows, so the file is refused. Key columns missing: {missing}; unrecognised columns: {unknown}. Upload an export with those columns, or give the date / account',
  },
  // Row rejections.
  ID_PRECISION_LOST: {
    zh: 'ID 在 Excel 中存为数字（{value}），超过 15 位已丢失精度；请以文本格式重新导出',
    en: 'ID stored as a number in Excel ({value}) has lost digits beyond 15; re-export it as text',
  },
  ID_SCIENTIFIC: {
    zh: 'ID 为科学计数法（{value}），位数已丢失；请以文本格式重新导出',
    en: 'ID in scientific notation ({value}) has lost digits; re-export it as text',
  },
  NUMBER_INVALID: { zh: '不是有效数字：{value}', en: 'Not a valid number: {value}' },
  INT_NOT_INTEGER: { zh: '应为整数：{value}', en: 'Expected a whole number: {value}' },
  NEGATIVE_NOT_ALLOWED: { zh: '不应为负数：{value}', en: 'Must not be negative: {value}' },
  DATE_INVALID: { zh: '不是有效日期：{value}', en: 'Not a valid date: {value}' },
  DATE_OUT_OF_RANGE: { zh: '日期超出范围（1970–2100）：{value}', en: 'Date out of range (1970–2100): {value}' },
  HOUR_INVALID: { zh: '不是有效小时（0–23）：{value}', en: 'Not a valid hour (0–23): {value}' },
  PERCENT_MIXED: { zh: '该列的百分比写法不一致：{value}', en: 'Percent written inconsistently in this column: {value}' },
  KEY_MISSING: { zh: '主键字段 {field} 为空', en: 'Key field {field} is empty' },
  ROW_TOO_MANY_FIELDS: { zh: '该行有 {count} 个字段，表头只有 {expected} 个', en: 'The row has {count} fields; the header has {expected}' },
  ROW_TOO_FEW_FIELDS: { zh: '该行只有 {count} 个字段，表头有 {expected} 个', en: 'The row has {count} fields; the header has {expected}' },
  CSV_INVALID_QUOTES: { zh: '引号格式错误', en: 'Malformed quotes' },
  // Skipped rows.
  SKIP_PREAMBLE: { zh: '表头前的说明行', en: 'Preamble line before the header' },
  SKIP_BLANK: { zh: '空行', en: 'Blank line' },
  SKIP_SUBHEADER: { zh: '表头下方的副表头行（说明或单位），不计入明细', en: 'Sub-header row under the header (labels or units), not counted as data' },
  SKIP_TOTAL: { zh: '汇总行（{value}），不计入明细', en: 'Period-total row ({value}), not counted as data' },
  SKIP_REPEATED_ROW: { zh: '与第 {value} 行完全相同的重复行，只保留一行', en: 'Exact repeat of line {value}; one copy kept' },
  // Warnings.
  UNKNOWN_COLUMNS: { zh: '未识别的列已按原文保留：{columns}', en: 'Unrecognised columns kept as text: {columns}' },
  DUPLICATE_COLUMN: {
    zh: '列 {source} 与 {other} 都对应字段 {field}，后者按原文保留',
    en: 'Columns {source} and {other} both map to {field}; the latter is kept as text',
  },
  PII_DROPPED: { zh: '个人信息列未保存：{columns}', en: 'Personal-data columns not stored: {columns}' },
  PII_TEXT_MASKED: {
    zh: '{count} 个文本单元格中的手机号、身份证号、详细地址或姓名已打码后保存（列：{columns}）',
    en: '{count} text cells had phone numbers, ID numbers, detailed addresses or names masked before storage (columns: {columns})',
  },
  PII_CELLS_REDACTED: {
    zh: '{count} 个疑似手机号的单元格未保存（列：{columns}）',
    en: '{count} cells that look like phone numbers were not stored (columns: {columns})',
  },
  PII_TEXT_SCRUBBED: {
    zh: '{count} 个文本单元格中的联系方式、证件号或地址已替换为[已隐藏]（列：{columns}）',
    en: 'Contact data, ID numbers or addresses in {count} text cells were replaced by [已隐藏] (columns: {columns})',
  },
  BUYER_KEY_MASKED: {
    zh: '收件人手机号在导出中已脱敏（{count} 个），无法识别同一买家：未生成买家标识，成交人数与客单价不可用',
    en: 'Recipient phones are masked in the export ({count}); buyers cannot be told apart: no buyer key, so buyers and revenue per buyer are unavailable',
  },
  BUYER_KEY_DERIVED: {
    zh: '买家标识由收件人手机号的密钥哈希生成，原值未保存',
    en: 'Buyer key derived as a keyed hash of the recipient phone; the phone itself is not stored',
  },
  PERCENT_SHAPE: { zh: '列 {source} 的百分比写法判定为：{shape}', en: 'Column {source} percent shape: {shape}' },
  MONEY_SUB_CENT: { zh: '列 {source} 有 {count} 个金额精度超过分，按原值保留', en: 'Column {source} has {count} amounts finer than a cent, kept as given' },
  TOTAL_MISMATCH: { zh: '汇总行 {field} 为 {total}，明细合计为 {sum}', en: 'Total row {field} is {total}; the rows sum to {sum}' },
  TOTAL_MATCHED: { zh: '汇总行与明细合计一致（{fields}）', en: 'The total row matches the row sums ({fields})' },
  ACCOUNT_NOT_GIVEN: { zh: '文件没有账号列，也未指定账号；账号记为空', en: 'No account column and no account given; account left empty' },
  REPEATED_ROWS_SKIPPED: {
    zh: '{count} 行与前面的行完全相同（含主键），只保留一行',
    en: '{count} rows repeat an earlier row exactly (key included); one copy of each is kept',
  },
  DATE_FROM_FILE_NAME: { zh: '文件没有日期列，日期取自文件名：{date}', en: 'No date column: the date {date} is taken from the file name' },
  DATE_FROM_OPTION: { zh: '文件没有日期列，日期按指定的 {date}', en: 'No date column: the date {date} given with the upload is used' },
  DATE_OPTION_IGNORED: {
    zh: '文件有日期列「{source}」，忽略指定的日期 {date}',
    en: 'The file has a date column ({source}); the date {date} given with the upload is ignored',
  },
  ACCOUNT_FROM_COLUMN: { zh: '文件没有账号列，账号取自「{source}」列', en: 'No account column: the account is taken from the {source} column' },
  FIELD_READ_FROM: {
    zh: '{field} 取自「{source}」列（{others} 是同一消耗的另一口径，不相加）',
    en: '{field} is read from the {source} column ({others}: another view of the same spend, never added)',
  },
  DUPLICATE_KEYS_IN_FILE: { zh: '文件内 {count} 行主键重复，以后出现的为准', en: '{count} rows repeat a key within the file; the later one wins' },
  DUPLICATES_REPLACED: { zh: '{count} 行替换了以前导入的同一记录', en: '{count} rows replaced the same records from earlier imports' },
  STATUS_REGRESSION: { zh: '{count} 个子订单的状态倒退（如 {example}）', en: '{count} items moved back in status (e.g. {example})' },
  RECONCILIATION_MISMATCH: {
    zh: '{count} 处平台导出的比率与按明细重算的结果不一致（超出导出的四舍五入误差）',
    en: "{count} ratios reported by the platform disagree with the recomputed values beyond the export's rounding",
  },
  RECONCILIATION_OK: { zh: '平台导出的比率与重算结果一致（{fields}）', en: "The platform's ratios match the recomputed values ({fields})" },
  SHEET_CHOSEN: {
    zh: '工作簿有 {count} 个工作表，按表头选用「{sheet}」（其余：{others}）；可用 sheet 参数指定',
    en: "The workbook has {count} sheets; '{sheet}' was chosen by its headers (others: {others}); name one with the sheet option",
  },
  XLSX_ERROR_CELLS: {
    zh: '{count} 个单元格是 Excel 错误值（如 #DIV/0!），按空值处理（列：{columns}）',
    en: '{count} cells hold Excel errors (such as #DIV/0!) and were read as empty (columns: {columns})',
  },
  ENCODING_OVERRIDDEN: { zh: '按指定编码 {encoding} 读取', en: 'Read as {encoding} as requested' },
} as const;

export type IngestCode = keyof typeof INGEST_MESSAGES;
export type MessageParams = Record<string, string | number>;

export function renderMessage(code: IngestCode, params: MessageParams = {}, locale: 'zh' | 'en' = 'zh'): string {
  return fillTemplate(INGEST_MESSAGES[code][locale], params);
}

/** An import that cannot go on: nothing is stored. */
export class IngestError extends CodedError {
  declare readonly code: IngestCode;

  constructor(code: IngestCode, params: MessageParams = {}) {
    super(code, params, INGEST_MESSAGES[code]);
    this.name = 'IngestError';
  }

  get messageZh(): string {
    return this.text('zh');
  }
}
