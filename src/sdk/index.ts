/** vexfs-bridge/sdk: what an embedding-service author imports. */
export { EmbeddingService, EmbedItemError, type EmbedFn, type EmbedOptions, type EmbeddingServiceOptions } from './service.js';
export { ControlClient } from './control-client.js';
export { DataType, Status } from '../abi/uapi.js';
export { RegistrationError, TransportError } from '../errors.js';
