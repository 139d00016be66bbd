/**
 * vexfs-bridge: what an integrator uses. The daemon and its configuration,
 * the kernel side (the module's device, the kernel twin, the daemon's
 * channels to either), the control-socket client, the ABI's constants and
 * the errors. Services are written with `vexfs-bridge/sdk`; the pieces inside
 * are at `vexfs-bridge/internal`.
 */
export * from './errors.js';
export * from './abi/uapi.js';
export { Daemon, type ReloadResult } from './daemon/daemon.js';
export { type DaemonConfig, defaultConfig, loadConfig, configHelp } from './daemon/config.js';
export { KernelTwin, type KernelTwinOptions, type TwinEmbedCall, type TwinEmbedResult, type TwinStats } from './kernel-side/twin/kernel-twin.js';
export type { EmbedCall, EmbedResult } from './abi/embed-call.js';
export { GenlKernelChannel, type GenlChannelOptions, type KernelChannel, type KernelChannelHandlers } from './kernel-side/channels/channel.js';
export { ChardevKernelChannel } from './kernel-side/channels/chardev-channel.js';
export { DEVICE_PATH, VexfsDevice, type DeviceEmbedCall, type DeviceEmbedResult, type DeviceServiceInfo } from './kernel-side/channels/device.js';
export { ControlClient } from './clients/sdk/control-client.js';
export { NetlinkProtocol } from './kernel-side/netlink/constants.js';
export type { EmbedRequest, EmbedResponse } from './kernel-side/messages/messages.js';
