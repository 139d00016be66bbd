/**
 * What both control surfaces — the control socket and the module forwarding
 * /dev/vexfs_ipc callers — answer alike: a refusal's errno and reason, and
 * a registration token checked (or refused when this daemon mints none).
 */
import { ControlError, RegistrationError } from '../errors.js';
import { errnoValue } from '../kernel-side/netlink/extack.js';
import type { TokenGrant } from './auth/policy.js';
import type { TokenAuthority } from './auth/tokens.js';

/** The errno and reason of a refusal (a RegistrationError or ControlError); undefined for anything else, which is a fault. */
export function refusalOf(err: unknown): { errno: number; reason: string } | undefined {
  if (!(err instanceof RegistrationError || err instanceof ControlError)) return undefined;
  return { errno: errnoValue(err.errno as Parameters<typeof errnoValue>[0]), reason: err.message };
}

/** What `token` grants; refused EACCES, naming why, when this daemon has no token store. */
export function verifyRegistrationToken(tokens: TokenAuthority | undefined, token: string): Promise<TokenGrant> {
  if (tokens === undefined)
    return Promise.reject(new RegistrationError('EACCES', 'this daemon has no registration tokens (no --state-dir); register without one'));
  return tokens.verify(token);
}
