/**
 * The worker thread that reads the second part of a large CSV (csv/parallel.ts). Its job comes as
 * workerData, or, when it was started ahead (ingest-worker.ts), as its first message: meanwhile it
 * counts the line feeds before the split it was told to expect.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SplitAhead, WorkerJobMessage } from './ingest-worker';
import { countLineFeeds, readPart, type LineFeedsBefore, type PartJob } from './read-part';

function run(job: PartJob, counted: LineFeedsBefore | null): void {
  readPart(job, (message) => parentPort!.postMessage(message), counted).catch((e: unknown) => {
    parentPort!.postMessage({ type: 'failed', error: { name: 'Error', message: String((e as Error)?.stack ?? e) } });
  });
}

const data = workerData as PartJob | { ahead: SplitAhead | null };
if ('ahead' in data) {
  // A job posted meanwhile waits in the port's queue (the count is needed first thing either way).
  const counted = data.ahead ? { ...data.ahead, lineFeeds: countLineFeeds(data.ahead.path, data.ahead.start) } : null;
  parentPort!.once('message', (m: WorkerJobMessage<PartJob>) => run(m.job, counted));
} else run(data, null);
