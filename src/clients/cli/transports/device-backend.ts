/** vexfsctl's answers from the module itself: ioctls on /dev/vexfs_ipc. */
import { statSync } from 'node:fs';

import { Consts, Transport } from '../../../abi/uapi.js';
import { VexfsDevice, type DeviceStats } from '../../../kernel-side/channels/device.js';
import { groupName } from '../../../util/groups.js';
import type { ServiceInfoMsg } from '../../../services/wire/proto.js';
import { CliError, ExitCode } from '../errors.js';
import { type EmbedCallView, type ServiceView, type StatsView, type StatusView, byStatusView, hitRate, queuedByLevel, serviceView } from '../views.js';
import type { Backend, EmbedOutcome } from './backend.js';

const TRANSPORT_NAMES: Record<number, string> = { [Transport.NONE]: 'none', [Transport.GENL]: 'genl', [Transport.CHARDEV]: 'chardev' };

export class DeviceBackend implements Backend {
  readonly source = 'device' as const;

  private constructor(
    private readonly dev: VexfsDevice,
    private readonly path: string,
  ) {}

  static open(path: string): DeviceBackend {
    try {
      return new DeviceBackend(VexfsDevice.open(path), path);
    } catch (err) {
      throw deviceError(err, path, 'open');
    }
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw deviceError(err, this.path, what);
    }
  }

  private daemonStats(): Promise<DeviceStats> {
    return this.call('GET_STATS', () => this.dev.statsWithDaemon());
  }

  async status(): Promise<StatusView> {
    const s = await this.daemonStats();
    const valid = s.daemon_valid === 1;
    return {
      source: this.source,
      kernel: {
        module: true,
        daemonAttached: s.daemon_attached === 1,
        transport: TRANSPORT_NAMES[s.daemon_attached === 1 ? (s.transport as number) : Transport.NONE] ?? String(s.transport),
      },
      uptimeMs: valid ? num(s.daemon_uptime_ms) : 0,
      services: valid ? num(s.daemon_services) : 0,
      inflight: valid ? num(s.daemon_inflight) : num(s.inflight),
      queued: queuedByLevel(valid ? (s.daemon_queued_by_level as unknown as number[]) : []),
    };
  }

  async services(): Promise<ServiceView[]> {
    const { services } = await this.call('LIST_SERVICES', () => this.dev.list(Consts.MAX_SERVICES));
    return services.map(serviceView);
  }

  async service(id: string): Promise<ServiceView> {
    return serviceView(await this.call(`GET_SERVICE_STATUS "${id}"`, () => this.dev.status(id)));
  }

  async stats(): Promise<StatsView> {
    const s = await this.daemonStats();
    if (s.daemon_valid !== 1) {
      throw new CliError(
        ExitCode.UNAVAILABLE,
        `the module has no daemon counters: ${s.daemon_attached === 1 ? 'the daemon did not answer in time' : 'no daemon is attached (start vexfs-bridged)'}`,
      );
    }
    const hits = num(s.daemon_cache_hits);
    const misses = num(s.daemon_cache_misses);
    const succeeded = num(s.daemon_requests_completed);
    const failed = num(s.daemon_requests_failed);
    return {
      source: this.source,
      answered: succeeded + failed,
      succeeded,
      failed,
      byStatus: byStatusView(s.daemon_by_status as unknown as number[]),
      avgLatencyNs: num(s.daemon_avg_latency_ns),
      p50LatencyNs: num(s.daemon_p50_latency_ns),
      p99LatencyNs: num(s.daemon_p99_latency_ns),
      inflight: num(s.daemon_inflight),
      queued: queuedByLevel(s.daemon_queued_by_level as unknown as number[]),
      cache: { hits, misses, coalesced: num(s.daemon_cache_coalesced), hitRate: hitRate(hits, misses) },
      shed: num(s.daemon_shed),
      rateLimited: num(s.daemon_rate_limited),
      retries: num(s.daemon_retries),
      kernelQueues: num(s.daemon_queues),
      consumers: this.dev.consumers().map((c) => ({
        name: c.name,
        inflight: c.inflight,
        maxInflight: c.max_inflight,
        submitted: num(c.submitted),
        completed: num(c.completed),
        failed: num(c.failed),
        cancelled: num(c.cancelled),
        timedOut: num(c.timed_out),
      })),
    };
  }

  register(info: ServiceInfoMsg, token?: string): Promise<void> {
    return this.call(`REGISTER_SERVICE "${info.id}"`, () => this.dev.register(info, undefined, token));
  }

  unregister(id: string): Promise<void> {
    return this.call(`UNREGISTER_SERVICE "${id}"`, () => this.dev.unregister(id));
  }

  async embed(call: EmbedCallView): Promise<EmbedOutcome> {
    const r = await this.call('SEND_EMBEDDING_REQUEST', () =>
      this.dev.embed({
        input: Buffer.from(call.text),
        dimensions: call.dimensions,
        dataType: call.dataType,
        model: call.model,
        priority: call.priority,
        timeoutMs: call.timeoutMs,
        sessionKey: call.sessionKey,
      }),
    );
    return {
      requestId: r.requestId,
      status: r.status,
      vector: r.vector,
      processingNs: Number(r.processingNs),
      priorityClamped: r.priorityClamped,
      provenance: r.provenance,
    };
  }

  close(): void {
    this.dev.close();
  }
}

