/**
 * Who may register which services: the registration policy file (JSON,
 * reloaded on SIGHUP) and the decision for one registration. Root and the
 * daemon's own user may register anything; anyone else needs an entry here
 * (by uid or primary gid) or a registration token.
 */
import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { ConfigError, RegistrationError } from '../../errors.js';

const pattern = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._*-]+$/, 'a service id pattern: A-Z a-z 0-9 . _ - and * (any run of characters)');
const modelPattern = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:/@+*-]+$/, 'a model pattern: model characters and * (any run of characters)');

const entrySchema = z
  .object({
    uid: z.number().int().min(0).max(0xffffffff).optional(),
    gid: z.number().int().min(0).max(0xffffffff).optional(),
    services: z.array(pattern).min(1),
    models: z.array(modelPattern).default(['*']),
    maxRegistrations: z.number().int().min(0).max(256).default(1),
  })
  .strict()
  .refine((e) => (e.uid === undefined) !== (e.gid === undefined), 'an entry names exactly one of uid or gid');

const policySchema = z
  .object({
    registrants: z.array(entrySchema).max(1024).default([]),
  })
  .strict();

export type PolicyEntry = z.infer<typeof entrySchema>;

/** What a valid registration token allows (see tokens.ts). */
export interface TokenGrant {
  id: string;
  services: string;
  models: string[];
  expiresAt: number;
  /** Registrations that may rest on it at once. */
  maxRegistrations: number;
}

export interface Registrant {
  uid: number;
  /** Primary gid when known (SO_PEERCRED, or the module's caller). */
  gid?: number | undefined;
}

/** A glob with `*` only, anchored. */
export function globMatch(glob: string, s: string): boolean {
  const re = new RegExp(
    `^${glob
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(s);
}

export class RegistrationPolicy {
  private constructor(
    readonly entries: readonly PolicyEntry[],
    readonly source: string,
  ) {}

  /** Nobody but root and the daemon's user may register. */
  static empty(): RegistrationPolicy {
    return new RegistrationPolicy([], '(none)');
  }

  static parse(json: unknown, source: string): RegistrationPolicy {
    const r = policySchema.safeParse(json);
    if (!r.success) {
      const issue = r.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : '(top level)';
      throw new ConfigError(`policy ${source}: ${where}`, issue?.message ?? 'invalid');
    }
    return new RegistrationPolicy(r.data.registrants, source);
  }

  static load(path: string): RegistrationPolicy {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(`policy ${path}`, `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new ConfigError(`policy ${path}`, `is not JSON: ${(err as Error).message}`);
    }
    return RegistrationPolicy.parse(json, path);
  }

  /**
   * Decides a registration of `id` claiming `models` by `who`; `held(uid)`
   * counts the registrations that uid holds now (an update of its own
   * service is not a new one). Returns the token id the registration rests
   * on, if any. Throws RegistrationError: EPERM (not allowed), EDQUOT (over
   * its quota), EACCES (the token does not cover it).
   */
  decide(
    id: string,
    models: readonly string[],
    who: Registrant,
    grant: TokenGrant | undefined,
    held: (uid: number) => number,
    isUpdate: boolean,
    selfUid: number,
  ): string | undefined {
    if (who.uid === 0 || who.uid === selfUid) return undefined;
    if (grant !== undefined) {
      if (!globMatch(grant.services, id)) throw new RegistrationError('EACCES', `token ${grant.id} allows service ids "${grant.services}", not "${id}"`);
      const denied = models.find((m) => !grant.models.some((g) => globMatch(g, m)));
      if (denied !== undefined) throw new RegistrationError('EACCES', `token ${grant.id} allows models ${grant.models.join(', ')}, not "${denied}"`);
      if (models.length === 0 && !grant.models.includes('*'))
        throw new RegistrationError('EACCES', `token ${grant.id} allows models ${grant.models.join(', ')}; a service naming no model serves any and needs "*"`);
      return grant.id;
    }
    const mine = this.entries.filter((e) => e.uid === who.uid || (e.gid !== undefined && e.gid === who.gid));
    if (mine.length === 0) {
      throw new RegistrationError(
        'EPERM',
        `uid ${who.uid} may not register services: only root, the daemon's user (uid ${selfUid}), a registrant in the policy (${this.source}) or the holder of a registration token`,
      );
    }
    const fits = mine.filter((e) => e.services.some((p) => globMatch(p, id)));
    if (fits.length === 0)
      throw new RegistrationError('EPERM', `uid ${who.uid} may register service ids ${mine.flatMap((e) => e.services).join(', ')}, not "${id}"`);
    const withModels = fits.filter((e) => models.every((m) => e.models.some((g) => globMatch(g, m))) && (models.length > 0 || e.models.includes('*')));
    if (withModels.length === 0)
      throw new RegistrationError(
        'EPERM',
        `uid ${who.uid} may claim models ${fits.flatMap((e) => e.models).join(', ')} for "${id}", not ${models.length ? models.join(', ') : 'every model (none named)'}`,
      );
    const quota = Math.max(...withModels.map((e) => e.maxRegistrations));
    if (!isUpdate && held(who.uid) >= quota)
      throw new RegistrationError('EDQUOT', `uid ${who.uid} holds ${held(who.uid)} registrations, its quota is ${quota}`);
    return undefined;
  }
}
