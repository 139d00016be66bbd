/**
 * The VEXFS_IPC family's attribute policies, mirroring the module's
 * nla_policy tables (the VM tier compares them with its policy dump). Each
 * derives from a description: the family's from commands.ts, the nests'
 * from their *-attrs.ts tables.
 */
import type { Policy } from '../netlink/attributes.js';
import { familyPolicy } from './commands.js';
import { queueNest } from './queue-attrs.js';
import { serviceNest } from './service-attrs.js';
import { statsNest } from './stats-attrs.js';

export const attrPolicy: Policy = familyPolicy;
export const svcPolicy: Policy = serviceNest.policy;
export const statsPolicy: Policy = statsNest.policy;
/** One queue's figures (a QUEUE nest inside QUEUES). */
export const queuePolicy: Policy = queueNest.policy;