function num(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : Number(v ?? 0);
}

/** A failed open or ioctl as something a person can act on. */
function deviceError(err: unknown, path: string, what: string): Error {
  if (err instanceof CliError) return err;
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      if (what === 'open') return new CliError(ExitCode.UNAVAILABLE, `${path} does not exist: the vexfs_ipc module is not loaded (modprobe vexfs_ipc)`);
      if (what.startsWith('UNREGISTER'))
        return new CliError(ExitCode.NOT_FOUND, `${what}: this process holds no registration with that id (it was removed meanwhile)`);
      return new CliError(ExitCode.NOT_FOUND, `${what}: no such service is registered (vexfsctl services lists them)`);
    case 'EDQUOT':
    case 'EACCES':
    case 'EPERM':
      if (e.code === 'EDQUOT' && what.startsWith('SEND'))
        return new CliError(ExitCode.FAILED, `${what}: this user already has the module's max_pending_per_uid requests pending (EDQUOT)`);
      // The device is open by now: a registration's refusal is the daemon's policy speaking.
      if (what.startsWith('REGISTER')) return new CliError(ExitCode.PERMISSION, `${what}: ${POLICY_REFUSALS[e.code]}`);
      return new CliError(ExitCode.PERMISSION, `permission denied: ${what} on ${path}: ${deviceAccessHint(path)}`);
    case 'ENOTCONN':
      return new CliError(ExitCode.UNAVAILABLE, `${what}: no daemon is attached to the module (start vexfs-bridged)`);
    case 'ETIMEDOUT':
      return new CliError(ExitCode.UNAVAILABLE, `${what}: the daemon did not answer the module in time (is vexfs-bridged stuck? see its log)`);
    case 'EEXIST':
      return new CliError(ExitCode.FAILED, `${what}: the id is already registered by another process`);
    case 'EBUSY':
      return new CliError(ExitCode.FAILED, `${what}: busy (this file already holds a registration, or the module's pending table is full)`);
    case 'EINVAL':
    case 'E2BIG':
      return new CliError(ExitCode.USAGE, `${what}: the module refused a value (${e.code}); see vexfsctl --help for accepted ranges`);
    default:
      return err as Error;
  }
}

const POLICY_REFUSALS: Record<string, string> = {
  EPERM:
    "the daemon's policy does not let this user register this id or these models (an administrator adds a policy entry, or gives you a token: vexfsctl token create)",
  EACCES: 'the daemon refused the registration token (not minted by it, expired, revoked, or not covering this id or these models)',
  EDQUOT: "this user's registration quota in the daemon's policy is used up",
};

/** Which group or capability opens the device. */
function deviceAccessHint(path: string): string {
  try {
    const st = statSync(path);
    const group = groupName(st.gid);
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    const groupCan = (st.mode & 0o060) === 0o060;
    return groupCan
      ? `it is mode ${mode}, group ${group}: add your user to group ${group} (usermod -aG ${group} $USER) or run as root`
      : `it is mode ${mode}, owned by uid ${st.uid}: run as root, or have udev give it a group with read-write access (e.g. MODE="0660", GROUP="vexfs")`;
  } catch {
    return 'read-write access to the device is needed (root, or a group given access by udev)';
  }
}
