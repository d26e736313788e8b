import type { MigrationInterface } from 'typeorm';
import { Initial1796407875274 } from './1796407875274-Initial';
import { Coordination1796500000000 } from './1796500000000-Coordination';

/** In order; each runs once, in its own transaction, at start. */
export const POSTGRES_MIGRATIONS: (new () => MigrationInterface)[] = [Initial1796407875274, Coordination1796500000000];
