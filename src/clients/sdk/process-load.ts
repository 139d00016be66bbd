/**
 * What a service reports of its own process with its heartbeats (Unix link) or
 * its $SRV.STATS (NATS worker): CPU use since the previous sample, so the
 * daemon's load score sees the present rather than the average since start,
 * and resident memory.
 */
export interface ProcessLoad {
  /** Per mille of one CPU, since the previous sample. */
  cpuPermille: number;
  rssKib: number;
}

export class ProcessLoadSampler {
  private cpuBefore = process.cpuUsage();
  private at = process.hrtime.bigint();

  /** How long since the previous sample, ns. */
  get ageNs(): bigint {
    return process.hrtime.bigint() - this.at;
  }

  sample(): ProcessLoad {
    const now = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const usedUs = cpu.user - this.cpuBefore.user + (cpu.system - this.cpuBefore.system);
    const elapsedUs = Number(now - this.at) / 1000;
    this.cpuBefore = cpu;
    this.at = now;
    return {
      cpuPermille: elapsedUs > 0 ? Math.min(0xffffffff, Math.round((usedUs / elapsedUs) * 1000)) : 0,
      rssKib: Math.min(0xffffffff, Math.round(process.memoryUsage.rss() / 1024)),
    };
  }
}
