/**
 * Every error the bridge raises on purpose, each with a stable `code`.
 * Errors from syscalls keep Node's shape instead: { code: 'EAGAIN', errno, syscall }.
 */

export const ErrorCode = {
  Decode: 'ERR_VEXFS_DECODE',
  Encode: 'ERR_VEXFS_ENCODE',
  Netlink: 'ERR_VEXFS_NETLINK',
  FamilyNotFound: 'ERR_VEXFS_FAMILY_NOT_FOUND',
  Timeout: 'ERR_VEXFS_TIMEOUT',
  Closed: 'ERR_VEXFS_CLOSED',
  NativeUnavailable: 'ERR_VEXFS_NATIVE_UNAVAILABLE',
  QueueFull: 'ERR_VEXFS_QUEUE_FULL',
  NotAttached: 'ERR_VEXFS_NOT_ATTACHED',
  InvalidArgument: 'ERR_VEXFS_INVALID_ARGUMENT',
  Registration: 'ERR_VEXFS_REGISTRATION',
  Config: 'ERR_VEXFS_CONFIG',
  Transport: 'ERR_VEXFS_TRANSPORT',
  Control: 'ERR_VEXFS_CONTROL',
  UntrustedSocket: 'ERR_VEXFS_UNTRUSTED_SOCKET',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class VexfsError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Input bytes that do not form a valid message; `field` names what was wrong. */
export class DecodeError extends VexfsError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(ErrorCode.Decode, `${field}: ${message}`);
    this.field = field;
  }
}

/** A value that cannot be encoded (out of range, too long). */
export class EncodeError extends VexfsError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(ErrorCode.Encode, `${field}: ${message}`);
    this.field = field;
  }
}

/** A netlink peer answered with NLMSG_ERROR; carries the extended ACK when present. */
export class NetlinkError extends VexfsError {
  /** Positive errno. */
  readonly errno: number;
  readonly errnoName: string;
  readonly extackMessage: string | undefined;
  readonly extackOffset: number | undefined;
  constructor(errno: number, errnoName: string, extackMessage?: string, extackOffset?: number) {
    super(ErrorCode.Netlink, `netlink request failed: ${errnoName} (${errno})${extackMessage ? `: ${extackMessage}` : ''}`);
    this.errno = errno;
    this.errnoName = errnoName;
    this.extackMessage = extackMessage;
    this.extackOffset = extackOffset;
  }
}

export class FamilyNotFoundError extends VexfsError {
  readonly family: string;
  constructor(family: string) {
    super(ErrorCode.FamilyNotFound, `generic netlink family "${family}" is not registered`);
    this.family = family;
  }
}

export class TimeoutError extends VexfsError {
  constructor(what: string, ms: number) {
    super(ErrorCode.Timeout, `${what} timed out after ${ms} ms`);
  }
}

export class ClosedError extends VexfsError {
  constructor(what: string) {
    super(ErrorCode.Closed, `${what} is closed`);
  }
}

export class QueueFullError extends VexfsError {
  constructor(what: string, limit: number) {
    super(ErrorCode.QueueFull, `${what} is full (${limit})`);
  }
}

/** No daemon is attached to the kernel side (the module answers -ENOTCONN). */
export class NotAttachedError extends VexfsError {
  readonly errno = 'ENOTCONN';
  constructor(message = 'no daemon is attached') {
    super(ErrorCode.NotAttached, message);
  }
}

export class InvalidArgumentError extends VexfsError {
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(ErrorCode.InvalidArgument, `${argument}: ${message}`);
    this.argument = argument;
  }
}

export class NativeUnavailableError extends VexfsError {
  constructor(path: string, cause: unknown) {
    super(
      ErrorCode.NativeUnavailable,
      `the native addon could not be loaded from ${path}; build it with "npm run build:native" (needs cmake, a C++17 compiler and Node's headers)`,
      { cause },
    );
  }
}

/** Node's errno error shape, as thrown by the addon and by node:fs. */
export interface ErrnoException extends Error {
  code: string;
  errno: number;
  syscall: string;
}

export function isErrnoException(err: unknown, code?: string): err is ErrnoException {
  return (
    err instanceof Error &&
    typeof (err as Partial<ErrnoException>).code === 'string' &&
    typeof (err as Partial<ErrnoException>).syscall === 'string' &&
    (code === undefined || (err as ErrnoException).code === code)
  );
}

/** A registration refused; `errno` is what the ioctl returns (negated). */
export class RegistrationError extends VexfsError {
  readonly errno: 'EINVAL' | 'E2BIG' | 'EEXIST' | 'ENOENT' | 'ENOSPC' | 'EPERM' | 'EACCES' | 'EDQUOT';
  constructor(errno: RegistrationError['errno'], message: string) {
    super(ErrorCode.Registration, message);
    this.errno = errno;
  }
}

/** The daemon refused a control-socket request; `errno` is its errno name (e.g. 'ENODEV'). */
export class ControlError extends VexfsError {
  readonly errno: string;
  constructor(errno: string, message: string) {
    super(ErrorCode.Control, message);
    this.errno = errno;
  }
}

/** A configuration value that is wrong; `key` names it. */
export class ConfigError extends VexfsError {
  readonly key: string;
  constructor(key: string, message: string) {
    super(ErrorCode.Config, `config ${key}: ${message}`);
    this.key = key;
  }
}

/** A kernel transport that cannot be used here, and why. */
export class TransportError extends VexfsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.Transport, message, options);
  }
}

/** A control socket another user could have put in place: nothing is sent to it. */
export class UntrustedSocketError extends VexfsError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(ErrorCode.UntrustedSocket, message);
  }
}
