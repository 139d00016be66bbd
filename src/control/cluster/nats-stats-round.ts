/**
 * One discovery round's answers to $SRV.STATS.vexfs-embed, gathered within a
 * hard deadline and a bound (src/services/nats/gather.ts), each answer checked on its
 * own: a malformed one is counted and dropped, the rest of the round stands.
 */
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { z } from 'zod';

import { type GatherOptions, gather } from '../../services/nats/gather.js';
import { isSubjectToken } from '../../services/nats/subjects.js';

/** A worker as its stats answer describes it. */
export interface HeardWorker {
  instance: string;
  service: string;
  cpuPermille: number;
  rssKib: number;
}

export interface StatsRound {
  heard: Map<string, HeardWorker>;
  /** Answers that were not a worker's stats (bad JSON, wrong shape, ids that are no subject token). */
  malformed: number;
  /** The round ended at maxAnswers. */
  truncated: boolean;
}

// Only what discovery reads; anything else in the answer is the worker's business.
const StatsAnswer = z.object({
  id: z.string().refine(isSubjectToken),
  metadata: z.object({ service: z.string().refine(isSubjectToken) }).passthrough(),
  endpoints: z
    .array(z.object({ name: z.string(), data: z.unknown().optional() }).passthrough())
    .max(16)
    .optional(),
});

export async function gatherStats(nc: NatsConnection, subject: string, o: GatherOptions): Promise<StatsRound> {
  const { answers, truncated } = await gather(nc, subject, o);
  const round: StatsRound = { heard: new Map(), malformed: 0, truncated };
  for (const msg of answers) {
    const worker = parse(msg);
    if (worker === undefined) round.malformed++;
    else round.heard.set(worker.instance, worker);
  }
  return round;
}

function parse(msg: Msg): HeardWorker | undefined {
  let json: unknown;
  try {
    json = msg.json();
  } catch {
    return undefined;
  }
  const s = StatsAnswer.safeParse(json);
  if (!s.success) return undefined;
  const load = s.data.endpoints?.find((e) => e.name === 'embed')?.data;
  const l = typeof load === 'object' && load !== null ? (load as { cpuPermille?: unknown; rssKib?: unknown }) : {};
  return { instance: s.data.id, service: s.data.metadata.service, cpuPermille: u32(l.cpuPermille), rssKib: u32(l.rssKib) };
}

/** A number a worker reported, as the u32 the stats carry (anything else: 0, not reported). */
function u32(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(0xffffffff, Math.round(v)) : 0;
}
