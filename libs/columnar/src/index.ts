export * from './column';
export * from './builders';
export * from './keys';
export * from './merge';
export * from './overlap';
export * from './arrow-io';
export * from './arrow-file-store';
export * from './records';
