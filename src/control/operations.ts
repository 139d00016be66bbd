/**
 * The control operations, one table that both control surfaces serve: the
 * control socket (protobuf ControlRequest) and the module forwarding
 * /dev/vexfs_ipc callers (netlink). A surface turns its message into an
 * operation, its arguments and the caller, and the operation's result into
 * its own answer; who may do what, a presented token's check and the errno
 * of every refusal are decided here, once.
 */
import { ControlError, RegistrationError } from '../errors.js';
import type { ServiceInfoMsg } from '../services/wire/proto.js';
import type { ServiceEntry, ServiceRegistry } from '../services/registry/registry.js';
import type { TokenGrant } from './auth/policy.js';
import type { MintOptions, TokenAuthority, TokenRecord } from './auth/tokens.js';
import { refusalOf, verifyRegistrationToken } from './refusals.js';

/** Who asks: the owner its registrations belong to, and its credentials when they can be told (SO_PEERCRED, or the module's). */
export interface Caller {
  readonly owner: string;
  readonly uid?: number | undefined;
  readonly pid?: number | undefined;
  readonly gid?: number | undefined;
  /** The caller went away while a token was checked: its registrations were dropped, so a new one would have no owner to drop it. */
  readonly gone?: () => boolean;
}

export interface OperationContext {
  readonly registry: ServiceRegistry;
  /** Registration tokens (undefined: this daemon mints none, and a presented token is refused). */
  readonly tokens: TokenAuthority | undefined;
  /** HTTP embedding backends at run time; each throws ControlError with the reason. */
  readonly backends?: { add(json: string, byUid: number): string; remove(id: string, byUid: number): void; list(): string[] };
  /** A token was revoked (its registrations are already removed). */
  readonly onTokenRevoked?: ((id: string, byUid: number) => void) | undefined;
}

type Who =
  /** Anyone connected. */
  | 'anyone'
  /** A caller whose credentials are known. */
  | 'known'
  /** Root or the daemon's own user. */
  | 'admin';

interface Operation<A, R> {
  readonly who: Who;
  /** What a refusal names: "<what> need root or uid N". */
  readonly what: string;
  /** The token to check before run(), when the arguments present one. */
  readonly token?: (args: A) => string | undefined;
  readonly run: (ctx: OperationContext, caller: Caller, args: A, grant: TokenGrant | undefined) => R | Promise<R>;
}

const op = <A, R>(o: Operation<A, R>) => o;

export const OPERATIONS = {
  register: op({
    who: 'known',
    what: 'registration',
    token: (a: { info: ServiceInfoMsg; token?: string | undefined }) => a.token,
    run: (ctx, c, a, grant): ServiceEntry => ctx.registry.register(a.info, c.owner, { uid: c.uid as number, pid: c.pid as number, gid: c.gid, grant }),
  }),
  unregister: op({
    who: 'anyone',
    what: 'unregistering',
    run: (ctx, c, a: { id: string; reason?: string }) => ctx.registry.unregister(a.id, c.owner, a.reason ?? 'unregistered', c.uid, c.pid),
  }),
  remove: op({
    who: 'known',
    what: 'removing services',
    run: (ctx, c, a: { id: string }): ServiceEntry => ctx.registry.remove(a.id, c.uid as number, c.pid as number),
  }),
  status: op({
    who: 'anyone',
    what: 'service status',
    run: (ctx, _c, a: { id: string }): ServiceEntry => {
      const entry = ctx.registry.get(a.id);
      if (entry === undefined) throw new RegistrationError('ENOENT', `no service "${a.id}" is registered`);
      return entry;
    },
  }),
  list: op({ who: 'anyone', what: 'listing services', run: (ctx): readonly ServiceEntry[] => ctx.registry.list() }),
  tokenCreate: op({
    who: 'admin',
    what: 'registration tokens',
    run: (ctx, c, a: Omit<MintOptions, 'byUid'>) => tokensOf(ctx).mint({ ...a, byUid: c.uid as number }),
  }),
  tokenRevoke: op({
    who: 'admin',
    what: 'registration tokens',
    run: (ctx, c, a: { id: string }): TokenRecord => {
      const record = tokensOf(ctx).revoke(a.id);
      ctx.registry.revokeToken(record.id, c.uid as number);
      ctx.onTokenRevoked?.(record.id, c.uid as number);
      return record;
    },
  }),
  tokenList: op({ who: 'admin', what: 'registration tokens', run: (ctx): TokenRecord[] => tokensOf(ctx).list() }),
  backendAdd: op({ who: 'admin', what: 'backends', run: (ctx, c, a: { json: string }) => backendsOf(ctx).add(a.json, c.uid as number) }),
  backendRemove: op({ who: 'admin', what: 'backends', run: (ctx, c, a: { id: string }) => backendsOf(ctx).remove(a.id, c.uid as number) }),
  // Internal URLs and where the keys are: an administrator's business.
  backendList: op({ who: 'admin', what: 'backends', run: (ctx) => backendsOf(ctx).list() }),
} as const;

