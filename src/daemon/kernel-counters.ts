/**
 * The kernel side's own counters for /metrics: the twin's, or the module's
 * through its device, kept open between scrapes and closed on stop.
 */
import { existsSync } from 'node:fs';

import { type DeviceStats, VexfsDevice } from '../kernel-side/channels/device.js';
import type { KernelCounters } from '../observe/metrics/prometheus.js';
import { CHARDEV_PATH, type KernelLink } from './kernel-link.js';

export class KernelCounterReader {
  private device: VexfsDevice | undefined;

  async read(link: KernelLink | undefined): Promise<KernelCounters | undefined> {
    const twin = link?.twin;
    if (twin !== undefined) return twin.stats();
    if (link === undefined || link.transport === 'twin' || !existsSync(CHARDEV_PATH)) return undefined;
    if (this.device === undefined) {
      try {
        this.device = VexfsDevice.open(CHARDEV_PATH);
      } catch {
        return undefined;
      }
    }
    let s: DeviceStats;
    try {
      s = this.device.stats();
    } catch {
      // The module was unloaded and loaded again: open the new device at the next scrape.
      this.close();
      return undefined;
    }
    return {
      requestsSubmitted: s.requests_submitted as number,
      requestsCompleted: s.requests_completed as number,
      requestsFailed: s.requests_failed as number,
      requestsTimedOut: s.requests_timed_out as number,
      requestsCancelled: s.requests_cancelled as number,
      requestsResent: s.requests_resent as number,
      responsesLate: s.responses_late as number,
      messagesInvalid: s.messages_invalid as number,
      inflight: s.inflight as number,
      daemonAttached: s.daemon_attached === 1,
    };
  }

  close(): void {
    this.device?.close();
    this.device = undefined;
  }
}
