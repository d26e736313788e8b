import { createReadStream } from 'node:fs';
import { RecordBatchReader } from 'apache-arrow';
import { arrowToTable } from './arrow-io';
import type { ColumnTable } from './column';

/** The batches of an Arrow IPC stream file, in order, one at a time (never the whole file in memory); with `only`, just those columns. */
export async function readStreamBatches(path: string, each: (batch: ColumnTable) => void | Promise<void>, only?: ReadonlySet<string>): Promise<void> {
  const reader = await RecordBatchReader.from(createReadStream(path));
  for await (const batch of reader) await each(arrowToTable(batch, only));
}
