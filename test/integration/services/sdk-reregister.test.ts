// An SDK service registers again when the daemon restarts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, it } from 'vitest';

import { ServiceState, Status } from '../../../src/abi/uapi.js';
import { defaultConfig } from '../../../src/daemon/config.js';
import { Daemon } from '../../../src/daemon/daemon.js';
import { createLogger } from '../../../src/daemon/log.js';
import { EmbeddingService } from '../../../src/clients/sdk/service.js';
import { filled } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

it('re-registers with a restarted daemon', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vexfs-rereg-'));
  const config = { ...defaultConfig(), kernel: 'twin' as const, controlSocket: join(dir, 'control.sock'), reconnectMinMs: 10, metricsPort: 0 };
  const first = await Daemon.start(config, createLogger('silent'));
  const svc = await EmbeddingService.start({
    id: 'sticky',
    name: 'sticky',
    dimensions: [4],
    controlSocket: config.controlSocket,
    endpoint: `unix:${join(dir, 'sticky.sock')}`,
    embed: (i) => i.map(() => filled(4, 1)),
  });
  await first.stop();
  const second = await Daemon.start(config, createLogger('silent'));
  try {
    await until(() => second.registry.get('sticky')?.state === ServiceState.READY, 're-registration', 10_000);
    expect((await second.twin!.embed({ input: Buffer.from('x'), dimensions: 4 })).status).toBe(Status.SUCCESS);
  } finally {
    await svc.close();
    await second.stop();
  }
});
