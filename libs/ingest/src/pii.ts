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

/** Mainland mobiles inside text (+86, spaces and dashes allowed), not inside a longer number. */
const PHONE_IN_TEXT = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;
/** Landlines with an area code: 010-12345678, 0755 1234 5678. */
const LANDLINE_IN_TEXT = /(?<!\d)0\d{2,3}[- ]\d{7,8}(?!\d)/g;
/** Resident ID numbers: 6-digit region, birth date 19xx/20xx, 3 digits, check digit. */
const ID_NUMBER_IN_TEXT = /(?<!\d)[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g;
/** A street address down to the number: …路/街/道/巷/弄/胡同 12 号, then building, unit, room. */
const STREET_ADDRESS =
  /[\u4e00-\u9fa5A-Za-z0-9]{0,24}?(?:路|街|大道|道|巷|弄|胡同|村|镇|乡)[\s\d一二三四五六七八九十零〇-]*\d+\s*(?:号|號)(?:[\s\dA-Za-z一二三四五六七八九十-]*(?:栋|幢|座|号楼|楼|单元|层|室|户))*[\d-]*/g;
/** A building address without a street: 3栋2单元501, 6号楼1203室, 小区12-3-401. */
const BUILDING_ADDRESS =
  /[\u4e00-\u9fa5A-Za-z0-9]{0,16}?(?:小区|花园|公寓|大厦|苑|园)?\s*\d+\s*(?:栋|幢|座|号楼)[\s\dA-Za-z-]*(?:单元)?[\s\dA-Za-z-]*(?:室|层|号)?/g;
/** A name after a label: 收件人：张三, 联系人 李四, 姓名:王小二. */
const LABELLED_NAME = /((?:收件人|收货人|联系人|寄件人|姓名|买家姓名|客户姓名)\s*[:：]?\s*)[\u4e00-\u9fa5·]{2,5}/g;

export const MASK = '***';

/**
 * Masks personal data inside free text (买家留言, 商家备注, titles, unknown columns): phone
 * numbers, resident ID numbers, detailed addresses and labelled names become `***`, the rest of
 * the text is kept. Returns the text unchanged (same string) when nothing was found.
 * Example: maskPersonalText('请联系13812345678，送到朝阳路88号3栋201') -> '请联系***，送到***'.
 */
export function maskPersonalText(text: string): string {
  if (!/\d|收件|收货|联系|寄件|姓名/.test(text)) return text;
  return text
    .replace(ID_NUMBER_IN_TEXT, MASK)
    .replace(PHONE_IN_TEXT, MASK)
    .replace(LANDLINE_IN_TEXT, MASK)
    .replace(STREET_ADDRESS, MASK)
    .replace(BUILDING_ADDRESS, (m) => (/\d/.test(m) ? MASK : m))
    .replace(LABELLED_NAME, `$1${MASK}`)
    .replace(/(?:\*\*\*){2,}/g, MASK);
}
