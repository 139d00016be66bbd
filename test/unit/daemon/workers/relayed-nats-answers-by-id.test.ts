// A worker thread's NATS requests go to the main thread and their answers come back by id: the
// headers both ways, an error's words (the link tells "no responders" and a timeout by them),
// nothing answered twice, and everything still waiting refused when the thread stops. The main
// thread's side makes the request on its connection, or says the bus is down.
import { headers as natsHeaders } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';

import type { NatsBus } from '../../../../src/control/cluster/nats-bus.js';
import type { NatsReply, NatsRequest } from '../../../../src/daemon/workers/worker-messages.js';
import { RelayedNats, relayNatsRequest } from '../../../../src/daemon/workers/worker-nats.js';

describe('NATS relayed for a worker thread', () => {
  it('posts each request with its headers and settles it once from the answer with its id', async () => {
    const posted: NatsRequest[] = [];
    const relay = new RelayedNats((m) => posted.push(m));
    const h = natsHeaders();
    h.set('Vexfs-Timeout-Ms', '250');
    const first = relay.request('vexfs.v1.embed.a', new Uint8Array([1, 2]), { timeout: 250, headers: h });
    const second = relay.request('vexfs.v1.embed.b', new Uint8Array([3]), { timeout: 100 });
    expect(posted.map((p) => [p.id, p.subject, p.timeoutMs, p.headers])).toEqual([
      [1, 'vexfs.v1.embed.a', 250, [['Vexfs-Timeout-Ms', '250']]],
      [2, 'vexfs.v1.embed.b', 100, []],
    ]);
    relay.answered({ type: 'natsReply', id: 2, error: { message: "no responders: 'vexfs.v1.embed.b'", code: '503' } });
    relay.answered({ type: 'natsReply', id: 1, data: new Uint8Array([9]), headers: [['Vexfs-Pool-Refused', 'x']] });
    // A second answer to the same id changes nothing.
    relay.answered({ type: 'natsReply', id: 1, data: new Uint8Array([7]) });
    const got = await first;
    expect([...got.data]).toEqual([9]);
    expect(got.headers.get('Vexfs-Pool-Refused')).toBe('x');
    expect(got.headers.get('absent')).toBe('');
    await expect(second).rejects.toThrow(/no responders/);
  });

  it('refuses what still waits and anything new once the thread stops', async () => {
    const relay = new RelayedNats(() => {});
    const waiting = relay.request('s', new Uint8Array(0), { timeout: 10 });
    relay.close();
    expect(relay.isClosed()).toBe(true);
    await expect(waiting).rejects.toThrow(/stopping/);
    await expect(relay.request('s', new Uint8Array(0), { timeout: 10 })).rejects.toThrow(/stopping/);
  });

  it('makes the request on the main thread’s connection, or says the bus is down', async () => {
    const replies: NatsReply[] = [];
    const request: NatsRequest = { type: 'natsRequest', id: 5, subject: 's', data: new Uint8Array([1]), timeoutMs: 50, headers: [['A', 'b']] };
    relayNatsRequest({ nc: undefined } as unknown as NatsBus, request, (r) => replies.push(r));
    expect(replies[0]).toEqual({ type: 'natsReply', id: 5, error: { message: 'the NATS connection is down' } });
    let seen: string | undefined;
    const nc = {
      isClosed: () => false,
      request: async (_s: string, _d: Uint8Array, o: { headers: { get(k: string): string } }) => {
        seen = o.headers.get('A');
        throw Object.assign(new Error('request failed', { cause: new Error('timeout') }), { code: 'TIMEOUT' });
      },
    };
    await new Promise<void>((done) => relayNatsRequest({ nc } as unknown as NatsBus, request, (r) => (replies.push(r), done())));
    expect(seen).toBe('b');
    expect(replies[1]).toEqual({ type: 'natsReply', id: 5, error: { message: 'request failed (timeout)', code: 'TIMEOUT' } });
  });
});
