import { HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RATE_LIMIT_STORE, takeMinuteSlot, type RateLimitStore } from '../coordination/rate-limit-store';
import { principalOf } from './principal';

/**
 * Upload rate limit per user: at most UPLOADS_PER_MINUTE in any sliding minute, across all
 * instances (the rate-limit store). (Hand-written: @nestjs/throttler is CommonJS requiring the
 * ESM-only Nest 12 packages, which Jest cannot load.)
 */
@Injectable()
export class UploadThrottleGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const who = principalOf(req)?.userId ?? req.ip ?? 'unknown';
    if ((await takeMinuteSlot(this.store, `upload:${who}`, this.config.uploadsPerMinute)) > 0)
      throw new AppError('TOO_MANY_UPLOADS', HttpStatus.TOO_MANY_REQUESTS);
    return true;
  }
}
