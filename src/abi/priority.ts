/**
 * The seed's four priority levels. The kernel sends any value 0-255; a value
 * belongs to the highest level it reaches, so 200 is High and 127 is Low.
 */
import { Priority } from './uapi.js';

export const Level = { LOW: 0, NORMAL: 1, HIGH: 2, CRITICAL: 3 } as const;
export type Level = (typeof Level)[keyof typeof Level];
export const LEVELS = 4;
export const LEVEL_NAMES = ['low', 'normal', 'high', 'critical'] as const;

/** The lowest priority value of each level, indexed by level. */
export const LEVEL_FLOOR = [Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.CRITICAL] as const;

export function levelOf(priority: number): Level {
  if (priority >= Priority.CRITICAL) return Level.CRITICAL;
  if (priority >= Priority.HIGH) return Level.HIGH;
  if (priority >= Priority.NORMAL) return Level.NORMAL;
  return Level.LOW;
}
