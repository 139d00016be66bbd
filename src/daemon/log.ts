/** Structured JSON logs (pino) and a limiter so a flood of one kind of bad input logs once per interval. */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination: number | NodeJS.WritableStream = 2): Logger {
  return pino(
    { name: 'vexfs-bridged', level, base: { pid: process.pid } },
    typeof destination === 'number' ? pino.destination({ fd: destination, sync: false }) : destination,
  );
}

/** Logs the first event of each kind, then at most once per interval with how many were suppressed. */
export class RateLimitedLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = 10_000,
  ) {}

  warn(kind: string, fields: Record<string, unknown>, message: string): void {
    const now = Date.now();
    const seen = this.last.get(kind);
    if (seen !== undefined && now - seen.at < this.intervalMs) {
      seen.suppressed++;
      return;
    }
    this.logger.warn({ kind, suppressed: seen?.suppressed ?? 0, ...fields }, message);
    this.last.set(kind, { at: now, suppressed: 0 });
  }
}
