/**
 * vexfsctl's command line on commander: the global options, every command
 * from ./commands, help in vexfsctl's own layout, and commander's parse
 * errors turned into usage errors (exit 2) that name what was wrong and
 * what is accepted.
 */
import { existsSync } from 'node:fs';

import { Command, CommanderError, type Help, type Option } from 'commander';

import { DEVICE_PATH } from '../../kernel-side/channels/device.js';
import { findControlSocket } from '../../util/places.js';
import type { Backend } from './transports/backend.js';
import { DaemonBackend } from './transports/daemon-backend.js';
import { DeviceBackend } from './transports/device-backend.js';
import { NatsBackend, NatsCluster } from './transports/nats-backend.js';
import { NATS_AUTH_FLAGS, type NatsAuth, natsAuthFrom } from '../../services/nats/connect.js';
import type { CommandSpec } from './command.js';
import { audit } from './commands/audit.js';
import { backend } from './commands/backend.js';
import { completionCommand } from './commands/completion.js';
import { embed } from './commands/embed.js';
import { health } from './commands/health.js';
import { register } from './commands/register.js';
import { service, services } from './commands/services.js';
import { stats } from './commands/stats.js';
import { status } from './commands/status.js';
import { search } from './commands/search.js';
import { token } from './commands/token.js';
import { top } from './commands/top.js';
import { unregister } from './commands/unregister.js';
import type { Context, Io } from './context.js';
import { ExitCode, usage } from './errors.js';
import { type Raw, intOption, stringOption } from './options.js';

const COMMANDS: readonly CommandSpec[] = [
  status,
  services,
  service,
  stats,
  top,
  register,
  unregister,
  embed,
  search,
  health,
  token,
  backend,
  audit,
  completionCommand(() => COMMANDS),
];

const GLOBAL_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['--json', 'machine-readable output'],
  ['--via <auto|device|daemon>', "ioctl on the device (auto: when it exists) or the daemon's control socket"],
  ['--device <PATH>', `default ${DEVICE_PATH}`],
  ['--socket <PATH>', `default $VEXFS_CONTROL_SOCKET or ${findControlSocket()}`],
  ['--no-color', '(colour is used only on a terminal, never with NO_COLOR set)'],
  ['--nats <URL>', 'reach daemons over NATS (nats://host:port): with --host NAME or --all-hosts'],
  ['--host <NAME>', 'the daemon (its --nats-host) to ask over NATS'],
  ['--all-hosts', 'status, services, stats: every daemon on the NATS bus, one table with a HOST column'],
  ['--nats-timeout <MS>', 'how long to wait for daemons over NATS (default 1000)'],
  ...NATS_AUTH_FLAGS.map(([flag, , help]) => [`--${flag} <FILE>`, help] as const),
];

const EXAMPLES = [
  'examples:',
  '  vexfsctl status',
  '  vexfsctl services --json | jq \'.[] | select(.breaker != "closed")\'',
  '  vexfsctl embed "the quick brown fox" --model minilm',
  '  vexfsctl top',
  '  vexfsctl --nats nats://10.0.0.1:4222 services --all-hosts',
  '',
  'exit codes: 0 ok, 1 operation failed, 2 bad usage, 3 module/daemon unavailable, 4 permission denied, 5 unknown service',
];

/** Parses `argv` (after the program name), runs the command and returns its exit code; a CliError says what went wrong. */
export async function runCli(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = ExitCode.OK;
  let ctx: Context | undefined;
  const program = new Command('vexfsctl');
  configure(program, io, () => COMMANDS.map((c) => c.name));
  for (const [flags, help] of GLOBAL_OPTIONS) program.option(flags, help);
  for (const spec of COMMANDS) {
    const cmd = program.command(spec.name).summary(spec.summary);
    configure(cmd, io, () => []);
    if (spec.args) cmd.arguments(spec.args);
    for (const [flags, help] of spec.options ?? []) cmd.option(flags, help);
    cmd.action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      ctx = makeContext(command.optsWithGlobals(), io);
      code = await spec.run(ctx, command.args, command.opts());
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    // Help asked for, or no command given: the help went to stdout.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help') return ExitCode.OK;
    throw usage(err.message);
  } finally {
    ctx?.close();
  }
}

/** What the root and every command share: errors thrown (never printed or exited on), vexfsctl's messages, help on stdout. */
function configure(cmd: Command, io: Io, commandNames: () => string[]): void {
  cmd
    .exitOverride((err) => {
      throw new CommanderError(err.exitCode, err.code, commanderMessage(cmd, err, commandNames()));
    })
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.out(s.trimEnd()), outputError: () => {} })
    .configureHelp({ formatHelp: (c, helper) => helpText(c, helper) })
    .allowExcessArguments(false);
}

