/** What the twin's embed() takes and gives: the common request and result, and what is the twin's own. */
import { type EmbedCall, type EmbedResult, checkEmbedCall } from '../../abi/embed-call.js';
import type { EmbedRequest } from '../messages/messages.js';

/** The twin's embed(): the common request, and who asks (the module takes these from the calling task). */
export interface TwinEmbedCall extends EmbedCall {
  uid?: number;
  pid?: number;
  /** Aborting cancels the request (as a fatal signal does in the module). */
  signal?: AbortSignal;
}

export type TwinEmbedResult = EmbedResult;

/** The request the twin sends for `call` (checked as the module checks a caller's; throws InvalidArgumentError naming the field). */
export function twinRequest(call: TwinEmbedCall, requestId: bigint): EmbedRequest {
  const c = checkEmbedCall(call);
  return {
    requestId,
    priority: c.priority,
    timeoutMs: c.timeoutMs,
    deadlineNs: process.hrtime.bigint() + BigInt(c.timeoutMs) * 1_000_000n,
    dimensions: c.dimensions,
    dataType: c.dataType,
    model: c.model,
    input: c.input,
    callerUid: call.uid ?? 0,
    callerPid: call.pid ?? process.pid,
    flags: 0,
    sessionKey: c.sessionKey,
  };
}
