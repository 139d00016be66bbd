// The pipelines of a daemon with workers judge services together: a breaker that a worker's
// pipeline opens is opened in the main thread's too (a request there is not sent to the broken
// service), the kernel is told the highest priority floor of any pipeline, and a rate limit is
// the daemon's however many pipelines take requests.
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Priority, Status } from '../../../src/abi/uapi.js';
import { NetlinkProtocol } from '../../../src/kernel-side/netlink/constants.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { EmbeddingService } from '../../../src/clients/sdk/service.js';
import { filled } from '../../helpers/bridge.js';
import { useDaemonWithWorkers } from '../../helpers/daemon-with-workers.js';
import { Gate } from '../../helpers/gate.js';
import { queueFigures } from '../../helpers/queue-figures.js';
import { until, untilAsync } from '../../helpers/wait.js';

const daemons = useDaemonWithWorkers();

describe('a daemon’s pipelines judge services together', () => {
  it('opens the main pipeline’s breaker when a worker’s opens, so the main thread stops sending to the broken service', async () => {
    const { twin, dir, control } = await daemons.start(2, [
      '--retry-max',
      '0',
      '--breaker-volume',
      '3',
      '--breaker-error-percent',
      '50',
      '--breaker-reset-ms',
      '600000',
    ]);
    // The service fails what is asked of it through the worker only (inputs the test sends to queue 1).
    const embedded: string[] = [];
    const svc = await EmbeddingService.start({
      id: 'svc',
      name: 'svc',
      dimensions: [4],
      endpoint: `unix:${join(dir, 'svc.sock')}`,
      controlSocket: control,
      embed: async (inputs) => {
        const texts = inputs.map((i) => Buffer.from(i).toString());
        embedded.push(...texts);
        if (texts.some((t) => t.startsWith('fail'))) throw new Error('broken for the worker');
        return inputs.map(() => filled(4, 1));
      },
    });
    daemons.keep(() => svc.close({ drainMs: 0 }));
    const send = (text: string) => twin.embed({ input: Buffer.from(text), dimensions: 4, timeoutMs: 5_000 });
    // Until both pipelines have the service (a worker learns of it a moment after the main thread).
    for (;;) {
      const r = await Promise.all([send('warm-a'), send('warm-b')]);
      if (r.every((x) => x.status === Status.SUCCESS)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    // The twin gives queues their turns in order: find whose turn is next.
    const before = (await queueFigures(NetlinkProtocol.USERSOCK, twin.portId))!;
    expect((await send('which')).status).toBe(Status.SUCCESS);
    const after = (await queueFigures(NetlinkProtocol.USERSOCK, twin.portId))!;
    const got = after.findIndex((q, i) => q.sent !== before[i]!.sent);
    let queue = 1 - got;
    // Failures through the worker, successes through the main thread, until a breaker refuses.
    const seen: Array<[queue: number, status: number]> = [];
    for (let i = 0; i < 20 && seen.at(-1)?.[1] !== Status.NO_SERVICE; i++, queue = 1 - queue) {
      seen.push([queue, (await send(queue === 1 ? `fail-${i}` : `ok-${i}`)).status]);
    }
    expect(seen[0]).toEqual([1, Status.SERVICE_ERROR]);
    expect(seen.at(-1)?.[1]).toBe(Status.NO_SERVICE);
    expect(seen.filter(([q, st]) => q === 0 && st !== Status.SUCCESS && st !== Status.NO_SERVICE)).toEqual([]);
    // The main thread saw only successes, yet follows the worker's breaker.
    const client = await ControlClient.connect(control);
    daemons.keep(() => client.close());
    await untilAsync(async () => (await client.stats()).services.find((s) => s.id === 'svc')?.breaker === 'open', 'the main pipeline’s breaker open', 10_000);
    const asked = embedded.length;
    // One request on each queue: neither is sent to the service.
    expect((await Promise.all([send('ok-a'), send('ok-b')])).map((r) => r.status)).toEqual([Status.NO_SERVICE, Status.NO_SERVICE]);
    expect(embedded.length).toBe(asked);
  }, 60_000);

  it('tells the kernel a worker’s priority floor when only the worker’s pipeline backs up', async () => {
    const { twin, dir, control } = await daemons.start(2, [
      '--service-concurrency',
      '1',
      '--queue-per-service',
      '4',
      '--queue-global',
      '4',
      '--retry-max',
      '0',
    ]);
    const gate = new Gate();
    daemons.keep(() => gate.release());
    const svc = await EmbeddingService.start({
      id: 'slow',
      name: 'slow',
      dimensions: [4],
      models: ['slow'],
      maxBatchSize: 1,
      endpoint: `unix:${join(dir, 'slow.sock')}`,
      controlSocket: control,
      embed: async (inputs) => {
        if (Buffer.from(inputs[0]!).toString() !== 'warm') await gate.wait();
        return inputs.map(() => filled(4, 1));
      },
    });
    daemons.keep(() => svc.close({ drainMs: 0 }));
    const send = (model: string, priority: number, text = 'x') => twin.embed({ input: Buffer.from(text), model, dimensions: 4, priority, timeoutMs: 20_000 });
    await untilAsync(
      async () => (await Promise.all([send('slow', Priority.NORMAL, 'warm'), send('slow', Priority.NORMAL, 'warm')])).every((r) => r.status === Status.SUCCESS),
      'both pipelines serving',
      20_000,
    );
    // Turns alternate: Low requests for the held service on one queue, a model nobody serves (answered at once) on the other.
    const before = (await queueFigures(NetlinkProtocol.USERSOCK, twin.portId))!;
    expect((await send('none', Priority.NORMAL)).status).toBe(Status.MODEL_NOT_FOUND);
    const after = (await queueFigures(NetlinkProtocol.USERSOCK, twin.portId))!;
    let queue = 1 - after.findIndex((q, i) => q.sent !== before[i]!.sent);
    const held: Array<Promise<unknown>> = [];
    for (let i = 0; i < 16; i++, queue = 1 - queue) {
      if (queue === 1) held.push(send('slow', Priority.LOW));
      else expect((await send('none', Priority.LOW)).status).toBe(Status.MODEL_NOT_FOUND);
    }
    await until(() => twin.stats().minPriority === Priority.NORMAL, 'the worker’s floor at the kernel side', 10_000);
    const client = await ControlClient.connect(control);
    daemons.keep(() => client.close());
    expect((await client.stats()).backpressureFloor).toBe(Priority.NORMAL);
    gate.release();
    await Promise.all(held);
    await until(() => twin.stats().minPriority === 0, 'the floor lifted', 10_000);
  }, 60_000);

  it('holds the global rate limit for the daemon, not for each pipeline', async () => {
    const { twin, dir, control } = await daemons.start(3, ['--rate-limit-global', '5']);
    const svc = await EmbeddingService.start({
      id: 'svc',
      name: 'svc',
      dimensions: [4],
      endpoint: `unix:${join(dir, 'svc.sock')}`,
      controlSocket: control,
      embed: async (inputs) => inputs.map(() => filled(4, 1)),
    });
    daemons.keep(() => svc.close({ drainMs: 0 }));
    // Every pipeline has the service once a round of three (one per queue) is not answered NO_SERVICE.
    const send = () => twin.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 10_000 });
    await untilAsync(async () => (await Promise.all([send(), send(), send()])).every((r) => r.status !== Status.NO_SERVICE), 'every pipeline serving', 20_000);
    // Let the bucket fill again: its state is a time, so this waits for the condition, not a guess.
    await untilAsync(async () => (await send()).status === Status.SUCCESS, 'a token', 10_000);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 60 }, () => send()));
    const seconds = (performance.now() - started) / 1000;
    const served = results.filter((r) => r.status === Status.SUCCESS).length;
    expect(results.filter((r) => r.status !== Status.SUCCESS && r.status !== Status.RATE_LIMITED)).toEqual([]);
    // Five a second for the daemon (a one-second burst, less the token just taken): per pipeline it would be three times that.
    expect(served).toBeGreaterThan(0);
    expect(served).toBeLessThanOrEqual(5 + Math.ceil(5 * seconds));
  }, 60_000);
});
