export { CodedError, fillTemplate, type Locale, type MessageParams, type MessageTemplates } from './coded-error';
