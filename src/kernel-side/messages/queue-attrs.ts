/**
 * The QUEUE nest of GET_STATS (one per daemon queue inside QUEUES),
 * described once as the SERVICE nest is: its policy, encoder, decoder and
 * record type derive from this table (see nest.ts).
 */
import { Consts, QueueAttr } from '../../abi/uapi.js';
import { type NestFields, type NestRecord, describeNest } from './nest.js';

const QUEUE_FIELDS = {
  index: { type: QueueAttr.INDEX, kind: 'u32', max: Consts.MAX_QUEUES - 1, required: true },
  sent: { type: QueueAttr.SENT, kind: 'u64', required: true },
  answered: { type: QueueAttr.ANSWERED, kind: 'u64', required: true },
  /** Sent to it because their own CPU's queue did not take them. */
  fallback: { type: QueueAttr.FALLBACK, kind: 'u64', required: true },
} as const satisfies NestFields;

export const queueNest = describeNest('VEXFS_IPC.QUEUE', QueueAttr, QUEUE_FIELDS);
export type QueueRecord = NestRecord<typeof QUEUE_FIELDS>;
