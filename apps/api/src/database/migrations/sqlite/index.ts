import type { MigrationInterface } from 'typeorm';
import { Initial1796404158278 } from './1796404158278-Initial';
import { AccountsAndAssignments1796407802366 } from './1796407802366-AccountsAndAssignments';
import { Coordination1796500000000 } from './1796500000000-Coordination';

/** In order; each runs once, in its own transaction, at start. */
export const SQLITE_MIGRATIONS: (new () => MigrationInterface)[] = [Initial1796404158278, AccountsAndAssignments1796407802366, Coordination1796500000000];
