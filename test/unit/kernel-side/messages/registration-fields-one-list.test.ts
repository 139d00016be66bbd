// A registration's fields are one list shared by the protobuf ServiceInfo and the netlink SERVICE
// nest: every field of the schema but the daemon-only metadata is in it, and the two shapes map
// onto each other by it without losing anything.
import { describe, expect, it } from 'vitest';

import { REGISTRATION_KEYS, registrationOf } from '../../../../src/kernel-side/messages/service-attrs.js';
import { vexfs } from '../../../../src/services/wire/generated/bridge.js';

describe('the registration fields', () => {
  it('are every field of the schema’s ServiceInfo but metadata (a field added to one is added to the other)', () => {
    const schema = Object.keys(vexfs.bridge.v1.ServiceInfo.prototype).filter((k) => k !== 'toJSON' && k !== 'metadata');
    expect([...REGISTRATION_KEYS].sort()).toEqual(schema.sort());
  });

  it('carry a registration from one shape to the other whole', () => {
    const info = {
      id: 'svc',
      name: 'Svc',
      version: '2',
      dimensions: [384, 768],
      dataTypes: 3,
      models: ['a', 'b'],
      maxBatchSize: 64,
      priority: 10,
      endpoint: 'unix:/run/s.sock',
      metadata: { x: 'y' },
    };
    const record = { ...registrationOf(info), flags: 0 };
    expect({ ...registrationOf(record), metadata: info.metadata }).toEqual(info);
  });
});
