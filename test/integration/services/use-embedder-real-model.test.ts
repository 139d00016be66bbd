// The bundled neural embedder (Universal Sentence Encoder lite, weights inside the npm
// package) runs as a service process, registers like any other and serves kernel requests with
// vectors that put related sentences closer than unrelated ones.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { cosine } from '../../../src/kernel-side/messages/vectors.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';

const dist = join(import.meta.dirname, '..', '..', '..', 'dist');
const start = useBridge();
let bridge: TestBridge | undefined;
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
});

describe('the neural embedder', () => {
  it('serves 512-dimension vectors in which related sentences are nearer than unrelated ones', async () => {
    bridge = await start();
    child = spawn(process.execPath, [join(dist, 'bin', 'vexfs-use-embedder.js'), '--control-socket', bridge.daemon.config.controlSocket], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      child!.once('exit', (code) => reject(new Error(`vexfs-use-embedder exited ${code}`)));
      createInterface({ input: child!.stdout! }).once('line', resolve);
    });
    expect(line).toMatch(/^registered use-embedder at unix:/);
    const embed = async (text: string) => {
      const r = await bridge!.twin.embed({ input: Buffer.from(text), dimensions: 512, model: 'universal-sentence-encoder-lite', timeoutMs: 30_000 });
      expect(r.status).toBe(Status.SUCCESS);
      return new Float32Array(r.vector!.buffer, r.vector!.byteOffset, 512);
    };
    const [cat, kitten, stocks] = await Promise.all(['the cat sat on the mat', 'a kitten rests on a rug', 'stock markets fell sharply today'].map(embed));
    expect(cosine(cat!, kitten!)).toBeGreaterThan(cosine(cat!, stocks!) + 0.2);
  }, 60_000);
});
