/** vexfsctl's answers from the daemon: its control socket. */
import { ControlError, RegistrationError, TimeoutError, TransportError, UntrustedSocketError } from '../../../errors.js';
import { ControlClient, type TokenCreateOptions } from '../../sdk/control-client.js';
import type { DaemonStatsMsg, ServiceInfoMsg, TokenInfoMsg } from '../../../services/wire/proto.js';
import { CliError, ExitCode } from '../errors.js';
import type { EmbedCallView, ServiceView, StatsView, StatusView } from '../views.js';
import type { Backend, EmbedOutcome } from './backend.js';
import { servicesOf, statsOf, statusOf } from './daemon-views.js';

export class DaemonBackend implements Backend {
  readonly source = 'daemon' as const;

  private constructor(
    private readonly client: ControlClient,
    private readonly path: string,
  ) {}

  static async connect(path: string, deviceMissing: boolean): Promise<DaemonBackend> {
    try {
      return new DaemonBackend(await ControlClient.connect(path), path);
    } catch (err) {
      if (err instanceof UntrustedSocketError) return Promise.reject(new CliError(ExitCode.PERMISSION, err.message));
      if (err instanceof TransportError) {
        const code = (err.cause as NodeJS.ErrnoException | undefined)?.code;
        if (code === 'EACCES' || code === 'EPERM') {
          return Promise.reject(
            new CliError(
              ExitCode.PERMISSION,
              `permission denied on the daemon's control socket ${path}: connect as the daemon's user or root, or a member of the socket's group`,
            ),
          );
        }
        const why = deviceMissing ? 'the vexfs_ipc module is not loaded (no /dev/vexfs_ipc) and ' : '';
        return Promise.reject(
          new CliError(ExitCode.UNAVAILABLE, `${why}the daemon is not running: nothing listens on ${path} (start vexfs-bridged, or pass --socket PATH)`),
        );
      }
      throw err;
    }
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof RegistrationError || err instanceof ControlError) {
        const code =
          err.errno === 'ENOENT'
            ? ExitCode.NOT_FOUND
            : err.errno === 'EPERM' || err.errno === 'EACCES' || err.errno === 'EDQUOT'
              ? ExitCode.PERMISSION
              : err.errno === 'EINVAL' || err.errno === 'E2BIG'
                ? ExitCode.USAGE
                : ExitCode.FAILED;
        throw new CliError(code, `${err.message} (${err.errno})`);
      }
      if (err instanceof TransportError || (err as { code?: string }).code === 'ERR_VEXFS_CLOSED') {
        throw new CliError(ExitCode.UNAVAILABLE, `lost the daemon's control socket ${this.path}: ${(err as Error).message}`);
      }
      if (err instanceof TimeoutError) {
        throw new CliError(
          ExitCode.UNAVAILABLE,
          `the daemon did not answer on ${this.path} in time (${err.message}): it may be overloaded or stuck; see its log`,
        );
      }
      throw err;
    }
  }

  private snapshot(): Promise<DaemonStatsMsg> {
    return this.call(() => this.client.stats());
  }

  async status(): Promise<StatusView> {
    return statusOf(await this.snapshot(), this.source);
  }

  async services(): Promise<ServiceView[]> {
    const [infos, s] = await Promise.all([this.call(() => this.client.list()), this.snapshot()]);
    return servicesOf(infos, s);
  }

  async service(id: string): Promise<ServiceView> {
    const found = (await this.services()).find((s) => s.id === id);
    if (found === undefined) throw new CliError(ExitCode.NOT_FOUND, `no service "${id}" is registered (vexfsctl services lists them)`);
    return found;
  }

  async stats(): Promise<StatsView> {
    return statsOf(await this.snapshot(), this.source);
  }

  register(info: ServiceInfoMsg, token?: string): Promise<void> {
    return this.call(() => this.client.register(info, token));
  }

  tokenCreate(create: TokenCreateOptions): Promise<{ token: string; info: TokenInfoMsg }> {
    return this.call(() => this.client.tokenCreate(create));
  }

  backendAdd(json: string): Promise<string> {
    return this.call(() => this.client.backendAdd(json));
  }

  backendRemove(id: string): Promise<void> {
    return this.call(() => this.client.backendRemove(id));
  }

  backendList(): Promise<string[]> {
    return this.call(() => this.client.backendList());
  }

  tokenList(): Promise<TokenInfoMsg[]> {
    return this.call(() => this.client.tokenList());
  }

  tokenRevoke(id: string): Promise<TokenInfoMsg> {
    return this.call(() => this.client.tokenRevoke(id));
  }

  unregister(id: string): Promise<void> {
    return this.call(() => this.client.unregister(id));
  }

  /** Administrative removal of anyone's registration. */
  remove(id: string): Promise<void> {
    return this.call(() => this.client.remove(id));
  }

  async embed(call: EmbedCallView): Promise<EmbedOutcome> {
    const r = await this.call(() =>
      this.client.embed({
        input: Buffer.from(call.text),
        model: call.model ?? '',
        dimensions: call.dimensions,
        dataType: call.dataType,
        priority: call.priority,
        timeoutMs: call.timeoutMs,
        sessionKey: call.sessionKey === 0n ? '' : String(call.sessionKey),
      }),
    );
    const provenance =
      r.serviceId === ''
        ? undefined
        : {
            serviceId: r.serviceId,
            model: r.model,
            modelVersion: r.modelVersion,
            dimensions: call.dimensions,
            dataType: call.dataType,
            truncated: r.truncated,
          };
    return { requestId: BigInt(r.requestId), status: r.status, vector: r.vector, processingNs: r.processingNs, priorityClamped: false, provenance };
  }

  close(): void {
    this.client.close();
  }
}
