/**
 * Answers to one request that many may answer ($SRV.STATS, vexfsctl's
 * --all-hosts), gathered so that no bus client can hold the gathering open
 * or flood it: a hard deadline from the request (an answer only shortens the
 * wait, never lengthens it past the deadline) and a bound on answers.
 * nats.js's "stall" strategy drops its deadline after the first answer,
 * which is why this is not requestMany.
 */
import { type Msg, type NatsConnection, createInbox } from '@nats-io/nats-core';

export interface GatherOptions {
  /** Gathering ends this long after the request, whatever is still arriving. */
  deadlineMs: number;
  /** …or this long after the last answer, when answers stop earlier. */
  stallMs: number;
  /** …or at this many answers; more are not read. */
  maxAnswers: number;
}

export interface Gathered {
  answers: Msg[];
  /** Gathering ended at maxAnswers. */
  truncated: boolean;
}

export function gather(nc: NatsConnection, subject: string, o: GatherOptions): Promise<Gathered> {
  return new Promise((resolve) => {
    const got: Gathered = { answers: [], truncated: false };
    let stall: NodeJS.Timeout | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      clearTimeout(stall);
      sub.unsubscribe();
      resolve(got);
    };
    const sub = nc.subscribe(createInbox(), {
      max: o.maxAnswers + 1,
      callback: (err, msg) => {
        if (done) return;
        // No responders (a 503 status with no body) ends it at once.
        if (err !== null || (msg.data.length === 0 && msg.headers?.code === 503)) return finish();
        if (got.answers.length >= o.maxAnswers) {
          got.truncated = true;
          return finish();
        }
        got.answers.push(msg);
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
