export * from './types';
export * from './params';
export * from './kpis';
export * from './registry';
export * from './run-report';
export * from './charts';
export * from './analysis/abc';
export * from './analysis/rfm';
