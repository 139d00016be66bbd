/** The kernel side's own request counters (GET_STATS without the daemon's part), as the module and the twin keep them. */
export interface KernelCounters {
  requestsSubmitted: number;
  requestsCompleted: number;
  requestsFailed: number;
  requestsTimedOut: number;
  requestsCancelled: number;
  requestsResent: number;
  responsesLate: number;
  messagesInvalid: number;
  inflight: number;
  daemonAttached: boolean;
}
