/**
 * The names of the header's enums as people read them (logs, metrics labels,
 * spans, vexfsctl), made once from the values in uapi.ts: a status is
 * `SUCCESS`, a service state `ready`, a breaker `half-open`.
 */
import { Breaker, ServiceState, Status } from './uapi.js';

function invert<T extends Record<string, number>>(values: T, name: (key: string) => string): Record<number, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [v, name(k)]));
}

/** `SUCCESS`, `NO_SERVICE`, ... by status code. */
export const STATUS_NAMES = invert(Status, (k) => k);
/** `starting`, `ready`, ... by service state. */
export const STATE_NAMES = invert(ServiceState, (k) => k.toLowerCase());

/** A breaker's state by name, as the daemon keeps it; its code is what the ABI carries. */
export const BREAKER_NAMES = { [Breaker.CLOSED]: 'closed', [Breaker.OPEN]: 'open', [Breaker.HALF_OPEN]: 'half-open' } as const;
export type BreakerName = (typeof BREAKER_NAMES)[Breaker];
export const BREAKER_CODES = Object.fromEntries(Object.entries(BREAKER_NAMES).map(([code, name]) => [name, Number(code)])) as Record<BreakerName, Breaker>;

/** A code's name, or the number itself for one the header does not name (a newer peer's). */
export function nameOf(names: Record<number, string>, code: number): string {
  return names[code] ?? String(code);
}
