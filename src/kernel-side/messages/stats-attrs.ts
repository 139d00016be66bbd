/**
 * The STATS nest of GET_STATS and REPLY: the module's counters, one u64
 * attribute per StatsAttr name, and two arrays (answers per status, queued
 * per level). The uapi enum is the description: the policy, codec and
 * record type all follow its names.
 */
import { Consts, StatsAttr } from '../../abi/uapi.js';
import { type Codec, type NestField, describeNest } from './nest.js';

type StatsArrayName = 'BY_STATUS' | 'QUEUED_BY_LEVEL';
type StatsName = Exclude<keyof typeof StatsAttr, 'UNSPEC' | 'PAD'>;

/** Counters keyed by the StatsAttr names (e.g. REQUESTS_SUBMITTED); the two array attributes are arrays. */
export type StatsRecord = Partial<Record<Exclude<StatsName, StatsArrayName>, bigint>> & Partial<Record<StatsArrayName, bigint[]>>;

const ARRAYS: Readonly<Record<StatsArrayName, number>> = { BY_STATUS: Consts.STATUS_SLOTS, QUEUED_BY_LEVEL: Consts.PRIO_LEVELS };

const STATS_FIELDS: Record<string, NestField> = {};
for (const [name, type] of Object.entries(StatsAttr)) {
  if (type <= StatsAttr.PAD) continue;
  const slots = ARRAYS[name as StatsArrayName];
  STATS_FIELDS[name] = slots === undefined ? { type, kind: 'u64' } : { type, kind: 'u64list', min: 1, max: slots };
}

export const statsNest = describeNest('VEXFS_IPC.STATS', StatsAttr, STATS_FIELDS) as unknown as Codec<StatsRecord>;
