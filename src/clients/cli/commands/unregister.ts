/** vexfsctl unregister <id>: removes a registration through the daemon. */
import type { CommandSpec } from '../command.js';
import { ExitCode } from '../errors.js';

export const unregister: CommandSpec = {
  name: 'unregister',
  summary: "remove a service's registration (root, the daemon's user or the registrant's)",
  args: '<id>',
  details: [
    "Goes to the daemon's control socket (an ioctl can only unregister what its own file registered);",
    'a registration made by ioctl is revoked in the module as well, which frees its id at once.',
    'example:',
    '  vexfsctl unregister minilm',
  ],
  async run(ctx, [id]) {
    await (await ctx.daemon()).remove(id as string);
    ctx.io.out(ctx.json ? JSON.stringify({ unregistered: id }) : `unregistered ${id}`);
    return ExitCode.OK;
  },
};
