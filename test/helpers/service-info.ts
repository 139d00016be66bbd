import type { ServiceInfoMsg } from '../../src/services/wire/proto.js';

// A registration record whose unnamed fields are the plainest accepted values, so a test spells out only what it is about.
export function serviceInfo(id: string, fields: Partial<ServiceInfoMsg> = {}): ServiceInfoMsg {
  return {
    id,
    name: id,
    version: '',
    dimensions: [4],
    dataTypes: 0,
    models: [],
    maxBatchSize: 1,
    priority: 0,
    endpoint: `unix:/tmp/${id}.sock`,
    metadata: {},
    ...fields,
  };
}
