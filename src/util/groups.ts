/** Group names and numbers from /etc/group (no NSS here: a name not in the file is reported as unknown). */
import { readFileSync } from 'node:fs';

function groups(): Array<{ name: string; gid: number }> {
  try {
    return readFileSync('/etc/group', 'utf8')
      .split('\n')
      .map((line) => line.split(':'))
      .filter((f) => f.length >= 3 && f[0] !== '' && /^\d+$/.test(f[2] as string))
      .map((f) => ({ name: f[0] as string, gid: Number(f[2]) }));
  } catch {
    return [];
  }
}

/** The name of `gid`, or the number as text when /etc/group does not list it. */
export function groupName(gid: number): string {
  return groups().find((g) => g.gid === gid)?.name ?? String(gid);
}

/** The gid of a group given by name or number; undefined when no such name is listed. */
export function groupId(nameOrNumber: string): number | undefined {
  if (/^\d+$/.test(nameOrNumber)) return Number(nameOrNumber);
  return groups().find((g) => g.name === nameOrNumber)?.gid;
}
