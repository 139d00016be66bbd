// The hand-written EMBED_REQUEST and EMBED_RESPONSE codecs say what the command descriptions say.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Cmd, Flags } from '../../../../src/abi/uapi.js';
import { readCommand } from '../../../../src/kernel-side/messages/commands.js';
import { decodeAttrs } from '../../../../src/kernel-side/messages/decode.js';
import { writeCommand, writeEmbedRequest, writeEmbedResponse } from '../../../../src/kernel-side/messages/encode.js';
import type { EmbedRequest, EmbedResponse } from '../../../../src/kernel-side/messages/messages.js';
import { embedRequest, embedResponse, to } from '../../../helpers/message-arbitraries.js';
import { GENL_HDRLEN, NLMSG_HDRLEN } from '../../../../src/kernel-side/netlink/constants.js';
import { NlWriter } from '../../../../src/kernel-side/netlink/writer.js';

function body(w: NlWriter): Uint8Array {
  return Uint8Array.prototype.slice.call(w.buffer, NLMSG_HDRLEN + GENL_HDRLEN, w.length);
}

describe('hot-path codecs against the command descriptions', () => {
  it('EMBED_REQUEST: the hand encoder writes the description bytes, and the hand decoder reads what the description reads', () => {
    fc.assert(
      fc.property(embedRequest, (req) => {
        const hand = new NlWriter(64);
        writeEmbedRequest(hand, to, req);
        const described = new NlWriter(64);
        writeCommand(described, to, 'EMBED_REQUEST', req);
        expect(body(hand)).toEqual(body(described));
        const bytes = body(hand);
        const byHand = decodeAttrs(Cmd.EMBED_REQUEST, bytes, 0, bytes.length).msg;
        expect({ ...byHand, input: [...(byHand as EmbedRequest).input] }).toEqual({
          ...readCommand(Cmd.EMBED_REQUEST, bytes, 0, bytes.length),
          input: [...req.input],
        });
      }),
      { numRuns: 300 },
    );
  });

  it('EMBED_RESPONSE: both encoders decode alike, by hand and by description; truncated is the FLAGS bit', () => {
    fc.assert(
      fc.property(embedResponse(true), (res) => {
        const hand = new NlWriter(64);
        writeEmbedResponse(hand, to, res);
        const described = new NlWriter(64);
        const flags = res.truncated ? Flags.TRUNCATED : 0;
        writeCommand(described, to, 'EMBED_RESPONSE', { ...res, processingNs: BigInt(res.processingNs), flags });
        const a = body(hand);
        const b = body(described);
        const byDescription = readCommand(Cmd.EMBED_RESPONSE, a, 0, a.length);
        expect(readCommand(Cmd.EMBED_RESPONSE, b, 0, b.length)).toEqual(byDescription);
        expect(byDescription.flags).toBe(flags);
        const byHand = decodeAttrs(Cmd.EMBED_RESPONSE, b, 0, b.length).msg as EmbedResponse;
        expect(byHand.truncated).toBe(res.truncated);
        const { truncated: _, ...rest } = byHand;
        expect(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))).toEqual(byDescription);
      }),
      { numRuns: 300 },
    );
  });
});
