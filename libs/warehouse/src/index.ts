export * from './parquet-columns';
export * from './parquet-file';
