import { LEVEL_FLOOR } from '../../src/abi/priority.js';
import { ServiceRegistry } from '../../src/services/registry/registry.js';
import { type PipelineRequest, newRequest } from '../../src/pipeline/request.js';
import type { EmbedRequest } from '../../src/kernel-side/messages/messages.js';
import { serviceInfo } from './service-info.js';
import { StandIn } from './stand-in-link.js';

// A request as the pipeline holds it on arrival (ROUTING), for stages tested on their own; `level` picks the lowest priority of that level.
export function pipelineRequest(id: number, level: 0 | 1 | 2 | 3 = 0, fields: Partial<EmbedRequest> = {}): PipelineRequest {
  const req = {
    requestId: BigInt(id),
    model: 'm',
    dimensions: 2,
    dataType: 0,
    priority: LEVEL_FLOOR[level],
    callerUid: 1000,
    timeoutMs: 1000,
    input: Buffer.from(`text ${id}`),
    ...fields,
  } as EmbedRequest;
  return newRequest(req, () => {}, process.hrtime.bigint(), req.timeoutMs, undefined, undefined, 0);
}

// A registered service whose stand-in link is up (READY); `close` ends the registry it lives in.
export function serviceEntry(id: string, maxBatchSize = 4) {
  const link = new StandIn(id);
  const registry = new ServiceRegistry({ links: { unix: () => link } });
  const entry = registry.register(serviceInfo(id, { dimensions: [2], maxBatchSize }), 'test');
  link.emit('ready');
  return Object.assign(entry, { link, close: () => registry.close() });
}
