// The SDK checks its options when a service starts: a wrong shape names the field and what is
// accepted (no TypeError from deep inside), and nats.js's own `servers` key is taken.
import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../../../../src/errors.js';
import { natsAuthOf } from '../../../../src/clients/sdk/options.js';
import { EmbeddingService } from '../../../../src/clients/sdk/service.js';

const embed = (inputs: Uint8Array[]) => inputs.map(() => new Float32Array(8));

async function refusal(options: unknown): Promise<InvalidArgumentError> {
  try {
    await EmbeddingService.start(options as Parameters<typeof EmbeddingService.start>[0]);
  } catch (err) {
    if (err instanceof InvalidArgumentError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('SDK options', () => {
  it('takes nats.js-style servers (a string or a list) as the server list', () => {
    expect(natsAuthOf({ servers: ['nats://a:1', 'nats://b:2'], credsFile: '/etc/w.creds' })).toEqual({
      url: 'nats://a:1,nats://b:2',
      credsFile: '/etc/w.creds',
    });
    expect(natsAuthOf({ servers: 'nats://a:1' })).toEqual({ url: 'nats://a:1' });
    expect(natsAuthOf({ url: 'nats://a:1' })).toEqual({ url: 'nats://a:1' });
  });

  it('names the field of a wrong option, and what is accepted', async () => {
    expect((await refusal({ id: 'x', name: 'x', dimensions: '8', embed })).message).toMatch(/^dimensions: /);
    expect((await refusal({ id: 'x', name: 'x', dimensions: [8] })).message).toBe('embed: must be a function (inputs, options) returning vectors');
    expect((await refusal({ id: 'x', name: 'x', dimensions: [8], embed, nats: { servers: 'nats://a:1', pass: 'p' } })).message).toMatch(
      /^nats: unknown option pass \(accepted: url or servers, .*secrets only from files\)/,
    );
    expect((await refusal({ id: 'x', name: 'x', dimensions: [8], embed, nats: {} })).message).toBe(
      'nats.url: give the server(s) as url or servers (one of them)',
    );
    expect((await refusal({ id: 'x', name: 'x', dimensions: [8], embed, nats: { servers: 5 } })).argument).toBe('nats.servers');
    expect((await refusal({ id: 'x', name: 'x', dimensions: [8], embed, drainMs: -1 })).argument).toBe('drainMs');
    expect((await refusal({ id: 'x', name: 'x', dimensions: [8], embed, endpiont: 'unix:/x' })).message).toMatch(/unknown option endpiont/);
  });
});
