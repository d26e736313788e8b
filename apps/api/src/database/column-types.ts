import type { ColumnType } from 'typeorm';

/**
 * Column types that differ between the two metadata databases. Entity decorators run when their
 * module is imported, before any provider exists, so the choice is read from DATABASE_URL here
 * (the same variable loadConfig validates).
 */
export const IS_POSTGRES = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

/** A point in time: SQLite's datetime text, PostgreSQL's timestamptz. */
export const TIMESTAMP_TYPE: ColumnType = IS_POSTGRES ? 'timestamptz' : 'datetime';

/** A double: SQLite's REAL is 8 bytes; PostgreSQL's real is only 4, so it takes double precision. */
export const DOUBLE_TYPE: ColumnType = IS_POSTGRES ? 'double precision' : 'real';