/** Commander's parse errors in vexfsctl's words. */
function commanderMessage(cmd: Command, err: CommanderError, commandNames: string[]): string {
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? '';
  const name = cmd.name();
  const takes = `${name} takes ${cmd.registeredArguments.length ? cmd.usage().replace('[options] ', '') : 'no arguments'}`;
  switch (err.code) {
    case 'commander.unknownCommand':
      return `unknown command "${quoted}" (commands: ${commandNames.join(', ')})`;
    case 'commander.unknownOption': {
      const accepted = [...cmd.options, ...(cmd.parent?.options ?? [])].map((o: Option) => o.long).join(', ');
      return `unknown option ${quoted}${cmd.parent ? ` for ${name}` : ''} (accepted: ${accepted})`;
    }
    case 'commander.optionMissingArgument':
      return `${quoted.split(' ')[0]} needs a value`;
    case 'commander.missingArgument':
    case 'commander.excessArguments':
      return takes;
    default:
      return err.message.replace(/^error: /, '');
  }
}

/** `vexfsctl --help` and `vexfsctl <command> --help`, from the declarations themselves. */
function helpText(cmd: Command, helper: Help): string {
  const root = cmd.parent === null;
  const lines = (options: readonly Option[]) => options.map((o) => `  ${o.flags.replace(/[<>]/g, '').padEnd(22)} ${o.description}`.trimEnd());
  const globals = ['global options:', ...lines((root ? cmd : (cmd.parent as Command)).options.filter((o) => o.long !== '--help'))];
  if (root) {
    const commands = helper.visibleCommands(cmd).map((c) => `  ${c.name().padEnd(11)} ${c.summary() || 'help for a command'}`);
    return [...['usage: vexfsctl [options] <command> [args]', '', 'commands:'], ...commands, '', ...globals, '', ...EXAMPLES, ''].join('\n');
  }
  const spec = COMMANDS.find((s) => s.name === cmd.name());
  const options = cmd.options.filter((o) => o.long !== '--help');
  return [
    `vexfsctl ${cmd.name()}${spec?.args ? ` ${spec.args}` : ''}: ${cmd.summary()}`,
    ...(options.length ? ['options:', ...lines(options)] : []),
    ...(spec?.details ?? []),
    '',
    ...globals,
    '',
  ].join('\n');
}

/** nats-user -> natsUser, as commander keys its options. */
function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function makeContext(o: Record<string, Raw>, io: Io): Context {
  const json = o.json === true;
  const color = !json && o.color !== false && io.env.NO_COLOR === undefined && io.stdout.isTTY === true;
  const devicePath = stringOption('device', o.device) ?? DEVICE_PATH;
  const socketPath = stringOption('socket', o.socket) ?? (io.env.VEXFS_CONTROL_SOCKET || findControlSocket());
  const via = stringOption('via', o.via) ?? 'auto';
  if (!['auto', 'device', 'daemon'].includes(via)) throw usage(`--via ${JSON.stringify(via)}: expected auto, device or daemon`);
  const natsUrl = stringOption('nats', o.nats);
  const host = stringOption('host', o.host);
  const allHosts = o.allHosts === true;
  const natsTimeoutMs = intOption('nats-timeout', o.natsTimeout, 50, 60_000, 1000);
  if (natsUrl === undefined && (host !== undefined || allHosts))
    throw usage(`${allHosts ? '--all-hosts' : '--host'} asks daemons over NATS: give --nats URL too`);
  if (host !== undefined && allHosts) throw usage('give --host NAME or --all-hosts, not both');
  const auth: NatsAuth | undefined = natsUrl === undefined ? undefined : natsAuthFrom(natsUrl, (flag) => stringOption(flag, o[camel(flag)]));
  let opened: Backend | undefined;
  let cluster: NatsCluster | undefined;
  const openCluster = async () => {
    if (auth === undefined) throw usage('this needs daemons over NATS: give --nats URL');
    cluster ??= await NatsCluster.connect(auth, natsTimeoutMs);
    return cluster;
  };
  return {
    io,
    style: { color },
    json,
    allHosts,
    host,
    natsTimeoutMs,
    cluster: openCluster,
    async backend() {
      if (opened) return opened;
      if (auth !== undefined) {
        if (host === undefined) throw usage('with --nats, name the daemon (--host NAME, its --nats-host) or ask them all (--all-hosts)');
        opened = new NatsBackend(await openCluster(), host);
        return opened;
      }
      const useDevice = via === 'device' || (via === 'auto' && existsSync(devicePath));
      opened = useDevice ? DeviceBackend.open(devicePath) : await DaemonBackend.connect(socketPath, !existsSync(devicePath));
      return opened;
    },
    async daemon() {
      if (opened instanceof DaemonBackend) return opened;
      opened?.close();
      const d = await DaemonBackend.connect(socketPath, !existsSync(devicePath));
      opened = d;
      return d;
    },
    close() {
      opened?.close();
      opened = undefined;
      cluster?.close();
      cluster = undefined;
    },
  };
}
