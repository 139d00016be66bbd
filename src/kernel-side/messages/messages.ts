/**
 * The VEXFS_IPC family's messages as typed records, one per command, derived
 * from the command descriptions in commands.ts; the same attribute streams
 * are the bodies of the framed (char-device) transport. encode.ts writes
 * them, decode.ts reads them.
 */
import type { Cmd } from '../../abi/uapi.js';
import type { CmdName, CommandRecord } from './commands.js';

export type { QueueRecord } from './queue-attrs.js';
export type { ServiceRecord } from './service-attrs.js';
export type { StatsRecord } from './stats-attrs.js';

/**
 * The hot path's view of EMBED_REQUEST: every field set (one hidden class);
 * deadlineNs is absolute CLOCK_MONOTONIC (the process.hrtime.bigint()
 * clock), sessionKey 0n no sticky session.
 */
export type EmbedRequest = CommandRecord<'EMBED_REQUEST'> & { model: string | undefined; flags: number; sessionKey: bigint };

/**
 * The hot path's view of EMBED_RESPONSE: the daemon answers processingNs as
 * a number (exact below 2^53 ns, 104 days) and states truncation as a
 * boolean (FLAGS' TRUNCATED bit, the only flag the module takes on a
 * response). serviceId, model and modelVersion are the provenance of a
 * SUCCESS; dimensions and dataType, sent only by a peer that states them,
 * must be the request's.
 */
export type EmbedResponse = Omit<CommandRecord<'EMBED_RESPONSE'>, 'processingNs' | 'flags'> & {
  processingNs: bigint | number;
  truncated?: boolean;
  flags?: number;
};

export type AttachMessage = CommandRecord<'DAEMON_ATTACH'>;
export type CancelMessage = CommandRecord<'CANCEL'>;
export type HeartbeatMessage = CommandRecord<'HEARTBEAT'>;
export type ServiceRegisterMessage = CommandRecord<'SERVICE_REGISTER'>;
export type ServiceUnregisterMessage = CommandRecord<'SERVICE_UNREGISTER'>;
export type ServiceRevokeMessage = CommandRecord<'SERVICE_REVOKE'>;
export type ServiceQueryMessage = CommandRecord<'SERVICE_STATUS'>;
export type RequestIdMessage = CommandRecord<'LIST_SERVICES'>;
export type GetStatsMessage = CommandRecord<'GET_STATS'>;
export type ReplyMessage = CommandRecord<'REPLY'>;
export type EventMessage = CommandRecord<'EVENT'>;

type Hot = { EMBED_REQUEST: EmbedRequest; EMBED_RESPONSE: EmbedResponse };
type MessageOf<N extends CmdName> = N extends keyof Hot ? Hot[N] : CommandRecord<N>;

export type VexfsMessage = { [N in CmdName]: { cmd: (typeof Cmd)[N]; msg: MessageOf<N> } }[CmdName];
