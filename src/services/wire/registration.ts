/** Validation of a service registration, with errors that say what was wrong and what is expected. */
import { Consts } from '../../abi/uapi.js';
import { RegistrationError } from '../../errors.js';
import type { ServiceInfoMsg } from './proto.js';

const ID = /^[A-Za-z0-9._-]+$/;
/** What a model name may contain (it travels comma-joined and in metric labels). */
export const MODEL_NAME = /^[A-Za-z0-9._:/@+-]+$/;
const ALL_DTYPES = (1 << (Consts.DTYPE_MAX + 1)) - 1;
// Metadata is the service's own; bounded so a registration stays a few KiB.
const MAX_METADATA_ENTRIES = 16;
const MAX_METADATA_KEY = 63;
const MAX_METADATA_VALUE = 255;

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function checkString(field: string, value: unknown, max: number, min = 1): string {
  if (typeof value !== 'string') throw new RegistrationError('EINVAL', `${field} must be a string`);
  const n = bytes(value);
  if (n > max - 1) throw new RegistrationError('E2BIG', `${field} is ${n} bytes; at most ${max - 1} allowed`);
  if (n < min) throw new RegistrationError('EINVAL', `${field} must not be empty`);
  if (value.includes('\0')) throw new RegistrationError('EINVAL', `${field} must not contain NUL bytes`);
  return value;
}

/** Returns the registration normalised, or throws RegistrationError. */
/**
 * `daemonScheme`: a service the daemon reaches by its own means (an HTTP backend of its
 * configuration, "openai:<id>"; a NATS worker it discovered, "nats:<id>"): the endpoint names only
 * the id, so a client can never point the daemon at a URL or a subject.
 */
export function validateRegistration(info: ServiceInfoMsg, daemonScheme?: string): ServiceInfoMsg {
  const id = checkString('id', info.id, Consts.MAX_SERVICE_ID_LEN);
  if (!ID.test(id)) throw new RegistrationError('EINVAL', `id "${id}" may contain only A-Z a-z 0-9 . _ -`);
  const name = checkString('name', info.name, Consts.MAX_NAME_LEN);
  const version = checkString('version', info.version ?? '', Consts.MAX_VERSION_LEN, 0);
  const dims = info.dimensions ?? [];
  if (dims.length < 1) throw new RegistrationError('EINVAL', 'dimensions must list at least one dimension count');
  if (dims.length > Consts.MAX_DIMENSION_SETS) {
    throw new RegistrationError('E2BIG', `dimensions lists ${dims.length} counts; at most ${Consts.MAX_DIMENSION_SETS} allowed`);
  }
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 1 || d > Consts.MAX_DIMENSIONS) {
      throw new RegistrationError('EINVAL', `dimension ${d} is outside 1..${Consts.MAX_DIMENSIONS}`);
    }
  }
  if (new Set(dims).size !== dims.length) throw new RegistrationError('EINVAL', 'dimensions lists a count twice');
  const dataTypes = info.dataTypes ?? 0;
  if (!Number.isInteger(dataTypes) || dataTypes < 0 || dataTypes > ALL_DTYPES) {
    throw new RegistrationError(
      'EINVAL',
      `dataTypes 0x${dataTypes.toString(16)} has bits beyond the ${Consts.DTYPE_MAX + 1} data types (mask 0x${ALL_DTYPES.toString(16)})`,
    );
  }
  const models = info.models ?? [];
  for (const m of models) {
    checkString('model', m, Consts.MAX_MODEL_LEN);
    if (!MODEL_NAME.test(m)) throw new RegistrationError('EINVAL', `model "${m}" may contain only A-Z a-z 0-9 . _ : / @ + -`);
  }
  if (new Set(models).size !== models.length) throw new RegistrationError('EINVAL', 'models lists a model twice');
  if (bytes(models.join(',')) > Consts.MAX_MODELS_LEN - 1) {
    throw new RegistrationError('E2BIG', `models take ${bytes(models.join(','))} bytes joined with commas; at most ${Consts.MAX_MODELS_LEN - 1}`);
  }
  const maxBatch = info.maxBatchSize;
  if (!Number.isInteger(maxBatch) || maxBatch < 1 || maxBatch > Consts.MAX_BATCH_SIZE) {
    throw new RegistrationError('EINVAL', `maxBatchSize ${maxBatch} is outside 1..${Consts.MAX_BATCH_SIZE}`);
  }
  const priority = info.priority ?? 0;
  if (!Number.isInteger(priority) || priority < 0 || priority > 255) {
    throw new RegistrationError('EINVAL', `priority ${priority} is outside 0..255`);
  }
  const endpoint = checkString('endpoint', info.endpoint, Consts.MAX_ENDPOINT_LEN);
  if (daemonScheme !== undefined) {
    if (endpoint !== `${daemonScheme}:${id}`) throw new RegistrationError('EINVAL', `this service's endpoint is "${daemonScheme}:${id}", not "${endpoint}"`);
  } else if (!endpoint.startsWith('unix:/')) {
    throw new RegistrationError('EINVAL', `endpoint "${endpoint}" must be "unix:" followed by an absolute socket path`);
  } else if (bytes(endpoint) - 5 > 107) throw new RegistrationError('E2BIG', 'endpoint socket path is longer than 107 bytes (sun_path)');
  const meta = Object.entries(info.metadata ?? {});
  if (meta.length > MAX_METADATA_ENTRIES) throw new RegistrationError('E2BIG', `metadata has ${meta.length} entries; at most ${MAX_METADATA_ENTRIES} allowed`);
  for (const [k, v] of meta) {
    checkString('metadata key', k, MAX_METADATA_KEY + 1);
    checkString(`metadata "${k}"`, v, MAX_METADATA_VALUE + 1, 0);
  }
  const weight = info.metadata?.weight;
  if (weight !== undefined && !/^[1-9][0-9]{0,2}$|^1000$/.test(weight)) {
    throw new RegistrationError('EINVAL', `metadata weight "${weight}" is not an integer from 1 to 1000 (the weighted round robin share)`);
  }
  return {
    id,
    name,
    version,
    dimensions: [...dims],
    dataTypes,
    models: [...models],
    maxBatchSize: maxBatch,
    priority,
    endpoint,
    metadata: { ...(info.metadata ?? {}) },
  };
}

/** The endpoint scheme of HTTP embedding backends the daemon declares itself. */
export const BACKEND_SCHEME = 'openai';
/** The endpoint scheme of NATS workers the daemon discovered. */
export const NATS_SCHEME = 'nats';

/** The socket path of a "unix:/path" endpoint. */
export function endpointPath(endpoint: string): string {
  return endpoint.slice('unix:'.length);
}

/** The weighted round robin share a service registered (metadata "weight"), default 1. */
export function serviceWeight(info: ServiceInfoMsg): number {
  const w = info.metadata.weight;
  return w === undefined ? 1 : Number(w);
}
