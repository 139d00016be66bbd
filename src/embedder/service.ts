/** The bundled embedding service: the hashing-trick embedder behind the SDK. */
import { EmbeddingService, type EmbeddingServiceOptions } from '../clients/sdk/service.js';
import { hashingEmbed } from './hashing.js';

export const HASHING_MODEL = 'hashing-ngram-v1';

const decoder = new TextDecoder('utf-8', { fatal: false });

export interface HashingEmbedderOptions extends Partial<Omit<EmbeddingServiceOptions, 'embed'>> {}

export function startHashingEmbedder(options: HashingEmbedderOptions = {}): Promise<EmbeddingService> {
  return EmbeddingService.start({
    id: 'hashing-embedder',
    name: 'Hashing-trick n-gram embedder',
    version: '1.0.0',
    dimensions: [128, 256, 384, 512, 768, 1024],
    models: [HASHING_MODEL],
    maxBatchSize: 256,
    ...options,
    embed: (inputs, { dimensions }) => inputs.map((input) => hashingEmbed(decoder.decode(input), dimensions)),
  });
}
