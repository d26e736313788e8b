import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/** This process's identity among the instances sharing one database and DATA_DIR (new at every start). */
export const INSTANCE_ID = randomUUID();

/** DATA_DIR/tmp/uploads/<instance id>: each instance's uploads in progress, so a peer's sweep never touches them. */
export function uploadDirOf(dataDir: string, instanceId: string = INSTANCE_ID): string {
  return join(dataDir, 'tmp', 'uploads', instanceId);
}
