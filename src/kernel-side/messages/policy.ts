/**
 * Attribute policies of the VEXFS_IPC family, mirroring the module's
 * nla_policy tables, and the attributes each command requires (from the
 * command table in the uapi header).
 */
import { type AttrPolicy, definePolicy, type Policy } from '../netlink/attributes.js';
import { Attr, Cmd, Consts, Flags, StatsAttr } from '../../abi/uapi.js';
import { queueNest } from './queue-attrs.js';
import { serviceNest } from './service-attrs.js';

export const attrPolicy: Policy = definePolicy(
  'VEXFS_IPC',
  {
    [Attr.PAD]: { name: 'PAD', kind: 'pad' },
    [Attr.REQUEST_ID]: { name: 'REQUEST_ID', kind: 'u64', min: 1 },
    [Attr.PRIORITY]: { name: 'PRIORITY', kind: 'u8' },
    [Attr.TIMEOUT_MS]: { name: 'TIMEOUT_MS', kind: 'u32', min: 1, max: Consts.MAX_TIMEOUT_MS },
    [Attr.DEADLINE_NS]: { name: 'DEADLINE_NS', kind: 'u64' },
    [Attr.DIMENSIONS]: { name: 'DIMENSIONS', kind: 'u32', min: 1, max: Consts.MAX_DIMENSIONS },
    [Attr.DATA_TYPE]: { name: 'DATA_TYPE', kind: 'u8', max: Consts.DTYPE_MAX },
    [Attr.MODEL]: { name: 'MODEL', kind: 'string', min: 1, max: Consts.MAX_MODEL_LEN - 1 },
    [Attr.INPUT]: { name: 'INPUT', kind: 'binary', min: 1, max: Consts.MAX_INPUT_BYTES },
    [Attr.VECTOR]: { name: 'VECTOR', kind: 'binary', min: 1, max: Consts.MAX_VECTOR_BYTES },
    [Attr.STATUS]: { name: 'STATUS', kind: 'u32', max: Consts.STATUS_MAX },
    [Attr.PROCESSING_NS]: { name: 'PROCESSING_NS', kind: 'u64' },
    [Attr.SERVICE_ID]: { name: 'SERVICE_ID', kind: 'string', min: 1, max: Consts.MAX_SERVICE_ID_LEN - 1 },
    [Attr.SERVICE]: { name: 'SERVICE', kind: 'nested' },
    [Attr.SERVICES]: { name: 'SERVICES', kind: 'nested' },
    [Attr.STATS]: { name: 'STATS', kind: 'nested' },
    [Attr.EVENT]: { name: 'EVENT', kind: 'u32', min: 1, max: Consts.EVENT_MAX },
    [Attr.PROTOCOL_VERSION]: { name: 'PROTOCOL_VERSION', kind: 'u32' },
    [Attr.MAX_INFLIGHT]: { name: 'MAX_INFLIGHT', kind: 'u32', min: 1 },
    [Attr.CALLER_UID]: { name: 'CALLER_UID', kind: 'u32' },
    [Attr.CALLER_PID]: { name: 'CALLER_PID', kind: 'u32' },
    [Attr.FLAGS]: { name: 'FLAGS', kind: 'u32', max: Flags.ALL },
    [Attr.ERRNO]: { name: 'ERRNO', kind: 'u32', max: 4095 },
    [Attr.ERROR_MSG]: { name: 'ERROR_MSG', kind: 'string', max: Consts.MAX_ERROR_MSG_LEN - 1 },
    [Attr.MIN_PRIORITY]: { name: 'MIN_PRIORITY', kind: 'u8' },
    [Attr.INFLIGHT]: { name: 'INFLIGHT', kind: 'u32' },
    [Attr.PORT_ID]: { name: 'PORT_ID', kind: 'u32' },
    [Attr.SESSION_KEY]: { name: 'SESSION_KEY', kind: 'u64', min: 1 },
    [Attr.TOKEN]: { name: 'TOKEN', kind: 'string', min: 1, max: Consts.MAX_TOKEN_LEN - 1 },
    [Attr.CALLER_GID]: { name: 'CALLER_GID', kind: 'u32' },
    [Attr.MODEL_VERSION]: { name: 'MODEL_VERSION', kind: 'string', max: Consts.MAX_VERSION_LEN - 1 },
    [Attr.QUEUE]: { name: 'QUEUE', kind: 'u32', max: Consts.MAX_QUEUES - 1 },
    [Attr.QUEUES]: { name: 'QUEUES', kind: 'nested' },
  },
  { strict: true },
);

/** The SERVICE nest's policy: derived from its description in service-attrs.ts. */
export const svcPolicy: Policy = serviceNest.policy;

const statsAttrs: Record<number, AttrPolicy> = { [StatsAttr.PAD]: { name: 'PAD', kind: 'pad' } };
for (const [name, type] of Object.entries(StatsAttr)) {
  if (type > StatsAttr.PAD && type <= StatsAttr.UPTIME_MS) statsAttrs[type] = { name, kind: 'u64' };
}
statsAttrs[StatsAttr.BY_STATUS] = { name: 'BY_STATUS', kind: 'binary', min: 8, max: 8 * Consts.STATUS_SLOTS };
statsAttrs[StatsAttr.QUEUED_BY_LEVEL] = { name: 'QUEUED_BY_LEVEL', kind: 'binary', min: 8, max: 8 * Consts.PRIO_LEVELS };
export const statsPolicy: Policy = definePolicy('VEXFS_IPC.STATS', statsAttrs, { strict: true });

/** One queue's figures (a QUEUE nest inside QUEUES): derived from its description in queue-attrs.ts. */
export const queuePolicy: Policy = queueNest.policy;

/** Attributes each command must carry (R in the header's command table). */
export const REQUIRED: Readonly<Record<number, readonly number[]>> = {
  [Cmd.DAEMON_ATTACH]: [Attr.PROTOCOL_VERSION],
  [Cmd.DAEMON_DETACH]: [],
  [Cmd.EMBED_REQUEST]: [
    Attr.REQUEST_ID,
    Attr.PRIORITY,
    Attr.TIMEOUT_MS,
    Attr.DEADLINE_NS,
    Attr.DIMENSIONS,
    Attr.DATA_TYPE,
    Attr.INPUT,
    Attr.CALLER_UID,
    Attr.CALLER_PID,
  ],
  [Cmd.EMBED_RESPONSE]: [Attr.REQUEST_ID, Attr.STATUS],
  [Cmd.CANCEL]: [Attr.REQUEST_ID, Attr.STATUS],
  [Cmd.SERVICE_REGISTER]: [Attr.REQUEST_ID, Attr.SERVICE, Attr.CALLER_UID, Attr.CALLER_PID],
  [Cmd.SERVICE_UNREGISTER]: [Attr.REQUEST_ID, Attr.SERVICE_ID, Attr.CALLER_UID, Attr.CALLER_PID],
  [Cmd.SERVICE_STATUS]: [Attr.REQUEST_ID, Attr.SERVICE_ID],
  [Cmd.LIST_SERVICES]: [Attr.REQUEST_ID],
  [Cmd.GET_STATS]: [],
  [Cmd.REPLY]: [Attr.REQUEST_ID, Attr.ERRNO],
  [Cmd.HEARTBEAT]: [],
  [Cmd.EVENT]: [Attr.EVENT],
  [Cmd.SERVICE_REVOKE]: [Attr.SERVICE_ID],
};
