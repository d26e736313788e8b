export * from './types';
export * from './expression';
export * from './registry';
export { ROW_FILTERS, UNPAID_STATUSES, CLOSED_STATUSES, REFUNDED_AFTER_SALE } from './definitions/row-filters';
export { PARAMS } from './definitions/params';
