import type { MigrationInterface } from 'typeorm';
import { Initial1796404159964 } from './1796404159964-Initial';

/** In order; each runs once, in its own transaction, at start. */
export const POSTGRES_MIGRATIONS: (new () => MigrationInterface)[] = [Initial1796404159964];
