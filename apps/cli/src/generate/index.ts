export { generateExport, GENERATE_KINDS } from './generate';
export type { GenerateKind, GenerateOptions, GenerateResult } from './generate';
export { ORDER_HEADER } from './order';
export { AD_HEADER } from './ad';
export { ACCOUNT_HEADER, ACCOUNT_MAX_DAYS } from './account';
export { CONTENT_HEADER } from './content';
export { REVIEW_HEADER } from './review';
export { STOCK_MOVE_HEADER } from './stock-move';
