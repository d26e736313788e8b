import { MemoryRateLimitStore, takeMinuteSlot } from './rate-limit-store';

describe('takeMinuteSlot', () => {
  it('allows `limit` events in any sliding minute, then says how long to wait', async () => {
    const store = new MemoryRateLimitStore(() => 0);
    const waits: number[] = [];
    for (const t of [0, 10_000, 20_000, 30_000]) waits.push(await takeMinuteSlot(store, 'u', 3, t));
    // The 4th at 30 s: the first (at 0) leaves the window at 60 s, 30 s later.
    expect(waits).toEqual([0, 0, 0, 30_000]);
    // At 60 s the first has left: one slot again; the refused try did not count.
    expect(await takeMinuteSlot(store, 'u', 3, 60_000)).toBe(0);
    expect(await takeMinuteSlot(store, 'u', 3, 60_001)).toBe(9_999);
    expect(await takeMinuteSlot(store, 'other', 3, 60_001)).toBe(0);
  });
});

describe('MemoryRateLimitStore', () => {
  it('forgets a key after its time to live, and on null', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now);
    await store.update('k', () => 1, 1000);
    expect(await store.read('k')).toBe(1);
    now = 1000;
    expect(await store.read('k')).toBeNull();
    await store.update('k', () => 2, 1000);
    await store.update('k', () => null, 1000);
    expect(await store.read('k')).toBeNull();
  });
});
