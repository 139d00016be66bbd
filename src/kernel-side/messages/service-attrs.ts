/**
 * A service as the VEXFS_IPC family carries it (the nest VEXFS_IPC_A_SERVICE,
 * attributes VEXFS_IPC_SVC_*): its declaration, then the live state the
 * daemon reports. Its policy, codec and record type all come from this table.
 */
import { type ServiceSnapshot, liveTo } from '../../abi/service-snapshot.js';
import { Consts, SvcAttr } from '../../abi/uapi.js';
import { type NestFields, type NestRecord, describeNest } from './nest.js';

export const SERVICE_FIELDS = {
  id: { type: SvcAttr.ID, kind: 'string', min: 1, max: Consts.MAX_SERVICE_ID_LEN - 1, required: true },
  name: { type: SvcAttr.NAME, kind: 'string', min: 1, max: Consts.MAX_NAME_LEN - 1, required: true },
  version: { type: SvcAttr.VERSION, kind: 'string', max: Consts.MAX_VERSION_LEN - 1, default: '' },
  dimensions: {
    type: SvcAttr.DIMENSIONS,
    kind: 'u32list',
    min: 1,
    max: Consts.MAX_DIMENSION_SETS,
    each: { min: 1, max: Consts.MAX_DIMENSIONS },
    required: true,
  },
  dataTypes: { type: SvcAttr.DATA_TYPES, kind: 'u32', max: (1 << (Consts.DTYPE_MAX + 1)) - 1, default: 0 },
  models: { type: SvcAttr.MODELS, kind: 'csv', max: Consts.MAX_MODELS_LEN - 1, default: [] },
  maxBatchSize: { type: SvcAttr.MAX_BATCH_SIZE, kind: 'u32', min: 1, max: Consts.MAX_BATCH_SIZE, required: true },
  priority: { type: SvcAttr.PRIORITY, kind: 'u32', max: 255, default: 0 },
  endpoint: { type: SvcAttr.ENDPOINT, kind: 'string', min: 1, max: Consts.MAX_ENDPOINT_LEN - 1, required: true },
  flags: { type: SvcAttr.FLAGS, kind: 'u32', max: Consts.REGISTER_F_ALL, default: 0 },
  // Live state: in the daemon's answers only.
  state: { type: SvcAttr.STATE, kind: 'u32', max: Consts.SVC_MAX },
  health: { type: SvcAttr.HEALTH, kind: 'u32', max: 100 },
  uid: { type: SvcAttr.UID, kind: 'u32' },
  pid: { type: SvcAttr.PID, kind: 'u32' },
  activeRequests: { type: SvcAttr.ACTIVE_REQUESTS, kind: 'u32' },
  totalRequests: { type: SvcAttr.TOTAL_REQUESTS, kind: 'u64' },
  failures: { type: SvcAttr.FAILURES, kind: 'u64' },
  avgResponseNs: { type: SvcAttr.AVG_RESPONSE_NS, kind: 'u64' },
  heartbeatAgeMs: { type: SvcAttr.HEARTBEAT_AGE_MS, kind: 'u64' },
  queued: { type: SvcAttr.QUEUED, kind: 'u32' },
  capacity: { type: SvcAttr.CAPACITY, kind: 'u32' },
  breaker: { type: SvcAttr.BREAKER, kind: 'u32', max: Consts.BREAKER_MAX },
  p50ResponseNs: { type: SvcAttr.P50_RESPONSE_NS, kind: 'u64' },
  p99ResponseNs: { type: SvcAttr.P99_RESPONSE_NS, kind: 'u64' },
  cpuPermille: { type: SvcAttr.CPU_PERMILLE, kind: 'u32' },
  rssKib: { type: SvcAttr.RSS_KIB, kind: 'u32' },
} as const satisfies NestFields;

/**
 * The fields a registration declares; the rest of the nest is the daemon's live view of the
 * service. The protobuf ServiceInfo has the same fields by the same names, so the shapes map by
 * this one list (a new registration field is added to it, to the nest above and to the schema).
 */
export const REGISTRATION_KEYS = [
  'id',
  'name',
  'version',
  'dimensions',
  'dataTypes',
  'models',
  'maxBatchSize',
  'priority',
  'endpoint',
] as const satisfies ReadonlyArray<keyof typeof SERVICE_FIELDS>;
export type RegistrationFields = Pick<ServiceRecord, (typeof REGISTRATION_KEYS)[number]>;

/** A registration's own fields out of any shape that has them (a netlink record, a protobuf ServiceInfo). */
export function registrationOf(src: RegistrationFields): RegistrationFields {
  const out: Partial<Record<keyof RegistrationFields, unknown>> = {};
  for (const k of REGISTRATION_KEYS) out[k] = src[k];
  return out as RegistrationFields;
}

export const serviceNest = describeNest('VEXFS_IPC.SERVICE', SvcAttr, SERVICE_FIELDS);
export type ServiceRecord = NestRecord<typeof SERVICE_FIELDS>;

/** A service snapshot as the module's replies carry it (the live figures mapped by the LIVE table). */
export function recordOf(snap: ServiceSnapshot): ServiceRecord {
  return { ...registrationOf(snap), flags: 0, ...liveTo('netlink', snap) } as ServiceRecord;
}
