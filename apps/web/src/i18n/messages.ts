import { en } from './en';
import { zh } from './zh-CN';

/** UI strings. zh-CN is the source; en must have every key (the type checks it). */
export type MessageKey = keyof typeof zh;

export const messages: Record<'zh-CN' | 'en', Record<MessageKey, string>> = { 'zh-CN': zh, en };
