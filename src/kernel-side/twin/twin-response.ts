/**
 * What the module refuses in a daemon's EMBED_RESPONSE to a pending
 * request (vexfs_ipc_requests_answer): flags other than TRUNCATED, and on
 * SUCCESS a vector that does not fit the request.
 */
import { Flags, Status, vectorBytes } from '../../abi/uapi.js';
import type { errnoValue } from '../netlink/extack.js';
import type { EmbedRequest, EmbedResponse } from '../messages/messages.js';

export interface Refusal {
  errno: Parameters<typeof errnoValue>[0];
  message: string;
}

/** The refusal of flags no response may carry (checked before the request is looked up). */
export function flagsRefusal(res: EmbedResponse): Refusal | undefined {
  if (((res.flags ?? 0) & ~Flags.TRUNCATED) === 0) return undefined;
  return { errno: 'EINVAL', message: 'FLAGS: only TRUNCATED may be set on a response' };
}

/** The refusal of `res` as the answer to `req`; undefined: it is taken. */
export function answerRefusal(res: EmbedResponse, req: EmbedRequest): Refusal | undefined {
  if (res.status !== Status.SUCCESS) return undefined;
  if (res.dimensions !== undefined && res.dimensions !== req.dimensions) return { errno: 'EINVAL', message: "DIMENSIONS differs from the request's" };
  if (res.dataType !== undefined && res.dataType !== req.dataType) return { errno: 'EINVAL', message: "DATA_TYPE differs from the request's" };
  if (res.vector === undefined) return { errno: 'EINVAL', message: 'VECTOR is required with status SUCCESS' };
  const expected = vectorBytes(req.dimensions, req.dataType);
  if (res.vector.length !== expected) return { errno: 'EMSGSIZE', message: `VECTOR is ${res.vector.length} bytes, expected ${expected}` };
  return undefined;
}
