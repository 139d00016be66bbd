/**
 * The daemon's state directory (token key and store) and the files in it:
 * owned by the daemon's user and closed to everyone else, checked each time
 * they are opened rather than trusted because they exist. Several daemons
 * may share one directory; writes go through a lock file and a temporary
 * file of their own, created exclusively (never through a link someone
 * left in the way).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';

import { ControlError } from '../../errors.js';

const selfUid = () => process.getuid?.() ?? 0;

/** Creates `dir` (0700) or checks an existing one: a directory (not a link), owned by the daemon's user, no access for group or others. */
export function openStateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory()) throw new ControlError('ENOTDIR', `state directory ${dir} is not a directory (a symbolic link is refused too)`);
  if (st.uid !== selfUid()) throw new ControlError('EPERM', `state directory ${dir} is owned by uid ${st.uid}, not the daemon's uid ${selfUid()}`);
  if ((st.mode & 0o077) !== 0)
    throw new ControlError('EPERM', `state directory ${dir} has mode ${(st.mode & 0o777).toString(8)}: group and others must have no access (chmod 700)`);
}

/** Checks a file in the state directory before trusting it: a regular file of the daemon's user that nobody else can read or write. */
export function checkStateFile(path: string): void {
  const st = lstatSync(path);
  if (!st.isFile()) throw new ControlError('EPERM', `${path} is not a regular file (a symbolic link is refused)`);
  if (st.uid !== selfUid()) throw new ControlError('EPERM', `${path} is owned by uid ${st.uid}, not the daemon's uid ${selfUid()}`);
  if ((st.mode & 0o077) !== 0) throw new ControlError('EPERM', `${path} has mode ${(st.mode & 0o777).toString(8)}: it must be 600`);
}

/** Replaces `path` with `data`: a temporary file of this writer's own (O_EXCL, so no link is followed), synced, renamed over. */
export function replaceFile(path: string, data: string): void {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (err) {
    unlinkSync(tmp);
    throw err;
  }
}

/** How long a writer waits for another's lock, and when a lock is held too long to be alive. */
const LOCK_WAIT_MS = 5000;
const LOCK_STALE_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `fn` holding `<path>.lock` (created exclusively; one writer at a
 * time across daemons sharing the directory). A lock whose holder is gone
 * (no such process on this host, or older than LOCK_STALE_MS: a holder on
 * another host of a shared filesystem) is broken. Waits synchronously: the
 * critical section is one small read and write.
 */
export function withFileLock<T>(path: string, fn: () => T): T {
  const lock = `${path}.lock`;
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (lockIsStale(lock)) {
        try {
          unlinkSync(lock);
        } catch {
          // Another writer broke it first.
        }
        continue;
      }
      if (Date.now() > until) throw new ControlError('EBUSY', `${lock} has been held for more than ${LOCK_WAIT_MS} ms by another daemon`);
      Atomics.wait(pause, 0, 0, 5);
      continue;
    }
    try {
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return fn();
    } finally {
      unlinkSync(lock);
    }
  }
}

function lockIsStale(lock: string): boolean {
  try {
    const st = statSync(lock);
    if (Date.now() - st.mtimeMs > LOCK_STALE_MS) return true;
    const pid = Number(readFileSync(lock, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
