import { randomUUID } from 'node:crypto';

/** This process's identity among the instances sharing one database and DATA_DIR (new at every start). */
export const INSTANCE_ID = randomUUID();
