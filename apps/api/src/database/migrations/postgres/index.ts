import type { MigrationInterface } from 'typeorm';
import { Initial1796407875274 } from './1796407875274-Initial';

/** In order; each runs once, in its own transaction, at start. */
export const POSTGRES_MIGRATIONS: (new () => MigrationInterface)[] = [Initial1796407875274];
