/** What the twin's embed() takes and gives: the common request and result, and what is the twin's own. */
import type { EmbedCall, EmbedResult } from '../../abi/embed-call.js';

/** The twin's embed(): the common request, and who asks (the module takes these from the calling task). */
export interface TwinEmbedCall extends EmbedCall {
  uid?: number;
  pid?: number;
  /** Aborting cancels the request (as a fatal signal does in the module). */
  signal?: AbortSignal;
}

export type TwinEmbedResult = EmbedResult;
