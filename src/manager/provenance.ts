/**
 * Who made a vector, as an answer's provenance tells the kernel (struct
 * vexfs_ipc_provenance): the service, the model and its version, and
 * whether the service embedded only a prefix of the input. One frozen
 * object per service and model, shared by every answer it makes.
 */
import { Consts } from '../abi/uapi.js';
import type { ServiceEntry } from './registry.js';

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

const byService = new WeakMap<ServiceEntry, Map<string, Provenance>>();

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
  const key = `${model ?? ''}\0${modelVersion ?? ''}\0${truncated ? 1 : 0}`;
  let cache = byService.get(service);
  if (cache === undefined) byService.set(service, (cache = new Map()));
  let p = cache.get(key);
  if (p === undefined || p.serviceId !== service.info.id) {
    // Bounded: a service reporting a new model name per batch keeps only the latest few.
    if (cache.size >= 16) cache.clear();
    p = Object.freeze({ serviceId: service.info.id, model, modelVersion, truncated });
    cache.set(key, p);
  }
  return p;
}
