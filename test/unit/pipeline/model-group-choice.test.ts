// A model group's choice: in order, the first member with room (the first when none has any); by
// weight, smooth round robin over the members offered; each member asked for its own model.
import { describe, expect, it } from 'vitest';

import { GroupRouting, modelGroupsSchema } from '../../../src/pipeline/model-groups.js';
import type { ServiceEntry } from '../../../src/services/registry/registry.js';

const svc = (id: string, models: string[] = [`${id}-model`]) => ({ info: { id, models } }) as unknown as ServiceEntry;
const [a, b, c] = [svc('a'), svc('b'), svc('c')];

describe('model group choice', () => {
  it('in order: the first member with room, then the next; the first when none has room', () => {
    const full = new Set<ServiceEntry>();
    const g = new GroupRouting(modelGroupsSchema.parse({ small: { members: [{ service: 'a' }, { service: 'b' }, { service: 'c', model: 'c-alias' }] } }), {
      hasRoom: (s) => !full.has(s),
    });
    expect(g.members('small', [c, b, a, svc('x')])).toEqual([a, b, c]);
    expect(g.choose('small', [a, b, c])).toBe(a);
    full.add(a);
    expect(g.choose('small', [a, b, c])).toBe(b);
    full.add(b).add(c);
    expect(g.choose('small', [a, b, c])).toBe(a);
    expect([g.modelFor('small', a), g.modelFor('small', c), g.modelFor('other', c), g.modelFor(undefined, c)]).toEqual([
      'a-model',
      'c-alias',
      'other',
      undefined,
    ]);
  });

  it('by weight: 3:1 over the members offered, spread evenly rather than in runs', () => {
    const g = new GroupRouting(
      modelGroupsSchema.parse({
        w: {
          mode: 'weighted',
          members: [
            { service: 'a', weight: 3 },
            { service: 'b', weight: 1 },
          ],
        },
      }),
      {
        hasRoom: () => true,
      },
    );
    const picks = Array.from({ length: 8 }, () => g.choose('w', [a, b]).info.id);
    expect(picks.join('')).toBe('aabaaaba');
    // A member not offered (down, breaker open) takes no share: the others share its part.
    expect(Array.from({ length: 3 }, () => g.choose('w', [b]).info.id)).toEqual(['b', 'b', 'b']);
  });
});
