/**
 * What a daemon setting can be: its kinds (an enum, an int in a range, a
 * path, ...), the value type each kind gives the configuration object, and
 * what each accepts, in the words help and errors use. The settings
 * themselves are one table in settings.ts.
 */
import type { BackendConfig } from '../control/http-backends.js';
import { POLICIES, type Policy } from '../pipeline/balancer.js';
import type { ModelGroups } from '../pipeline/model-groups.js';

export type SettingKind =
  | { type: 'enum'; values: readonly string[] }
  | { type: 'int'; min: number; max: number }
  | { type: 'path'; optional?: boolean }
  | { type: 'host' }
  | { type: 'bool' }
  | { type: 'url' }
  | { type: 'policyMap' }
  | { type: 'mode' }
  | { type: 'group' }
  | { type: 'hostList' }
  | { type: 'backends' }
  | { type: 'modelGroups' }
  | { type: 'natsUrl' }
  | { type: 'subjectToken' }
  | { type: 'name' };

/** A setting's value type, by its kind. */
export type ValueOf<S> = S extends { type: 'enum'; values: readonly (infer V)[] }
  ? V
  : S extends { type: 'int' | 'mode' }
    ? number
    : S extends { type: 'bool' }
      ? boolean
      : S extends { type: 'policyMap' }
        ? Record<string, Policy>
        : S extends { type: 'hostList' }
          ? string[]
          : S extends { type: 'backends' }
            ? BackendConfig[]
            : S extends { type: 'modelGroups' }
              ? ModelGroups
              : string;

/** `defaultText`: how the reference shows a default computed at start. */
export type Setting = SettingKind & { default: unknown; help: string; defaultText?: string };

/** What a setting accepts, for help. */
export function acceptedText(s: SettingKind): string {
  switch (s.type) {
    case 'enum':
      return s.values.join('|');
    case 'int':
      return `${s.min}..${s.max}`;
    case 'bool':
      return 'true|false';
    case 'policyMap':
      return `model=${POLICIES.join('|')},...`;
    case 'host':
      return 'IP address';
    case 'url':
      return 'http(s) URL';
    case 'mode':
      return 'octal mode, no access for others';
    case 'group':
      return 'group name or number, or empty';
    case 'hostList':
      return 'host,host,...';
    case 'path':
      return s.optional ? 'absolute path or empty' : 'absolute path';
    case 'backends':
      return 'JSON array of {id, url, model, dimensions, ...}';
    case 'modelGroups':
      return 'JSON object {model: {mode: ordered|weighted, members: [{service, weight, model}]}}';
    case 'natsUrl':
      return 'nats://host:port[,...] or empty';
    case 'subjectToken':
      return 'A-Z a-z 0-9 _ -';
    case 'name':
      return 'A-Z a-z 0-9 . _ - or empty';
  }
}
