import { HashLimiter } from './hash-limiter';
import { KeyedMutex } from './keyed-mutex';
import { ACCOUNT_RULE, Throttle } from './login-throttle';

describe('Throttle', () => {
  let now = 0;
  const t = () => new Throttle(ACCOUNT_RULE, () => now);

  it('allows 4 failures, then doubles the delay from 1 s up to a 60 s cap', async () => {
    now = 0;
    const th = t();
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      await th.fail('a');
      waits.push(await th.wait('a'));
    }
    expect(waits).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    for (let i = 0; i < 1000; i++) await th.fail('a');
    expect(await th.wait('a')).toBe(60000);
  });

  it('forgets failures after the window, and on success', async () => {
    now = 0;
    const th = t();
    for (let i = 0; i < 6; i++) await th.fail('a');
    now = ACCOUNT_RULE.windowMs + 1;
    expect(await th.failures('a')).toBe(0);
    await th.fail('b');
    await th.clear('b');
    expect(await th.failures('b')).toBe(0);
  });
});

describe('KeyedMutex', () => {
  it('runs the tasks of one key one at a time, in arrival order, and other keys alongside', async () => {
    const m = new KeyedMutex();
    const log: string[] = [];
    const task = (key: string, name: string, ms: number) =>
      m.run(key, async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
      });
    await Promise.all([task('a', 'a1', 20), task('a', 'a2', 1), task('b', 'b1', 5)]);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });
});

describe('HashLimiter', () => {
  it('never runs more than its bound at once', async () => {
    const limiter = new HashLimiter(2);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limiter.run(async () => {
          peak = Math.max(peak, ++running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });
});