export type OperationName = keyof typeof OPERATIONS;
type Spec<N extends OperationName> = (typeof OPERATIONS)[N];
export type ArgsOf<N extends OperationName> = Parameters<Spec<N>['run']>[2];
export type ResultOf<N extends OperationName> = Awaited<ReturnType<Spec<N>['run']>>;

/** An operation's answer: its result, or a refusal's errno and reason. */
export type Outcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly errno: number; readonly reason: string };

/**
 * Performs operation `name` for `caller`. Synchronous unless a token must be
 * checked first (so a surface answers in order what it can). A refusal is an
 * Outcome; anything else thrown is a fault, raised for the surface to count.
 */
export function perform<N extends OperationName>(
  name: N,
  ctx: OperationContext,
  caller: Caller,
  args: ArgsOf<N>,
): Outcome<ResultOf<N>> | Promise<Outcome<ResultOf<N>>> {
  const spec = OPERATIONS[name] as unknown as Operation<ArgsOf<N>, ResultOf<N>>;
  const token = spec.token?.(args);
  try {
    allow(spec, caller);
    if (token === undefined || token === '') return settle(spec.run(ctx, caller, args, undefined));
  } catch (err) {
    return refused(err);
  }
  return verifyRegistrationToken(ctx.tokens, token)
    .then((grant) => {
      if (caller.gone?.()) throw new ControlError('ECONNRESET', `the caller went away while its ${spec.what} token was checked`);
      return spec.run(ctx, caller, args, grant);
    })
    .then((value) => ({ ok: true as const, value }), refused);
}

function settle<R>(value: R | Promise<R>): Outcome<R> | Promise<Outcome<R>> {
  if (value instanceof Promise) return value.then((v) => ({ ok: true as const, value: v }), refused);
  return { ok: true, value };
}

function refused(err: unknown): { ok: false; errno: number; reason: string } {
  const refusal = refusalOf(err);
  if (refusal === undefined) throw err;
  return { ok: false, ...refusal };
}

function allow(spec: Operation<never, unknown>, caller: Caller): void {
  if (spec.who === 'anyone') return;
  if (caller.uid === undefined) throw new ControlError('EPERM', `cannot tell who is asking (no SO_PEERCRED), so this request (${spec.what}) is refused`);
  if (spec.who === 'known') return;
  const self = process.getuid?.() ?? 0;
  if (caller.uid !== 0 && caller.uid !== self)
    throw new ControlError('EPERM', `${spec.what} need root or uid ${self} (the daemon's); you are uid ${caller.uid}`);
}

function tokensOf(ctx: OperationContext): TokenAuthority {
  if (ctx.tokens === undefined) throw new ControlError('ENOTSUP', 'this daemon has no registration tokens (no --state-dir)');
  return ctx.tokens;
}

function backendsOf(ctx: OperationContext): NonNullable<OperationContext['backends']> {
  if (ctx.backends === undefined) throw new ControlError('ENOTSUP', 'this control surface does not manage backends');
  return ctx.backends;
}
