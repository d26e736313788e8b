export * from './calendar';
export * from './locale';
export { roundHalfAwayFromZero, toFixedDecimal } from './decimal';
export { groupThousands } from './number';
export * from './units';
export * from './delta';
export * from './formula';
export * from './axis';
