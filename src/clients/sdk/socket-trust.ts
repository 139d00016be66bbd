/**
 * Before a client sends anything (a registration token, a request) to a
 * control socket it checks who could have put the socket there: a socket in
 * a directory another user made in a world-writable place (/tmp/vexfs-<uid>
 * made by someone else first) is refused. Trusted: what root or this user
 * owns, and what another user (the daemon's, e.g. /run/vexfs) owns in a
 * directory that only trusted users could write to.
 */
import { type Stats, lstatSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';

import { UntrustedSocketError } from '../../errors.js';

const S_ISVTX = 0o1000;
const writableByOthers = (st: Stats) => (st.mode & 0o022) !== 0;

/** Throws UntrustedSocketError naming the path and its owner when the socket at `path` could be another user's trap. */
export function checkSocketTrust(path: string): void {
  const self = process.getuid?.() ?? 0;
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return; // Not there: connecting will say so.
  }
  const refuse = (what: string, why: string): never => {
    throw new UntrustedSocketError(
      path,
      `refusing to use the control socket ${path}: ${what} ${why}; another user could have put it there (point VEXFS_CONTROL_SOCKET at the daemon's socket)`,
    );
  };
  // Walk down from /: every directory must be trusted for what is below it to be.
  const chain: string[] = [];
  for (let d = dirname(real); ; d = dirname(d)) {
    chain.unshift(d);
    if (d === dirname(d)) break;
  }
  let parent: Stats | undefined;
  for (const dir of chain) {
    const st = lstatSync(dir);
    const trustedOwner = st.uid === 0 || st.uid === self;
    // Another user's directory is trusted only where nobody but trusted users could have made it.
    if (!trustedOwner && parent !== undefined && writableByOthers(parent)) refuse(dir, `is owned by uid ${st.uid} inside a directory anyone may write to`);
    if (writableByOthers(st) && !(st.mode & S_ISVTX)) refuse(dir, `is writable by users other than its owner (mode ${(st.mode & 0o7777).toString(8)})`);
    parent = st;
  }
  const sock = lstatSync(real);
  const dirSt = parent as Stats;
  if (sock.uid !== 0 && sock.uid !== self && !(sock.uid === dirSt.uid && !writableByOthers(dirSt)))
    refuse(real, `is owned by uid ${sock.uid}, who does not own its directory`);
}
