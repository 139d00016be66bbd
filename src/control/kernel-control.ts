/**
 * Control messages the module forwards from /dev/vexfs_ipc: service
 * registration (tied in the kernel to the registering file), unregistration,
 * status and list. Each is answered with REPLY and an errno the ioctl
 * returns, unless the module asked for no reply.
 */
import { Cmd, Flags } from '../abi/uapi.js';
import { RegistrationError } from '../errors.js';
import type { KernelChannel } from '../kernel-side/channels/channel.js';
import { errnoValue } from '../kernel-side/netlink/extack.js';
import type { ReplyMessage, ServiceRecord, StatsRecord, VexfsMessage } from '../kernel-side/messages/messages.js';
import { registrationOf } from '../kernel-side/messages/service-attrs.js';
import type { ServiceInfoMsg } from '../services/wire/proto.js';
import type { ServiceEntry, ServiceRegistry } from '../services/registry/registry.js';
import type { TokenGrant } from './auth/policy.js';
import type { TokenAuthority } from './auth/tokens.js';
import { refusalOf, verifyRegistrationToken } from './refusals.js';

/** Registrations from the kernel belong to it; the module tracks which file made each. */
export const KERNEL_OWNER = 'kernel';

const EIO = errnoValue('EIO');

function toInfo(r: ServiceRecord): ServiceInfoMsg {
  return { ...registrationOf(r), metadata: {} };
}

export interface KernelControlContext {
  registry: ServiceRegistry;
  stats: () => StatsRecord;
  /** The services as the module's replies carry them (one list at a time: what it adds up is read once). */
  describe: (entries: readonly ServiceEntry[]) => ServiceRecord[];
  /** Verifies registration tokens; undefined: a presented token is refused. */
  tokens: TokenAuthority | undefined;
  /** A failure answered EIO, or a re-announcement refused (nobody waits for that one). */
  onFault: (err: Error) => void;
  /**
   * Device registrations whose token is being verified, by service id: an
   * UNREGISTER for one meanwhile (the module gave up waiting) cancels it.
   */
  verifying: Map<string, { cancelled: boolean }>;
}

export function handleKernelControl(m: VexfsMessage, ch: KernelChannel, ctx: KernelControlContext): void {
  const { registry, stats, describe } = ctx;
  // The module's caller waits for this reply: it gets one whatever happens here. A failure
  // that is not a refusal is answered EIO and then raised for the channel to count and log.
  const answer = (requestId: bigint, fill: () => Partial<ReplyMessage>) => {
    let reply: ReplyMessage;
    let fault: unknown;
    try {
      reply = { requestId, errno: 0, ...fill() };
    } catch (err) {
      const refused = refusalOf(err);
      if (refused !== undefined) reply = { requestId, errno: refused.errno, errorMsg: refused.reason };
      else {
        fault = err;
        reply = { requestId, errno: EIO, errorMsg: 'the daemon failed to answer (see its log)' };
      }
    }
    try {
      ch.reply(reply);
    } catch (err) {
      ch.reply({ requestId, errno: EIO, errorMsg: 'the daemon could not encode its answer' });
      fault ??= err;
    }
    if (fault !== undefined) throw fault;
  };
  switch (m.cmd) {
    case Cmd.SERVICE_REGISTER: {
      const { requestId, service, callerUid, callerPid, callerGid, token, flags = 0 } = m.msg;
      const register = (grant: TokenGrant | undefined) =>
        registry.register(toInfo(service), KERNEL_OWNER, { uid: callerUid, pid: callerPid, gid: callerGid, grant });
      // A re-announcement to a new daemon (NO_REPLY): registered if still valid and allowed, nobody waits.
      const reannounced = (flags & Flags.NO_REPLY) !== 0;
      const decide = (grant: TokenGrant | undefined) => {
        if (!reannounced) return answer(requestId, () => (register(grant), {}));
        try {
          register(grant);
        } catch (err) {
          if (!(err instanceof RegistrationError)) throw err;
        }
      };
      if (token === undefined) return decide(undefined);
      const pending = { cancelled: false };
      ctx.verifying.set(service.id, pending);
      verifyRegistrationToken(ctx.tokens, token)
        .then(
          (grant) => {
            if (!pending.cancelled) decide(grant);
          },
          (err: unknown) => {
            if (reannounced || pending.cancelled) return;
            const refused = refusalOf(err);
            if (refused !== undefined) ch.reply({ requestId, errno: refused.errno, errorMsg: refused.reason });
            else
              answer(requestId, () => {
                throw err;
              });
          },
        )
        .finally(() => {
          if (ctx.verifying.get(service.id) === pending) ctx.verifying.delete(service.id);
        })
        .catch((err: unknown) => ctx.onFault(err instanceof Error ? err : new Error(String(err))));
      return;
    }
    case Cmd.SERVICE_UNREGISTER: {
      const { requestId, serviceId, flags, callerUid, callerPid } = m.msg;
      if (flags & Flags.NO_REPLY) {
        const verifying = ctx.verifying.get(serviceId);
        if (verifying !== undefined) verifying.cancelled = true;
        if (registry.get(serviceId)?.owner === KERNEL_OWNER) registry.unregister(serviceId, KERNEL_OWNER, 'registering file closed', callerUid, callerPid);
        return;
      }
      answer(requestId, () => (registry.unregister(serviceId, KERNEL_OWNER, 'unregistered', callerUid, callerPid), {}));
      return;
    }
    case Cmd.SERVICE_STATUS: {
      const { requestId, serviceId } = m.msg;
      answer(requestId, () => {
        const entry = registry.get(serviceId);
        if (entry === undefined) throw new RegistrationError('ENOENT', `no service "${serviceId}" is registered`);
        return { service: describe([entry])[0] };
      });
      return;
    }
    case Cmd.LIST_SERVICES:
      answer(m.msg.requestId, () => ({ services: describe(registry.list()) }));
      return;
    case Cmd.GET_STATS:
      if (m.msg.requestId !== undefined) answer(m.msg.requestId, () => ({ stats: stats() }));
      return;
    default:
      return;
  }
}
