/**
 * `@creator-ops/core/start`: what a CLI command needs before the core loads (its configuration, the
 * DATA_DIR lock, the errors they throw, the first start's early password hash). Node built-ins
 * only, so that the hash begins while the rest of the core (`@creator-ops/core/light`) loads.
 */
export { loadConfig, ConfigError, type AppConfig } from '../config/app-config';
export { acquireDataDirLock, DataDirLockedError } from '../storage/data-dir-lock';
export { beginEarlyAdminHash, type EarlyAdminHash } from '../auth/early-admin-hash';
