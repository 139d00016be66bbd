// A twin-mode daemon on a real nats-server, workers that serve over NATS, and registration tokens for them.
import type { NatsConnection } from '@nats-io/nats-core';
import { afterEach } from 'vitest';
import { connect } from '@nats-io/transport-node';

import { ServiceState } from '../../src/abi/uapi.js';
import type { DaemonConfig } from '../../src/daemon/config.js';
import { EmbeddingService, type EmbeddingServiceOptions } from '../../src/clients/sdk/service.js';
import { ControlClient } from '../../src/clients/sdk/control-client.js';
import type { TestBridge } from './bridge.js';
import { type NatsServer, startNatsServer } from './nats-server.js';
import { until } from './wait.js';

/** Daemon settings for a test on `server`: quick discovery, tokens in the bridge's directory. */
export function natsSettings(server: NatsServer, host: string, more: Partial<DaemonConfig> = {}): Partial<DaemonConfig> {
  return { nats: server.url, natsHost: host, natsDiscoveryMs: 150, natsWorkerMissedRounds: 3, ...more };
}

/** A registration token minted by the bridge's daemon (its control socket, as root). */
export async function mintToken(bridge: TestBridge, services: string, models: string[] = ['*']): Promise<string> {
  const c = await ControlClient.connect(bridge.daemon.config.controlSocket);
  try {
    return (await c.tokenCreate({ services, models, ttlMs: 3_600_000, note: 'test' })).token;
  } finally {
    c.close();
  }
}

export type WorkerOptions = Omit<EmbeddingServiceOptions, 'nats' | 'controlSocket' | 'endpoint' | 'name' | 'dimensions'> &
  Partial<Pick<EmbeddingServiceOptions, 'name' | 'dimensions'>>;

/** A worker serving over NATS. */
export function startWorker(server: NatsServer, options: WorkerOptions): Promise<EmbeddingService> {
  // nats.js's own key for the server list, as its users write it.
  return EmbeddingService.start({ name: `worker ${options.id}`, dimensions: [8], ...options, nats: { servers: [server.url] } });
}

/** Registry entries of NATS workers of `service` that are ready. */
export function readyWorkers(bridge: TestBridge, service: string): string[] {
  return bridge.daemon.registry
    .list()
    .filter((e) => e.info.endpoint.startsWith('nats:') && (e.info.id === service || e.info.id.startsWith(`${service}.`)) && e.state === ServiceState.READY)
    .map((e) => e.info.id);
}

export async function untilWorkers(bridge: TestBridge, service: string, n: number, timeoutMs = 10_000): Promise<void> {
  await until(() => readyWorkers(bridge, service).length === n, `${n} ready NATS worker(s) of ${service}`, timeoutMs);
}

/** A plain client on the server, for subscribing to events or playing a hand-made worker. */
export function client(server: NatsServer): Promise<NatsConnection> {
  return connect({ servers: server.url });
}

/**
 * The shared set-up of the NATS tests: `const nats = useNats()` at the top of a file; in a test,
 * `await nats.server()` starts a nats-server, `nats.keep(worker)` / `nats.keepClient(nc)` register
 * what the test started; after each test they are closed and the server stopped.
 */
export function useNats(): {
  server: () => Promise<NatsServer>;
  keep: (w: EmbeddingService) => EmbeddingService;
  keepClient: (nc: NatsConnection) => NatsConnection;
} {
  let server: NatsServer | undefined;
  const workers: EmbeddingService[] = [];
  const clients: NatsConnection[] = [];
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.close({ drainMs: 0 });
    for (const c of clients.splice(0)) await c.close();
    await server?.close();
    server = undefined;
  });
  return {
    server: async () => {
      server = await startNatsServer();
      return server;
    },
    keep: (w) => {
      workers.push(w);
      return w;
    },
    keepClient: (nc) => {
      clients.push(nc);
      return nc;
    },
  };
}
