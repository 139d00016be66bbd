// Batches sent straight to a service link, and their answers awaited (no daemon in between).
import { expect } from 'vitest';

import type { ServiceLink } from '../../src/services/links/service-link.js';
import type { EmbedBatchResponseMsg } from '../../src/services/wire/proto.js';
import { until } from './wait.js';

export const floats = (v: Uint8Array) => [...new Float32Array(v.buffer, v.byteOffset, v.byteLength / 4)];

/** A sender of batches to `link`: each call sends one and resolves with its answer. */
export function batchesTo(link: ServiceLink) {
  const answers: EmbedBatchResponseMsg[] = [];
  link.on('response', (m) => answers.push(m));
  let id = 0;
  const send = async (inputs: Uint8Array[], dimensions: number, timeoutMs = 5000) => {
    const batchId = ++id;
    expect(
      link.send({
        batchId,
        model: '',
        dimensions,
        inputs,
        tracePrefix: new Uint8Array(),
        traceRequestIds: new Uint8Array(),
        traceSpanIds: new Uint8Array(),
        timeoutMs,
        priority: 2,
      }),
    ).toBe('sent');
    await until(() => answers.some((a) => a.batchId === batchId), `the answer to batch ${batchId}`, timeoutMs + 10_000);
    return answers.find((a) => a.batchId === batchId) as EmbedBatchResponseMsg;
  };
  return { send, answers };
}
