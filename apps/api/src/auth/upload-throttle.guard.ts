import { HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { principalOf } from './principal';

const WINDOW_MS = 60_000;

/**
 * Upload rate limit per user: at most UPLOADS_PER_MINUTE in any sliding minute. (Hand-written:
 * @nestjs/throttler is CommonJS requiring the ESM-only Nest 12 packages, which Jest cannot load.)
 */
@Injectable()
export class UploadThrottleGuard implements CanActivate {
  private readonly recent = new Map<string, number[]>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    const who = principalOf(req)?.userId ?? req.ip ?? 'unknown';
    const now = Date.now();
    const times = (this.recent.get(who) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length >= this.config.uploadsPerMinute) {
      this.recent.set(who, times);
      throw new AppError('TOO_MANY_UPLOADS', HttpStatus.TOO_MANY_REQUESTS);
    }
    times.push(now);
    this.recent.set(who, times);
    return true;
  }
}
