// An asynchronous ioctl keeps every buffer its struct points to referenced until it completes,
// and closing the device while ioctls are in flight waits for them (no fd number reused under one).
import { fstatSync } from 'node:fs';

import koffi from 'koffi';

import { describe, expect, it } from 'vitest';

import { ProvenanceStruct } from '../../../../src/abi/structs.js';
import { VexfsDevice } from '../../../../src/kernel-side/channels/device.js';
import { loadNative, type NativeAddon } from '../../../../src/native.js';

function fakeNative() {
  const calls: Array<{ request: number; keep: readonly Uint8Array[] | undefined; finish: () => void }> = [];
  const native: Pick<NativeAddon, 'ioctl' | 'ioctlSync'> = {
    ioctl: (_fd, request, _buf, keep) => new Promise<number>((resolve) => calls.push({ request, keep, finish: () => resolve(0) })),
    ioctlSync: () => 0,
  };
  return { native, calls };
}

const info = {
  id: 'svc',
  name: 'n',
  version: '1',
  dimensions: [8],
  dataTypes: 1,
  models: ['m'],
  maxBatchSize: 1,
  priority: 0,
  endpoint: 'unix:/tmp/s.sock',
  metadata: {},
};

describe('device ioctl lifetimes', () => {
  it('hands the native side every buffer the struct points to', async () => {
    const { native, calls } = fakeNative();
    const dev = VexfsDevice.open('/dev/null', native);
    const reg = dev.register(info, undefined, 'tok');
    const emb = dev.embed({ input: Buffer.from('hello'), dimensions: 8, model: 'm' });
    expect(calls.map((c) => c.keep?.map((b) => Buffer.from(b).toString('latin1')))).toEqual([
      ['svc', 'n', 'unix:/tmp/s.sock', '1', 'm', Buffer.from(new Uint32Array([8]).buffer).toString('latin1'), 'tok'],
      ['hello', '\0'.repeat(32), '\0'.repeat(koffi.sizeof(ProvenanceStruct)), 'm'],
    ]);
    for (const c of calls) c.finish();
    await Promise.all([reg, emb]);
    dev.close();
  });

  it('closes the fd only after the ioctls in flight complete, and refuses new ones', async () => {
    const { native, calls } = fakeNative();
    const dev = VexfsDevice.open('/dev/null', native);
    const pending = dev.unregister('svc');
    dev.close();
    expect(() => fstatSync(dev.fd)).not.toThrow();
    await expect(dev.unregister('svc')).rejects.toMatchObject({ code: 'ERR_VEXFS_CLOSED' });
    calls[0]?.finish();
    await pending;
    expect(() => fstatSync(dev.fd)).toThrow(expect.objectContaining({ code: 'EBADF' }));
  });

  it('the addon refuses a keep-alive list that is not an array', () => {
    const native = loadNative();
    expect(() => native.ioctl(0, 0, Buffer.alloc(0), 'x' as unknown as Uint8Array[])).toThrow(/keepAlive must be an array/);
  });
});
