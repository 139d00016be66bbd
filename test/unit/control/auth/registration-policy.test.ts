// The registration policy's decisions, and the policy file's errors naming the field.
import { describe, expect, it } from 'vitest';

import { RegistrationPolicy, globMatch, type TokenGrant } from '../../../../src/control/auth/policy.js';
import { ConfigError, RegistrationError } from '../../../../src/errors.js';

const SELF = 4242;
const none = () => 0;

function refusal(f: () => unknown): { errno: string; message: string } {
  try {
    f();
  } catch (err) {
    if (err instanceof RegistrationError) return { errno: err.errno, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('registration policy', () => {
  const policy = RegistrationPolicy.parse(
    {
      registrants: [
        { uid: 1000, services: ['minilm-*'], models: ['all-MiniLM-*'], maxRegistrations: 2 },
        { gid: 990, services: ['team.*'] },
      ],
    },
    'test',
  );

  it('lets root and the daemon user register anything', () => {
    expect(RegistrationPolicy.empty().decide('any', ['m'], { uid: 0 }, undefined, none, false, SELF)).toBeUndefined();
    expect(RegistrationPolicy.empty().decide('any', ['m'], { uid: SELF }, undefined, none, false, SELF)).toBeUndefined();
  });

  it('refuses anyone else without an entry or a token, saying who may', () => {
    const r = refusal(() => RegistrationPolicy.empty().decide('svc', [], { uid: 1000, gid: 1000 }, undefined, none, false, SELF));
    expect(r.errno).toBe('EPERM');
    expect(r.message).toMatch(/uid 1000 may not register services: only root, the daemon's user \(uid 4242\)/);
  });

  it('matches entries by uid or primary gid, with id and model patterns and a quota', () => {
    expect(policy.decide('minilm-gpu0', ['all-MiniLM-L6-v2'], { uid: 1000 }, undefined, none, false, SELF)).toBeUndefined();
    expect(refusal(() => policy.decide('other', ['all-MiniLM-L6-v2'], { uid: 1000 }, undefined, none, false, SELF))).toMatchObject({
      errno: 'EPERM',
      message: expect.stringMatching(/may register service ids minilm-\*, not "other"/),
    });
    expect(refusal(() => policy.decide('minilm-x', ['gte-large'], { uid: 1000 }, undefined, none, false, SELF))).toMatchObject({
      errno: 'EPERM',
      message: expect.stringMatching(/may claim models all-MiniLM-\* for "minilm-x", not gte-large/),
    });
    // No model named means every model: only a "*" entry allows it.
    expect(refusal(() => policy.decide('minilm-x', [], { uid: 1000 }, undefined, none, false, SELF)).errno).toBe('EPERM');
    expect(refusal(() => policy.decide('minilm-x', ['all-MiniLM-L6'], { uid: 1000 }, undefined, () => 2, false, SELF))).toMatchObject({
      errno: 'EDQUOT',
      message: 'uid 1000 holds 2 registrations, its quota is 2',
    });
    // Updating a service it holds is not a new registration.
    expect(policy.decide('minilm-x', ['all-MiniLM-L6'], { uid: 1000 }, undefined, () => 2, true, SELF)).toBeUndefined();
    expect(policy.decide('team.a', [], { uid: 7, gid: 990 }, undefined, none, false, SELF)).toBeUndefined();
    expect(refusal(() => policy.decide('team.a', [], { uid: 7, gid: 991 }, undefined, none, false, SELF)).errno).toBe('EPERM');
  });

  it('lets a token holder register what the token covers, and nothing else', () => {
    const grant: TokenGrant = { id: 't1', services: 'tok-*', models: ['m1', 'm2*'], expiresAt: Date.now() + 1000, maxRegistrations: 1 };
    expect(RegistrationPolicy.empty().decide('tok-a', ['m1', 'm2x'], { uid: 5 }, grant, none, false, SELF)).toBe('t1');
    expect(refusal(() => RegistrationPolicy.empty().decide('x', ['m1'], { uid: 5 }, grant, none, false, SELF))).toMatchObject({
      errno: 'EACCES',
      message: 'token t1 allows service ids "tok-*", not "x"',
    });
    expect(refusal(() => RegistrationPolicy.empty().decide('tok-a', ['m3'], { uid: 5 }, grant, none, false, SELF)).errno).toBe('EACCES');
    expect(refusal(() => RegistrationPolicy.empty().decide('tok-a', [], { uid: 5 }, grant, none, false, SELF)).errno).toBe('EACCES');
  });

  it('reads only * as a wildcard', () => {
    expect(globMatch('a.b*', 'a.bc')).toBe(true);
    expect(globMatch('a.b*', 'axbc')).toBe(false);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('m+1', 'm+1')).toBe(true);
    expect(globMatch('m+1', 'mm1')).toBe(false);
  });

  it('names the field of a bad policy file', () => {
    expect(() => RegistrationPolicy.parse({ registrants: [{ uid: 1, services: ['a b'] }] }, 'p.json')).toThrow(ConfigError);
    expect(() => RegistrationPolicy.parse({ registrants: [{ uid: 1, services: ['a b'] }] }, 'p.json')).toThrow(/policy p.json: registrants.0.services.0/);
    expect(() => RegistrationPolicy.parse({ registrants: [{ uid: 1, gid: 2, services: ['a'] }] }, 'p.json')).toThrow(/exactly one of uid or gid/);
    expect(() => RegistrationPolicy.parse({ registrants: [], extra: 1 }, 'p.json')).toThrow(/policy p.json/);
  });
});
