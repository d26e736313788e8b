import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds DATA_DIR: written into the lock file, shown to whoever is refused. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export const LOCK_FILE = 'creator-ops.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (${holder.command}, since ${holder.startedAt})`
      : 'another process (its lock file is being written)';
    super(
      `DATA_DIR ${dataDir} is in use by ${who}.\n` +
        `Only one server or writing CLI command may use a DATA_DIR at a time: stop that process, or use another DATA_DIR.\n` +
        `数据目录 ${dataDir} 正被${holder ? `进程 ${holder.pid}（${holder.host}，${holder.command}）` : '另一个进程'}使用；同一数据目录同一时间只能由一个服务或写入命令使用。`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  path: string;
  release(): void;
}

/** Locks this process holds, by DATA_DIR (released at shutdown by DataDirLockRelease). */
const held = new Map<string, DataDirLock>();

/** Releases this process's lock on `dataDir`, if it holds one. */
export function releaseDataDirLock(dataDir: string): void {
  held.get(dataDir)?.release();
}

/** A lock file younger than this with unreadable content is being written, not abandoned. */
const WRITING_GRACE_MS = 5000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return Number.isInteger(h.pid) && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** Alive as far as this machine can tell: another host's pid cannot be checked, so it counts as alive. */
function holds(h: LockHolder): boolean {
  return h.host !== hostname() || isAlive(h.pid);
}

/**
 * Takes the exclusive lock on DATA_DIR for the life of this process (a file created with O_EXCL,
 * holding pid, host and command). A lock whose process is gone (kill -9, power loss) is stale
 * and taken over; a live holder is refused with its name. Released on exit and by `release()`.
 */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      // Not fsynced: other processes read it through the page cache, and after a power loss every
      // holder is gone, so an empty or missing lock file is taken over as stale either way.
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(dataDir);
        process.removeListener('exit', release);
        if (readHolder(path)?.pid === me.pid && readHolder(path)?.startedAt === me.startedAt) unlinkSync(path);
      };
      process.once('exit', release);
      held.set(dataDir, { path, release });
      return { path, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    if (holder && holds(holder)) throw new DataDirLockedError(dataDir, holder);
    if (!holder && Date.now() - mtimeOf(path) < WRITING_GRACE_MS) throw new DataDirLockedError(dataDir, null);
    takeOverStale(path, holder);
  }
  throw new DataDirLockedError(dataDir, readHolder(path));
}

/**
 * Moves the stale lock aside (one rename wins among processes racing for it), then checks that
 * what was moved is the stale lock and not one a faster process just created: that one goes back.
 */
function takeOverStale(path: string, stale: LockHolder | null): void {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readHolder(aside);
  if (moved && stale && moved.pid === stale.pid && moved.startedAt === stale.startedAt) unlinkSync(aside);
  else if (moved && holds(moved)) renameSync(aside, path);
  else unlinkSync(aside);
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
