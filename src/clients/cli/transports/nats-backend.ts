/**
 * vexfsctl's answers over NATS: every daemon answers read-only control
 * queries on vexfs.v1.ctl.<host>.stats (and .all.stats); one host makes a
 * Backend like the control socket's, all hosts a list gathered until the
 * timeout. Changes (register, tokens, backends) stay local to each daemon's
 * control socket.
 */
import type { NatsConnection } from '@nats-io/nats-core';

import { type NatsAuth, connectNats } from '../../../services/nats/connect.js';
import { gather } from '../../../services/nats/gather.js';
import { Headers, Subjects, isSubjectToken } from '../../../services/nats/subjects.js';
import { type DaemonStatsMsg, type ServiceInfoMsg, decodeControlResponse } from '../../../services/wire/proto.js';
import { CliError, ExitCode } from '../errors.js';
import type { ServiceView, StatsView, StatusView } from '../views.js';
import type { Backend, EmbedOutcome } from './backend.js';
import { servicesOf, statsOf, statusOf } from './daemon-views.js';

/** One daemon's answer. */
export interface HostSnapshot {
  host: string;
  stats: DaemonStatsMsg;
  services: ServiceInfoMsg[];
}

/** Daemons one --all-hosts gathers at most (a client flooding answers cannot make it read more). */
const MAX_HOSTS = 1024;

export class NatsCluster {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  static async connect(auth: NatsAuth, timeoutMs: number): Promise<NatsCluster> {
    try {
      return new NatsCluster(await connectNats({ ...auth }, 'vexfsctl'), auth.url, timeoutMs);
    } catch (err) {
      if (err instanceof CliError || (err as { code?: string }).code === 'ERR_VEXFS_INVALID_ARGUMENT')
        throw new CliError(ExitCode.USAGE, (err as Error).message);
      throw new CliError(ExitCode.UNAVAILABLE, `cannot reach NATS at ${auth.url}: ${(err as Error).message}`);
    }
  }

  /** The connection, for reading streams. */
  get connection(): NatsConnection {
    return this.nc;
  }

  /**
   * Every daemon's answer, by host name: gathering ends 250 ms after the last answer, or at the
   * timeout, or at MAX_HOSTS answers. A host name that is no subject token, or that a second
   * answer claims too (a client posing as a daemon), is not shown as a daemon; `doubtful` says so.
   */
  async all(): Promise<{ hosts: HostSnapshot[]; doubtful: string[] }> {
    const { answers, truncated } = await gather(this.nc, Subjects.controlAll('stats'), {
      deadlineMs: this.timeoutMs,
      stallMs: Math.min(250, this.timeoutMs),
      maxAnswers: MAX_HOSTS,
    });
    const byHost = new Map<string, HostSnapshot[]>();
    const doubtful: string[] = [];
    if (truncated) doubtful.push(`more than ${MAX_HOSTS} answers: the rest were not read`);
    let garbage = 0;
    for (const m of answers) {
      const snap = decodeSnapshot(m.data, m.headers?.get(Headers.host) ?? '');
      if (snap === undefined) garbage++;
      else if (!isSubjectToken(snap.host)) doubtful.push(`an answer naming host ${JSON.stringify(snap.host)}, which is no host name`);
      else byHost.set(snap.host, [...(byHost.get(snap.host) ?? []), snap]);
    }
    if (garbage > 0) doubtful.push(`${garbage} answers that are not stats answers`);
    const hosts: HostSnapshot[] = [];
    for (const [host, snaps] of byHost) {
      if (snaps.length > 1) doubtful.push(`${snaps.length} answers claim host ${host}: none is shown (a client may be posing as that daemon)`);
      else hosts.push(snaps[0] as HostSnapshot);
    }
    return { hosts: hosts.sort((a, b) => a.host.localeCompare(b.host)), doubtful };
  }

  async one(host: string): Promise<HostSnapshot> {
    try {
      const m = await this.nc.request(Subjects.control(host, 'stats'), new Uint8Array(0), { timeout: this.timeoutMs });
      const snap = decodeSnapshot(m.data, host);
      if (snap === undefined) throw new CliError(ExitCode.FAILED, `daemon "${host}" answered with something that is not a stats answer`);
      return snap;
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(
        ExitCode.UNAVAILABLE,
        `no daemon "${host}" answered on ${this.url} within ${this.timeoutMs} ms (${(err as Error).message}); vexfsctl --nats URL status --all-hosts lists those that do`,
      );
    }
  }

  close(): void {
    void this.nc.close();
  }
}

function decodeSnapshot(data: Uint8Array, host: string): HostSnapshot | undefined {
  try {
    const r = decodeControlResponse(data);
    if (r.stats === null || r.stats === undefined) return undefined;
    return { host: r.stats.host || host, stats: r.stats, services: r.services };
  } catch {
    return undefined;
  }
}

/** One daemon over NATS, as a vexfsctl backend: what it can show; changes go to its control socket. */
export class NatsBackend implements Backend {
  readonly source = 'nats' as const;

  constructor(
    private readonly cluster: NatsCluster,
    private readonly host: string,
  ) {}

  async status(): Promise<StatusView> {
    return statusOf((await this.cluster.one(this.host)).stats, this.source);
  }

  async services(): Promise<ServiceView[]> {
    const s = await this.cluster.one(this.host);
    return servicesOf(s.services, s.stats);
  }

  async service(id: string): Promise<ServiceView> {
    const found = (await this.services()).find((s) => s.id === id);
    if (found === undefined) throw new CliError(ExitCode.NOT_FOUND, `no service "${id}" is registered at daemon "${this.host}"`);
    return found;
  }

  async stats(): Promise<StatsView> {
    return statsOf((await this.cluster.one(this.host)).stats, this.source);
  }

  private local(what: string): never {
    throw new CliError(ExitCode.USAGE, `${what} is done on the daemon's own host (its control socket), not over NATS`);
  }

  register(): Promise<void> {
    return this.local('registering');
  }

  unregister(): Promise<void> {
    return this.local('unregistering');
  }

  embed(): Promise<EmbedOutcome> {
    return this.local('embed');
  }

  /** The connection is the context's (shared with --all-hosts), closed there. */
  close(): void {}
}
