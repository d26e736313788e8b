/** Messages of the HTTP layer by code (import problems carry their own, from libs/ingest). */
export const API_MESSAGES = {
  WORKSPACE_NOT_FOUND: { zh: '工作区 {id} 不存在', en: 'Workspace {id} not found' },
  DATASET_NOT_FOUND: { zh: '数据集 {id} 不存在', en: 'Dataset {id} not found' },
  INVALID_WORKSPACE_NAME: { zh: '工作区名称无效：只能包含字母、数字、汉字、- 和 _，最长 64 个字符', en: 'Invalid workspace name: letters, digits, Chinese characters, - and _ only, at most 64 characters' },
  FILE_REQUIRED: { zh: '请在 file 字段上传文件', en: 'Upload a file in the `file` field' },
  UPLOAD_TOO_LARGE: { zh: '文件超过上传上限 {max} MB', en: 'The file exceeds the upload limit of {max} MB' },
  UNSUPPORTED_FILE_TYPE: { zh: '不支持的文件类型：{reason}', en: 'Unsupported file type: {reason}' },
  NO_ACCEPTED_ROWS: { zh: '没有任何一行可以导入（读取 {read} 行，拒绝 {rejected} 行，跳过 {skipped} 行）', en: 'No row could be imported (read {read}, rejected {rejected}, skipped {skipped})' },
  VALIDATION_FAILED: { zh: '请求参数无效：{problems}', en: 'Invalid request: {problems}' },
  ROUTE_NOT_FOUND: { zh: '接口不存在：{path}', en: 'No such endpoint: {path}' },
  INTERNAL_ERROR: { zh: '服务器内部错误（请求编号 {requestId}）', en: 'Internal server error (request {requestId})' },
  REPORT_NOT_FOUND: { zh: '报表 {report} 不存在', en: 'Report {report} not found' },
  CHART_NOT_FOUND: { zh: '报表 {report} 没有图表 {chart}', en: 'Report {report} has no chart {chart}' },
  TABLE_NOT_FOUND: { zh: '报表 {report} 没有表格 {table}', en: 'Report {report} has no table {table}' },
  INVALID_REPORT_PARAM: { zh: '报表参数 {param} 无效：{value}', en: 'Invalid report parameter {param}: {value}' },
  ALERT_RULE_NOT_FOUND: { zh: '告警规则 {id} 不存在', en: 'Alert rule {id} not found' },
  ALERT_NOT_FOUND: { zh: '告警 {id} 不存在', en: 'Alert {id} not found' },
  INVALID_ALERT_RULE: { zh: '告警规则无效：{problems}', en: 'Invalid alert rule: {problems}' },
  INVALID_BUDGET: { zh: '预算无效：{problems}', en: 'Invalid budget: {problems}' },
  INVALID_WEBHOOK_URL: { zh: 'Webhook 地址无效：{url}', en: 'Invalid webhook URL: {url}' },
  IMPORT_INTERRUPTED: { zh: '导入在提交前失败，数据未改变', en: 'The import failed before it was committed; nothing changed' },
} as const;

export type ApiCode = keyof typeof API_MESSAGES;
