/** A pipeline's side of a kernel channel: requests go to the router, answers back to the channel they came by. */
import type { KernelChannelHandlers } from '../../kernel-side/channels/channel.js';
import type { Reply } from '../../pipeline/request.js';
import type { Router } from '../router.js';

/** One reply function per channel, not a closure per request (the channel is passed in: requests can arrive before open() resolves). */
export function pipelineHandlers(router: Router): Pick<KernelChannelHandlers, 'request' | 'cancel'> {
  let replyChannel: Parameters<KernelChannelHandlers['request']>[1] | undefined;
  let reply: Reply = () => {};
  return {
    request: (req, ch) => {
      if (ch !== replyChannel) {
        replyChannel = ch;
        reply = (res) => ch.respond(res);
      }
      router.submit(req, reply);
    },
    cancel: (msg) => router.cancel(msg),
  };
}
