import { join } from 'node:path';
import { mergeParts, type ImportPart } from '@creator-ops/columnar';
import { ingestFile } from '@creator-ops/ingest';
import type { TableSet } from '@creator-ops/query';
import { KINDS, type ExportKind } from '@creator-ops/schemas';

const SAMPLES = join(process.cwd(), 'fixtures', 'samples');

export const SAMPLE_FILES = [
  'doudian-orders.csv',
  'qianchuan-plan-daily.csv',
  'douyin-works.csv',
  'luopan-live-sessions.csv',
  '数据表现_播放量数据.csv',
  '数据表现_净增粉丝数据.csv',
  '数据表现_主页访问数据.csv',
  'doudian-reviews.csv',
  'doudian-stock.csv',
  'stock-ledger.csv',
  'wjx-survey-text.csv',
  'xingtu-orders.csv',
];

/** A workspace's tables from sample exports, merged per kind the way storage merges imports. */
export async function sampleTables(files: string[] = SAMPLE_FILES, account = '示例账号'): Promise<TableSet> {
  const parts = new Map<ExportKind, ImportPart[]>();
  for (const [i, file] of files.entries()) {
    const { table, report } = await ingestFile(join(SAMPLES, file), { fileName: file, secret: 'x', account });
    const kind = report.kind as ExportKind;
    parts.set(kind, [...(parts.get(kind) ?? []), { id: String(i), table, keyFields: report.naturalKey }]);
  }
  const tables: TableSet = new Map();
  for (const [kind, list] of parts) tables.set(kind, mergeParts(KINDS[kind], list));
  return tables;
}
