// Valid VEXFS_IPC hot-path messages for property tests (fast-check).
import fc from 'fast-check';

import { Consts, Flags } from '../../src/abi/uapi.js';
import type { EmbedRequest, EmbedResponse } from '../../src/kernel-side/messages/messages.js';

export const to = { familyId: 0x1f, seq: 1, portId: 1234 };
export const u64 = fc.bigInt({ min: 1n, max: 0xffffffffffffffffn });
export const name = (max: number) => fc.stringMatching(/^[A-Za-z0-9._-]+$/).filter((s) => s.length >= 1 && s.length < max);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

export const embedRequest: fc.Arbitrary<EmbedRequest> = fc.record({
  requestId: u64,
  priority: fc.integer({ min: 0, max: 255 }),
  timeoutMs: fc.integer({ min: 1, max: Consts.MAX_TIMEOUT_MS }),
  deadlineNs: fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }),
  dimensions: fc.integer({ min: 1, max: Consts.MAX_DIMENSIONS }),
  dataType: fc.integer({ min: 0, max: Consts.DTYPE_MAX }),
  model: opt(name(Consts.MAX_MODEL_LEN)),
  input: fc.uint8Array({ minLength: 1, maxLength: 2048 }),
  callerUid: fc.nat(),
  callerPid: fc.nat(),
  flags: fc.constantFrom(0, Flags.NO_REPLY, Flags.RESENT, Flags.NO_REPLY | Flags.RESENT),
  sessionKey: fc.oneof(fc.constant(0n), u64),
});

/** processingNs a bigint (as decoded) or, with `numbers`, also a number (as the daemon answers). */
export const embedResponse = (numbers = false): fc.Arbitrary<EmbedResponse> =>
  fc.record({
    requestId: u64,
    status: fc.integer({ min: 0, max: Consts.STATUS_MAX }),
    vector: opt(fc.uint8Array({ minLength: 1, maxLength: 4096 })),
    processingNs: numbers ? fc.oneof(fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }), fc.nat()) : fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }),
    serviceId: opt(name(Consts.MAX_SERVICE_ID_LEN)),
    model: opt(name(Consts.MAX_MODEL_LEN)),
    modelVersion: opt(name(Consts.MAX_VERSION_LEN)),
    truncated: fc.boolean(),
  });
