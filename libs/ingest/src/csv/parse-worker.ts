/** The worker thread that reads the second part of a large CSV (csv/parallel.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { readPart, type PartJob } from './read-part';

readPart(workerData as PartJob, (message) => parentPort!.postMessage(message)).catch((e: unknown) => {
  parentPort!.postMessage({ type: 'failed', error: { name: 'Error', message: String((e as Error)?.stack ?? e) } });
});
