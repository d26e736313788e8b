/** The worker thread that reads the second part of a large CSV (csv/parallel.ts): its job comes as workerData, or as the first message when it was started ahead (ingest-worker.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerJobMessage } from './ingest-worker';
import { readPart, type PartJob } from './read-part';

function run(job: PartJob): void {
  readPart(job, (message) => parentPort!.postMessage(message)).catch((e: unknown) => {
    parentPort!.postMessage({ type: 'failed', error: { name: 'Error', message: String((e as Error)?.stack ?? e) } });
  });
}

if (workerData) run(workerData as PartJob);
else parentPort!.once('message', (m: WorkerJobMessage<PartJob>) => run(m.job));
