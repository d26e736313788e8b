export * from './column';
export * from './builders';
