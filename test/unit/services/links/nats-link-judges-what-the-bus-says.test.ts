// A NATS link to a worker, over a requester that plays the bus (the interface the daemon's worker
// threads relay through): an answer reaches the pipeline; an answer to another batch, a timeout
// and "no responders" are each answered with their own status, and a worker nobody subscribes
// for any more is taken out of rotation at once.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../../src/abi/uapi.js';
import type { NatsRequester } from '../../../../src/services/links/nats-service-link.js';
import { NatsServiceLink } from '../../../../src/services/links/nats-service-link.js';
import { type EmbedBatchRequestMsg, type EmbedBatchResponseMsg, encodeServiceFrame } from '../../../../src/services/wire/proto.js';

const limits = { maxBatchSize: 8, maxDimensions: 4 };

function batch(batchId: number): EmbedBatchRequestMsg {
  return {
    batchId,
    model: '',
    dimensions: 4,
    inputs: [new Uint8Array([1]), new Uint8Array([2])],
    tracePrefix: new Uint8Array(0),
    traceRequestIds: new Uint8Array(0),
    traceSpanIds: new Uint8Array(0),
    timeoutMs: 1000,
    priority: 128,
  } as EmbedBatchRequestMsg;
}

function answerFor(batchId: number): Uint8Array {
  const vector = new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer);
  return encodeServiceFrame({ response: { batchId, results: [{ vector }, { vector }] } });
}

/** A link whose bus answers each request with `reply` (bytes, or an error to reject with). */
async function linkWith(reply: (subject: string) => Uint8Array | Error) {
  const asked: string[] = [];
  const nc: NatsRequester = {
    isClosed: () => false,
    request: async (subject) => {
      asked.push(subject);
      const r = reply(subject);
      if (r instanceof Error) throw r;
      return { data: r };
    },
  };
  const link = new NatsServiceLink('w.i1', 'vexfs.v1.embed.w.i1', nc, limits);
  await new Promise<void>((r) => link.once('ready', r));
  const responses: EmbedBatchResponseMsg[] = [];
  const downs: string[] = [];
  link.on('response', (m) => responses.push(m));
  link.on('down', (why) => downs.push(why));
  return { link, asked, responses, downs };
}

const next = () => new Promise((r) => setImmediate(r));

describe('a NATS link', () => {
  it('passes the worker’s answer on, and answers one to another batch SERVICE_ERROR', async () => {
    const { link, asked, responses } = await linkWith(() => answerFor(7));
    expect(link.send(batch(7))).toBe('sent');
    expect(link.send(batch(8))).toBe('sent');
    await next();
    expect(asked).toEqual(['vexfs.v1.embed.w.i1', 'vexfs.v1.embed.w.i1']);
    expect(responses[0]).toMatchObject({ batchId: 7 });
    expect(responses[0]!.results).toHaveLength(2);
    expect(responses[1]).toMatchObject({ batchId: 8, error: { code: Status.SERVICE_ERROR, message: expect.stringMatching(/other than this batch/) } });
  });

  it('answers a bus timeout TIMEOUT and stays in rotation', async () => {
    const { link, responses, downs } = await linkWith(() => Object.assign(new Error('timeout'), { code: 'TIMEOUT' }));
    link.send(batch(1));
    await next();
    expect(responses[0]).toMatchObject({ batchId: 1, error: { code: Status.TIMEOUT } });
    expect(downs).toEqual([]);
    expect(link.ready).toBe(true);
  });

  it('takes a worker with no responders out of rotation at once, until discovery hears it again', async () => {
    const { link, responses, downs } = await linkWith((subject) => new Error(`no responders: '${subject}'`));
    link.send(batch(1));
    await next();
    expect(responses[0]).toMatchObject({ error: { code: Status.SERVICE_ERROR } });
    expect(downs).toEqual(['no responders on vexfs.v1.embed.w.i1']);
    expect(link.send(batch(2))).toBe('down');
    link.seen();
    expect(link.ready).toBe(true);
  });
});
