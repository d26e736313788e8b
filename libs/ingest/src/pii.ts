import { createHmac } from 'node:crypto';

const PHONE = /^(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}$/;

/** A cell that is a mainland mobile number (with or without +86 and separators). */
export function looksLikePhone(text: string): boolean {
  return text.length >= 11 && text.length <= 18 && PHONE.test(text);
}

/** A stable pseudonymous key for a buyer: HMAC-SHA256 of the (already masked or plain) phone. */
export function buyerKey(secret: string, phone: string): string {
  return 'h:' + createHmac('sha256', secret).update(phone).digest('hex').slice(0, 20);
}

/** Phones remembered per import: buyers repeat across their orders, but memory stays bounded. */
const MEMO_LIMIT = 50_000;

/** `buyerKey` memoised for one import. */
export function buyerKeyer(secret: string): (phone: string) => string {
  let seen = new Map<string, string>();
  return (phone) => {
    let key = seen.get(phone);
    if (key === undefined) {
      key = buyerKey(secret, phone);
      if (seen.size >= MEMO_LIMIT) seen = new Map();
      seen.set(phone, key);
    }
    return key;
  };
}
