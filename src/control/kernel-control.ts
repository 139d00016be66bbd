/**
 * Control messages the module forwards from /dev/vexfs_ipc: service
 * registration (tied in the kernel to the registering file), unregistration,
 * status and list: the operations of operations.ts, as the control socket
 * performs them. Each is answered with REPLY and an errno the ioctl returns,
 * unless the module asked for no reply.
 */
import { Cmd, Flags } from '../abi/uapi.js';
import type { KernelChannel } from '../kernel-side/channels/channel.js';
import { errnoValue } from '../kernel-side/netlink/extack.js';
import type { ReplyMessage, ServiceRecord, StatsRecord, VexfsMessage } from '../kernel-side/messages/messages.js';
import { registrationOf } from '../kernel-side/messages/service-attrs.js';
import type { ServiceInfoMsg } from '../services/wire/proto.js';
import type { ServiceEntry, ServiceRegistry } from '../services/registry/registry.js';
import type { TokenAuthority } from './auth/tokens.js';
import { type ArgsOf, type Caller, type OperationContext, type OperationName, type Outcome, type ResultOf, perform } from './operations.js';

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
  const { describe } = ctx;
  const operations: OperationContext = { registry: ctx.registry, tokens: ctx.tokens };
  // The module's caller waits for this reply: it gets one whatever happens here. A failure
  // that is not a refusal is answered EIO and then raised for the channel to count and log.
  const reply = <R>(requestId: bigint, outcome: Outcome<R> | undefined, fill: (value: R) => Partial<ReplyMessage>, fault?: unknown) => {
    let answer: ReplyMessage | undefined;
    if (outcome !== undefined) {
      try {
        answer = outcome.ok ? { requestId, errno: 0, ...fill(outcome.value) } : { requestId, errno: outcome.errno, errorMsg: outcome.reason };
      } catch (err) {
        fault = err;
      }
    }
    answer ??= { requestId, errno: EIO, errorMsg: 'the daemon failed to answer (see its log)' };
    try {
      ch.reply(answer);
    } catch (err) {
      ch.reply({ requestId, errno: EIO, errorMsg: 'the daemon could not encode its answer' });
      fault ??= err;
    }
    if (fault !== undefined) throw fault;
  };
  /**
   * Performs an operation and answers it, once: at once or when its token is
   * checked. `quiet`: nobody waits for the answer (a re-announcement, a
   * registration whose file closed meanwhile), so a refusal is dropped and a
   * fault raised; `settled` runs when the outcome is known, either way.
   */
  const run = <N extends OperationName>(
    requestId: bigint,
    name: N,
    caller: Caller,
    args: ArgsOf<N>,
    fill: (value: ResultOf<N>) => Partial<ReplyMessage>,
    quiet: () => boolean = () => false,
    settled: () => void = () => {},
  ) => {
    const answer = (outcome: Outcome<ResultOf<N>> | undefined, fault?: unknown) => {
      settled();
      if (!quiet()) return reply(requestId, outcome, fill, fault);
      if (fault !== undefined) throw fault;
    };
    let outcome: Outcome<ResultOf<N>> | Promise<Outcome<ResultOf<N>>>;
    try {
      outcome = perform(name, operations, caller, args);
    } catch (err) {
      return answer(undefined, err);
    }
    if (!(outcome instanceof Promise)) return answer(outcome);
    outcome
      .then(
        (o) => answer(o),
        (err: unknown) => answer(undefined, err),
      )
      .catch((err: unknown) => ctx.onFault(err instanceof Error ? err : new Error(String(err))));
  };
  const nothing = () => ({});
  switch (m.cmd) {
    case Cmd.SERVICE_REGISTER: {
      const { requestId, service, callerUid, callerPid, callerGid, token, flags = 0 } = m.msg;
      const pending = { cancelled: false };
      const caller: Caller = { owner: KERNEL_OWNER, uid: callerUid, pid: callerPid, gid: callerGid, gone: () => pending.cancelled };
      const args = { info: toInfo(service), token };
      // A re-announcement to a new daemon (NO_REPLY): registered if still valid and allowed, nobody waits;
      // a registration whose file closed while its token was checked: nobody waits either.
      const quiet = () => (flags & Flags.NO_REPLY) !== 0 || pending.cancelled;
      if (token === undefined) return run(requestId, 'register', caller, args, nothing, quiet);
      ctx.verifying.set(service.id, pending);
      const forget = () => {
        if (ctx.verifying.get(service.id) === pending) ctx.verifying.delete(service.id);
      };
      return run(requestId, 'register', caller, args, nothing, quiet, forget);
    }
    case Cmd.SERVICE_UNREGISTER: {
      const { requestId, serviceId, flags = 0, callerUid, callerPid } = m.msg;
      const caller: Caller = { owner: KERNEL_OWNER, uid: callerUid, pid: callerPid };
      if (flags & Flags.NO_REPLY) {
        const verifying = ctx.verifying.get(serviceId);
        if (verifying !== undefined) verifying.cancelled = true;
        if (ctx.registry.get(serviceId)?.owner === KERNEL_OWNER)
          perform('unregister', operations, caller, { id: serviceId, reason: 'registering file closed' });
        return;
      }
      return run(requestId, 'unregister', caller, { id: serviceId }, nothing);
    }
    case Cmd.SERVICE_STATUS:
      return run(m.msg.requestId, 'status', { owner: KERNEL_OWNER }, { id: m.msg.serviceId }, (entry) => ({ service: describe([entry])[0] }));
    case Cmd.LIST_SERVICES:
      return run(m.msg.requestId, 'list', { owner: KERNEL_OWNER }, {}, (entries) => ({ services: describe(entries) }));
    case Cmd.GET_STATS:
      if (m.msg.requestId !== undefined) reply(m.msg.requestId, { ok: true, value: undefined }, () => ({ stats: ctx.stats() }));
      return;
    default:
      return;
  }
}
