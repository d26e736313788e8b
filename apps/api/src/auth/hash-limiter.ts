/**
 * At most `concurrency` password hashes at once; the others wait in line. scrypt runs on libuv's
 * small thread pool (4 threads), which file reads and writes share: without this bound a burst of
 * sign-ins occupies every thread and an unrelated upload waits seconds for its first write.
 */
export class HashLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly concurrency: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Hashes waiting for their turn (for the busy check). */
  get queued(): number {
    return this.waiting.length;
  }
}
