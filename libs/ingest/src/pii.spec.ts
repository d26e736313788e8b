import { maskPersonalText } from './pii';

/** Personal data inside free text is masked; ordinary text, dates, quantities and ids are kept. */
describe('maskPersonalText', () => {
  const masked: [string, string][] = [
    ['请联系13812345678尽快发货', '请联系***尽快发货'],
    ['电话 +86 138-1234-5678', '电话 ***'],
    ['座机0755-12345678', '座机***'],
    ['开票身份证110105199003071234', '开票身份证***'],
    ['身份证号11010519900307123X', '身份证号***'],
    // The words run into the address (city, district ... and a verb before them) go with it: over-masking is the safe side.
    ['送到北京市朝阳区建国路88号3栋201，谢谢', '***，谢谢'],
    ['改地址：6号楼1203室', '改地址：***'],
    ['收件人：张三 改地址', '收件人：*** 改地址'],
    ['联系人 李小四', '联系人 ***'],
  ];
  it.each(masked)('masks %s', (input, expected) => {
    expect(maskPersonalText(input)).toBe(expected);
  });

  const kept = ['夏季T恤 2件装 XL', '牛肉干500g*2袋', '2026-07-18 到货', '订单6929876543210987654', '第3号商品', '满199减20', '', '请尽快发货，谢谢'];
  it.each(kept)('keeps %s', (input) => {
    expect(maskPersonalText(input)).toBe(input);
  });
});
