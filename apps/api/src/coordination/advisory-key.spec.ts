import { advisoryKey } from './advisory-key';

describe('advisoryKey', () => {
  const id = '00000000-0000-0000-0000-000000000001';

  it('is the first 8 bytes of SHA-256 over "<namespace>:<id>" as a signed 64-bit integer (values from Python hashlib + struct)', () => {
    expect(advisoryKey('workspace', id)).toBe('6492534912699091777');
    expect(advisoryKey('instance', id)).toBe('-9052920211466973053');
  });

  it('keeps namespaces apart', () => {
    expect(advisoryKey('workspace', id)).not.toBe(advisoryKey('seed-rules', id));
  });
});
