import { Injectable } from '@nestjs/common';

export type FaultPoint = 'import:before-commit' | 'delete:before-unlink';

/**
 * Named points where tests make a real operation fail (crash-safety tests). In production no
 * fault is ever armed and `check` does nothing.
 */
@Injectable()
export class FaultInjector {
  private readonly armed = new Set<FaultPoint>();

  arm(point: FaultPoint): void {
    this.armed.add(point);
  }

  disarm(point: FaultPoint): void {
    this.armed.delete(point);
  }

  check(point: FaultPoint): void {
    if (this.armed.has(point)) throw new Error(`Injected fault at ${point}`);
  }
}
