/**
 * Who made a vector, as an answer's provenance tells the kernel (struct
 * vexfs_ipc_provenance): the service, the model and its version, and
 * whether the service embedded only a prefix of the input. One frozen
 * object per service and model, shared by every answer it makes.
 */
import { Consts } from '../abi/uapi.js';
import type { ServiceEntry } from '../services/registry/registry.js';

export interface Provenance {
  readonly serviceId: string;
  readonly model: string | undefined;
  readonly modelVersion: string | undefined;
  readonly truncated: boolean;
}

/** A string a service reported, if it fits the ABI's field (`max` bytes with the NUL, none inside). */
function fits(s: string, max: number): string | undefined {
  return s !== '' && !s.includes('\0') && Buffer.byteLength(s) < max ? s : undefined;
}

type Pair = [plain: Provenance | undefined, truncated: Provenance | undefined];
// By service, model, then version: an answer looks its provenance up without building a key.
const byService = new WeakMap<ServiceEntry, Map<string | undefined, Map<string | undefined, Pair>>>();

/** A map's entry for `key`, made when missing; a map past `bound` entries is emptied first (a service naming a new model per batch keeps only the latest few). */
function entry<K, V>(m: Map<K, V>, key: K, make: () => V, bound = 16): V {
  let v = m.get(key);
  if (v === undefined) {
    if (m.size >= bound) m.clear();
    v = make();
    m.set(key, v);
  }
  return v;
}

/**
 * The provenance of `service`'s answer: `reported` model and version (from
 * its response; empty for none) win over the request's model or its
 * default and its registered version.
 */
export function provenanceOf(
  service: ServiceEntry,
  requested: string | undefined,
  reportedModel: string,
  reportedVersion: string,
  truncated: boolean,
): Provenance {
  const model = fits(reportedModel, Consts.MAX_MODEL_LEN) ?? requested ?? service.info.models[0];
  const modelVersion = fits(reportedVersion, Consts.MAX_VERSION_LEN) ?? fits(service.info.version, Consts.MAX_VERSION_LEN);
  let byModel = byService.get(service);
  if (byModel === undefined) byService.set(service, (byModel = new Map()));
  const pair = entry(
    entry(byModel, model, () => new Map<string | undefined, Pair>()),
    modelVersion,
    (): Pair => [undefined, undefined],
  );
  const at = truncated ? 1 : 0;
  return (pair[at] ??= Object.freeze({ serviceId: service.info.id, model, modelVersion, truncated }));
}

/** What a batch's answer reported: its model and version. */
interface BatchAnswer {
  readonly model?: string | null | undefined;
  readonly modelVersion?: string | null | undefined;
}

/** A batch's answers share their provenance but for truncation: looked up once per batch (its requests share the model). */
export class BatchProvenance {
  private last: BatchAnswer | undefined;
  private readonly sources: Pair = [undefined, undefined];

  of(service: ServiceEntry, model: string | undefined, answer: BatchAnswer, truncated: boolean): Provenance {
    if (this.last !== answer) {
      this.last = answer;
      this.sources[0] = this.sources[1] = undefined;
    }
    const at = truncated ? 1 : 0;
    return (this.sources[at] ??= provenanceOf(service, model, answer.model ?? '', answer.modelVersion ?? '', truncated));
  }
}
