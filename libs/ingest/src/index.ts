export * from './messages';
export * from './report';
export * from './encoding';
export * from './sniff';
export * from './kind-detect';
export * from './plan';
export * from './ingest';
export { looksLikePhone, buyerKey, maskPersonalText } from './pii';
export { scrubFreeText, SCRUBBED_MARK } from './pii-text';
