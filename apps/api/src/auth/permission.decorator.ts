import { SetMetadata } from '@nestjs/common';
import type { Permission } from './roles';

export const PERMISSION_KEY = 'creator-ops:permission';

/** Every route declares the permission it needs; a route without one is refused (and fails a test). */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
