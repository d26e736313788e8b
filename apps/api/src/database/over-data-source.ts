import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The Nest provider of a class constructed over the metadata data source (the repositories are plain classes, shared with the CLI). */
export function overDataSource<T>(type: new (db: DataSource) => T): Provider {
  return { provide: type, inject: [getDataSourceToken()], useFactory: (db: DataSource) => new type(db) };
}

/** The Nest provider of what `make` builds over the metadata data source. */
export function fromDataSource<T>(type: abstract new (...args: never[]) => T, make: (db: DataSource) => T): Provider {
  return { provide: type, inject: [getDataSourceToken()], useFactory: make };
}
