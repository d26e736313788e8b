export * from './types';
export * from './tokens';
export * from './header';
export * from './registry';
export * from './unsupported';
