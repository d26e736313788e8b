import { writeFileSync } from 'node:fs';
import { Environment } from '../platform/environment';

export type FaultPoint = 'import:before-write' | 'import:before-commit' | 'import:after-commit' | 'delete:before-unlink' | 'delete:after-unlink';

/**
 * Named points where tests make a real operation fail (arm) or kill the process outright
 * (CREATOR_OPS_CRASH_AT=<point>, for the crash-safety test that restarts the server). In
 * production nothing is armed and the variable is unset: `check` does nothing.
 */
export class FaultInjector {
  private readonly armed = new Set<FaultPoint>();
  private readonly diskFull = new Set<FaultPoint>();
  private readonly crashAt: string | undefined;

  constructor(env: Environment) {
    this.crashAt = env.get('CREATOR_OPS_CRASH_AT');
  }

  arm(point: FaultPoint): void {
    this.armed.add(point);
  }

  /** The write at `point` meets a full disk: the kernel's own ENOSPC, from a write to /dev/full (Linux). */
  armDiskFull(point: FaultPoint): void {
    this.diskFull.add(point);
  }

  disarm(point: FaultPoint): void {
    this.armed.delete(point);
    this.diskFull.delete(point);
  }

  check(point: FaultPoint): void {
    if (this.crashAt === point) process.kill(process.pid, 'SIGKILL');
    if (this.armed.has(point)) throw new Error(`Injected fault at ${point}`);
    if (this.diskFull.has(point)) writeFileSync('/dev/full', 'x');
  }
}
