export * from './questions';
export * from './tabulate';
