/**
 * Registrations last only as long as their token: every interval the
 * registry's token-backed entries are held against the token store, which
 * may be shared with other daemons — a token revoked on another daemon, or
 * one that expired, takes its registrations here with it.
 */
import type { TokenAuthority } from './auth/tokens.js';
import type { ServiceRegistry } from '../services/registry/registry.js';

export class TokenSweep {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly registry: ServiceRegistry,
    private readonly tokens: TokenAuthority,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => this.sweep(), intervalMs);
    this.timer.unref();
  }

  sweep(now = Date.now()): void {
    const seen = new Set<string>();
    for (const e of this.registry.list()) {
      if (e.tokenId === undefined || seen.has(e.tokenId)) continue;
      seen.add(e.tokenId);
      const why = this.tokens.void(e.tokenId, now);
      if (why !== undefined) this.registry.dropToken(e.tokenId, why);
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
