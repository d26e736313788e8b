import { CodedError, fillTemplate } from './coded-error';

describe('fillTemplate', () => {
  it('fills every {param}, repeated ones too, numbers as written', () => {
    expect(fillTemplate('{a} 和 {b}，再一次 {a}', { a: '甲', b: 2.5 })).toBe('甲 和 2.5，再一次 甲');
  });

  it('leaves a placeholder without a value visible rather than empty', () => {
    expect(fillTemplate('第 {line} 行：{column}', { line: 3 })).toBe('第 3 行：{column}');
    expect(fillTemplate('{x}', { x: null })).toBe('{x}');
  });

  it('keeps zero and the empty string (they are values)', () => {
    expect(fillTemplate('[{n}][{s}]', { n: 0, s: '' })).toBe('[0][]');
  });
});

describe('CodedError', () => {
  it('carries code, params and templates; message is the English text', () => {
    const e = new CodedError('SOME_CODE', { id: 'w1' }, { zh: '工作区 {id} 不存在', en: 'Workspace {id} not found' }, { hint: 1 });
    expect(e).toBeInstanceOf(Error);
    expect({ code: e.code, message: e.message, zh: e.text('zh'), en: e.text('en'), details: e.details }).toEqual({
      code: 'SOME_CODE',
      message: 'Workspace w1 not found',
      zh: '工作区 w1 不存在',
      en: 'Workspace w1 not found',
      details: { hint: 1 },
    });
  });

  it('without templates, the code is its own text', () => {
    expect(new CodedError('BARE').text('zh')).toBe('BARE');
  });
});
