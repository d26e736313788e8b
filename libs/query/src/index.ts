export * from './types';
export * from './period';
export * from './fields';
export * from './filters';
export * from './measures';
export * from './plan';
export * from './aggregate';
export * from './engine';
