/** NATS server lists, checked without loading the NATS client (the daemon's configuration checks them whether or not it connects). */
import { InvalidArgumentError } from '../../errors.js';

/** The URL list, checked: each nats://, tls:// (or bare host:port), no credentials in it. */
export function natsServers(url: string): string[] {
  const servers = url
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (servers.length === 0) throw new InvalidArgumentError('nats', 'no server given (expected nats://host:port, several separated by commas)');
  for (const s of servers) {
    let u: URL;
    try {
      u = new URL(s.includes('://') ? s : `nats://${s}`);
    } catch {
      throw new InvalidArgumentError('nats', `"${s}" is not a server address (expected nats://host:port)`);
    }
    if (!['nats:', 'tls:'].includes(u.protocol)) throw new InvalidArgumentError('nats', `"${s}": the scheme is ${u.protocol}, expected nats:// or tls://`);
    if (u.username !== '' || u.password !== '')
      throw new InvalidArgumentError('nats', 'the URL carries credentials; give them with --nats-user/--nats-password-file (they would be logged otherwise)');
  }
  return servers;
}
