/** vexfsctl register: registers a service (ioctl or control socket) and holds it until Ctrl-C or --hold-ms. */
import { Consts } from '../../../abi/uapi.js';
import type { ServiceInfoMsg } from '../../../services/wire/proto.js';
import type { CommandSpec } from '../command.js';
import { ExitCode, usage } from '../errors.js';
import { TOKEN_ON_COMMAND_LINE, registrationToken } from '../../../util/secret-file.js';
import { dataTypesOption, dimsOption, intOption, listOption, stringOption } from '../options.js';

export const register: CommandSpec = {
  name: 'register',
  summary: 'register a service and hold it until Ctrl-C or --hold-ms',
  options: [
    ['--id <ID>', 'required, [A-Za-z0-9._-]'],
    ['--dims <N[,N...]>', 'required, 1-16 sizes of 1-8192'],
    ['--endpoint <unix:/PATH>', 'required, where the daemon connects'],
    ['--name <NAME>', 'default the id'],
    ['--version <V>', ''],
    ['--models <A,B>', 'default: serves requests naming no model'],
    ['--max-batch <N>', '1-1000, default 32'],
    ['--priority <N>', '0-255, default 0'],
    ['--data-types <T,T>', 'float32,float16,int8,int16,binary (default float32)'],
    ['--hold-ms <MS>', 'unregister after this long (default: at Ctrl-C)'],
    ['--token-file <PATH>', 'a file whose first line is a registration token (default $VEXFS_REGISTRATION_TOKEN)'],
    ['--token <TOKEN>', 'refused: a token on the command line is readable by every local user'],
  ],
  details: ['example:', '  vexfsctl register --id test --dims 384 --endpoint unix:/run/test.sock --hold-ms 60000'],
  async run(ctx, _args, o) {
    const need = (name: string, raw: string | boolean | undefined) => {
      const v = stringOption(name, raw);
      if (v === undefined) throw usage(`register needs --${name} (see vexfsctl register --help)`);
      return v;
    };
    const id = need('id', o.id);
    const info: ServiceInfoMsg = {
      id,
      name: stringOption('name', o.name) ?? id,
      version: typeof o.version === 'string' ? o.version : '',
      dimensions: dimsOption(need('dims', o.dims), true) as number[],
      dataTypes: dataTypesOption(o.dataTypes),
      models: listOption(o.models, []),
      maxBatchSize: intOption('max-batch', o.maxBatch, 1, Consts.MAX_BATCH_SIZE, 32),
      priority: intOption('priority', o.priority, 0, 255, 0),
      endpoint: need('endpoint', o.endpoint),
      metadata: {},
    };
    const holdMs = intOption('hold-ms', o.holdMs, 0, 86_400_000, 0);
    if (o.token !== undefined) throw usage(TOKEN_ON_COMMAND_LINE);
    const token = registrationToken(stringOption('token-file', o.tokenFile), ctx.io.env);
    const b = await ctx.backend();
    await b.register(info, token);
    const via = b.source === 'device' ? 'ioctl' : 'control socket';
    ctx.io.out(
      ctx.json
        ? JSON.stringify({ registered: id, via })
        : `registered ${id} via ${via}; ${holdMs ? `holding for ${holdMs} ms` : 'holding until Ctrl-C'} (the registration ends with this process)`,
    );
    await held(holdMs);
    await b.unregister(id);
    ctx.io.out(ctx.json ? JSON.stringify({ unregistered: id }) : `unregistered ${id}`);
    return ExitCode.OK;
  },
};

/** Resolves after `holdMs` (0: never) or at SIGINT/SIGTERM. */
function held(holdMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = holdMs ? setTimeout(done, holdMs) : undefined;
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
