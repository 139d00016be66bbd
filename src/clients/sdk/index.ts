/** vexfs-bridge/sdk: what an embedding-service author imports. */
export { EmbeddingService, type EmbeddingServiceOptions } from './service.js';
export { EmbedItemError, type EmbedFn, type EmbedItem, type EmbedOptions, type TruncatedVector } from './batch.js';
export { ControlClient } from './control-client.js';
export { DataType, Status } from '../../abi/uapi.js';
export { ControlError, RegistrationError, TransportError } from '../../errors.js';
export { parseTraceparent } from '../../services/wire/trace-context.js';
