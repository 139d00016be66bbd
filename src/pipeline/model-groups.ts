/**
 * Model groups: a model name requests use, served by a set of services and
 * backends, in order (the first usable member with room takes it; the next
 * when it is down, its breaker open, out of room or holding off after a
 * 429) or by weight (smooth weighted round robin over the usable members).
 * A member is asked for its own model name (`model`, or the first it
 * registered), and the answer's provenance names it, as /metrics and
 * vexfsctl do.
 */
import { z } from 'zod';

import { Consts } from '../abi/uapi.js';
import { MODEL_NAME } from '../services/wire/registration.js';
import type { ServiceEntry } from '../services/registry/registry.js';

const modelName = z
  .string()
  .min(1)
  .max(Consts.MAX_MODEL_LEN - 1)
  .regex(MODEL_NAME, 'may contain only A-Z a-z 0-9 . _ : / @ + -');

export const modelGroupSchema = z
  .object({
    mode: z.enum(['ordered', 'weighted']).default('ordered'),
    members: z
      .array(
        z
          .object({
            service: z.string().regex(/^[A-Za-z0-9._-]{1,63}$/, 'is not a service id'),
            /** Its share with mode "weighted". */
            weight: z.number().int().min(1).max(1000).default(1),
            /** The model it is asked for (default: the first it registered). */
            model: modelName.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(16)
      .refine((m) => new Set(m.map((x) => x.service)).size === m.length, 'names a member twice'),
  })
  .strict();
export type ModelGroup = z.infer<typeof modelGroupSchema>;

export const modelGroupsSchema = z.record(z.string(), modelGroupSchema).superRefine((groups, ctx) => {
  const names = Object.keys(groups);
  if (names.length > 64) ctx.addIssue({ code: 'custom', message: `${names.length} groups; at most 64` });
  for (const name of names) {
    if (!modelName.safeParse(name).success)
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `a group's name is a model name: 1-${Consts.MAX_MODEL_LEN - 1} bytes of A-Z a-z 0-9 . _ : / @ + -`,
      });
  }
});
export type ModelGroups = Record<string, ModelGroup>;

/** What a group's choice reads of a member: whether it has room now. */
export interface MemberRoom {
  hasRoom(s: ServiceEntry): boolean;
}

export class GroupRouting {
  private readonly byName: ReadonlyMap<string, ModelGroup & { rank: ReadonlyMap<string, number> }>;
  /** Smooth weighted round robin: each group's members' current weights. */
  private readonly current = new Map<string, Map<string, number>>();

  constructor(
    groups: ModelGroups,
    private readonly room: MemberRoom,
  ) {
    this.byName = new Map(Object.entries(groups).map(([name, g]) => [name, { ...g, rank: new Map(g.members.map((m, i) => [m.service, i])) }]));
  }

  has(model: string | undefined): boolean {
    return model !== undefined && this.byName.has(model);
  }

  /** The group's registered members among `services`, in the group's order. */
  members(model: string, services: readonly ServiceEntry[]): ServiceEntry[] {
    const g = this.byName.get(model);
    if (g === undefined) return [];
    return services.filter((s) => g.rank.has(s.info.id)).sort((a, b) => (g.rank.get(a.info.id) as number) - (g.rank.get(b.info.id) as number));
  }

  /** Of `choices` (usable members, in the group's order), the one that takes the request. */
  choose(model: string, choices: readonly ServiceEntry[]): ServiceEntry {
    const g = this.byName.get(model);
    if (g === undefined || choices.length === 1) return choices[0] as ServiceEntry;
    if (g.mode === 'ordered') return choices.find((s) => this.room.hasRoom(s)) ?? (choices[0] as ServiceEntry);
    let weights = this.current.get(model);
    if (weights === undefined) this.current.set(model, (weights = new Map()));
    let total = 0;
    let best: ServiceEntry | undefined;
    for (const s of choices) {
      const w = g.members[g.rank.get(s.info.id) as number]?.weight ?? 1;
      const cur = (weights.get(s.info.id) ?? 0) + w;
      weights.set(s.info.id, cur);
      total += w;
      if (best === undefined || cur > (weights.get(best.info.id) as number)) best = s;
    }
    const chosen = best as ServiceEntry;
    weights.set(chosen.info.id, (weights.get(chosen.info.id) as number) - total);
    return chosen;
  }

  /** The model `service` is asked for when a request names `model`: a group's member model, else the request's. */
  modelFor(model: string | undefined, service: ServiceEntry): string | undefined {
    const g = model === undefined ? undefined : this.byName.get(model);
    if (g === undefined) return model;
    return g.members[g.rank.get(service.info.id) as number]?.model ?? service.info.models[0];
  }
}
