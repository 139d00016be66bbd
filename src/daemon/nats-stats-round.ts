/**
 * One discovery round's answers to $SRV.STATS.vexfs-embed, gathered so that
 * no bus client can hold the round open or spoil it: a hard deadline from
 * the request (an answer only shortens the wait, never lengthens it past
 * the deadline), a bound on answers, and each answer checked on its own — a
 * malformed one is counted and dropped, the rest of the round stands.
 */
import { type Msg, type NatsConnection, createInbox } from '@nats-io/nats-core';
import { z } from 'zod';

import { isSubjectToken } from '../nats/subjects.js';

export interface StatsRoundOptions {
  /** The round ends this long after the request, whatever is still arriving. */
  deadlineMs: number;
  /** …or this long after the last answer, when answers stop earlier. */
  stallMs: number;
  /** …or at this many answers; more are not read. */
  maxAnswers: number;
}

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

export function gatherStats(nc: NatsConnection, subject: string, o: StatsRoundOptions): Promise<StatsRound> {
  return new Promise((resolve) => {
    const round: StatsRound = { heard: new Map(), malformed: 0, truncated: false };
    let answers = 0;
    let stall: NodeJS.Timeout | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      clearTimeout(stall);
      sub.unsubscribe();
      resolve(round);
    };
    const sub = nc.subscribe(createInbox(), {
      max: o.maxAnswers + 1,
      callback: (err, msg) => {
        if (done) return;
        if (err !== null || isNoResponders(msg)) return finish();
        if (++answers > o.maxAnswers) {
          round.truncated = true;
          return finish();
        }
        const worker = parse(msg);
        if (worker === undefined) round.malformed++;
        else round.heard.set(worker.instance, worker);
        clearTimeout(stall);
        stall = setTimeout(finish, o.stallMs);
        stall.unref();
      },
    });
    const deadline = setTimeout(finish, o.deadlineMs);
    deadline.unref();
    try {
      nc.publish(subject, new Uint8Array(0), { reply: sub.getSubject() });
    } catch {
      finish();
    }
  });
}

function isNoResponders(msg: Msg): boolean {
  return msg.data.length === 0 && msg.headers?.code === 503;
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
