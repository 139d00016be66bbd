/**
 * Choosing the kernel transport: the module over generic netlink, the
 * module's char device, or the embedded kernel twin.
 */
import { existsSync } from 'node:fs';

import { FamilyNotFoundError, TransportError } from '../errors.js';
import { GenlKernelChannel, type KernelChannel, type KernelChannelHandlers } from '../kernel-side/channels/channel.js';
import { ChardevKernelChannel } from '../kernel-side/channels/chardev-channel.js';
import { NetlinkProtocol } from '../kernel-side/netlink/constants.js';
import { KernelTwin } from '../kernel-side/twin/kernel-twin.js';
import type { DaemonConfig } from './config.js';

export const CHARDEV_PATH = '/dev/vexfs_ipc';

export interface KernelLink {
  channel: KernelChannel;
  /** The embedded twin (twin mode without twinPort). */
  twin: KernelTwin | undefined;
  transport: 'genl' | 'chardev' | 'twin';
  /** One line saying what was chosen and why. */
  reason: string;
  /** Where a worker attaches a queue of its own (the char device has one queue: none). */
  queues: QueueAddress | undefined;
}

export interface QueueAddress {
  protocol: number;
  kernelPort: number;
}

const GENL_QUEUES: QueueAddress = { protocol: NetlinkProtocol.GENERIC, kernelPort: 0 };

async function openGenl(handlers: KernelChannelHandlers, config: DaemonConfig): Promise<GenlKernelChannel> {
  return GenlKernelChannel.open({ protocol: NetlinkProtocol.GENERIC, kernelPort: 0, maxInflight: config.maxInflight }, handlers);
}

async function openTwin(handlers: KernelChannelHandlers, config: DaemonConfig): Promise<{ twin: KernelTwin | undefined; channel: GenlKernelChannel }> {
  if (config.twinPort !== 0) {
    const channel = await GenlKernelChannel.open(
      { protocol: NetlinkProtocol.USERSOCK, kernelPort: config.twinPort, maxInflight: config.maxInflight },
      handlers,
    );
    return { twin: undefined, channel };
  }
  const twin = new KernelTwin({ graceMs: config.twinGraceMs });
  try {
    const channel = await GenlKernelChannel.open({ protocol: NetlinkProtocol.USERSOCK, kernelPort: twin.portId, maxInflight: config.maxInflight }, handlers);
    return { twin, channel };
  } catch (err) {
    twin.close();
    throw err;
  }
}

export async function openKernel(config: DaemonConfig, handlers: KernelChannelHandlers): Promise<KernelLink> {
  switch (config.kernel) {
    case 'genl':
      try {
        return {
          channel: await openGenl(handlers, config),
          twin: undefined,
          transport: 'genl',
          reason: 'kernel transport genl (requested)',
          queues: GENL_QUEUES,
        };
      } catch (err) {
        if (err instanceof FamilyNotFoundError) {
          throw new TransportError('--kernel genl: the VEXFS_IPC generic netlink family is not registered; load vexfs_ipc.ko or use --kernel twin', {
            cause: err,
          });
        }
        throw err;
      }
    case 'chardev': {
      if (!existsSync(CHARDEV_PATH)) throw new TransportError(`--kernel chardev: ${CHARDEV_PATH} does not exist; load vexfs_ipc.ko or use --kernel twin`);
      const channel = await ChardevKernelChannel.open(CHARDEV_PATH, handlers);
      return { channel, twin: undefined, transport: 'chardev', reason: `kernel transport: ${CHARDEV_PATH} framed transport (requested)`, queues: undefined };
    }
    case 'twin': {
      const { twin, channel } = await openTwin(handlers, config);
      const where = twin ? 'embedded kernel twin' : `kernel twin at netlink port ${config.twinPort}`;
      return { channel, twin, transport: 'twin', reason: `kernel transport: ${where} (requested)`, queues: twinQueues(twin, config) };
    }
    case 'auto': {
      try {
        const channel = await openGenl(handlers, config);
        return {
          channel,
          twin: undefined,
          transport: 'genl',
          reason: 'kernel transport: vexfs_ipc module over generic netlink (VEXFS_IPC family found)',
          queues: GENL_QUEUES,
        };
      } catch (err) {
        if (!(err instanceof FamilyNotFoundError)) throw err;
      }
      if (existsSync(CHARDEV_PATH)) {
        const channel = await ChardevKernelChannel.open(CHARDEV_PATH, handlers);
        return {
          channel,
          twin: undefined,
          transport: 'chardev',
          reason: `kernel transport: ${CHARDEV_PATH} framed transport (no VEXFS_IPC family)`,
          queues: undefined,
        };
      }
      const { twin, channel } = await openTwin(handlers, { ...config, twinPort: 0 });
      return {
        channel,
        twin,
        transport: 'twin',
        reason: `kernel module not loaded (no VEXFS_IPC family, no ${CHARDEV_PATH}): using the embedded kernel twin`,
        queues: twinQueues(twin, { ...config, twinPort: 0 }),
      };
    }
  }
}

/** The twin the daemon talks to, embedded or at --twin-port, takes queues on its own port. */
function twinQueues(twin: KernelTwin | undefined, config: DaemonConfig): QueueAddress {
  return { protocol: NetlinkProtocol.USERSOCK, kernelPort: twin?.portId ?? config.twinPort };
}
