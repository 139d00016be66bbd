/** vexfsctl embed <text>: one embedding request through the kernel path (the device ioctl, or the daemon). */
import { Consts, DataType, Status } from '../../../abi/uapi.js';
import { fromFloat16Bits } from '../../../kernel-side/messages/vectors.js';
import type { CommandSpec } from '../command.js';
import { ExitCode, usage } from '../errors.js';
import { type Style, duration, pairs } from '../format.js';
import { DTYPE_NAMES, dimsOption, dtypeOption, intOption, priorityOption, sessionOption, stringOption } from '../options.js';
import { STATUS_NAMES, nameOf } from '../../../abi/names.js';
import type { EmbedView } from '../views.js';

export const embed: CommandSpec = {
  name: 'embed',
  summary: 'send one embedding request through the kernel path',
  args: '<text>',
  options: [
    ['--model <NAME>', ''],
    ['--dims <N>', 'default: the first size of a service serving the model'],
    ['--dtype <T>', 'float32 (default), float16, int8, int16, binary'],
    ['--priority <P>', '0-255 or low, normal (default), high, critical'],
    ['--timeout <MS>', '1-600000, default 5000'],
    ['--session <KEY>', '1-18446744073709551615: requests with the same key stay on one service while the daemon runs --sticky-by key'],
  ],
  details: ['exits 1 when the answer is not SUCCESS', 'example:', '  vexfsctl embed "hello world" --model minilm --dims 384'],
  async run(ctx, [text], o) {
    if (text === undefined || text === '') throw usage('embed needs non-empty <text>');
    if (Buffer.byteLength(text) > Consts.MAX_INPUT_BYTES)
      throw usage(`<text> is ${Buffer.byteLength(text)} bytes; at most ${Consts.MAX_INPUT_BYTES} are accepted`);
    const model = stringOption('model', o.model);
    const dataType = dtypeOption(o.dtype);
    const priority = priorityOption(o.priority);
    const timeoutMs = intOption('timeout', o.timeout, 1, Consts.MAX_TIMEOUT_MS, 5000);
    const sessionKey = sessionOption(o.session);
    let dimensions = dimsOption(o.dims, false)?.[0];
    const b = await ctx.backend();
    if (dimensions === undefined) {
      // The dimensions of a registered service that serves this model.
      const fit = (await b.services()).find((s) => (model === undefined ? s.models.length === 0 : s.models.includes(model)));
      if (fit === undefined)
        throw usage(`--dims is needed: no registered service serves ${model === undefined ? 'requests without a model' : `model "${model}"`} to take it from`);
      dimensions = fit.dimensions[0] as number;
    }
    const started = process.hrtime.bigint();
    const r = await b.embed({ text, model, dimensions, dataType, priority, timeoutMs, sessionKey });
    const view: EmbedView = {
      requestId: r.requestId.toString(),
      status: nameOf(STATUS_NAMES, r.status),
      dimensions,
      dataType,
      values: r.status === Status.SUCCESS ? decodeVector(r.vector, dimensions, dataType) : [],
      processingNs: r.processingNs,
      roundTripNs: Number(process.hrtime.bigint() - started),
      priorityClamped: r.priorityClamped,
      provenance:
        r.provenance === undefined
          ? undefined
          : { serviceId: r.provenance.serviceId, model: r.provenance.model, modelVersion: r.provenance.modelVersion, truncated: r.provenance.truncated },
    };
    ctx.io.out(ctx.json ? JSON.stringify(view, null, 2) : embedText(ctx.style, view));
    return r.status === Status.SUCCESS ? ExitCode.OK : ExitCode.FAILED;
  },
};

function decodeVector(bytes: Uint8Array, dims: number, dtype: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  for (let i = 0; i < dims; i++) {
    switch (dtype) {
      case DataType.FLOAT32:
        out.push(view.getFloat32(i * 4, true));
        break;
      case DataType.FLOAT16:
        out.push(fromFloat16Bits(view.getUint16(i * 2, true)));
        break;
      case DataType.INT16:
        out.push(view.getInt16(i * 2, true));
        break;
      case DataType.INT8:
        out.push(view.getInt8(i));
        break;
      default:
        out.push((view.getUint8(i >> 3) >> (i & 7)) & 1);
    }
  }
  return out;
}

function embedText(style: Style, v: EmbedView): string {
  const ok = v.status === 'SUCCESS';
  const entries: Array<[string, string | { text: string; colour?: 'green' | 'red' }]> = [
    ['status', { text: v.status, colour: ok ? 'green' : 'red' }],
    ['request id', v.requestId],
  ];
  if (v.priorityClamped) entries.push(['priority', 'lowered by the module to its user_max_priority (CAP_SYS_NICE or its priority_gid may use more)']);
  if (ok) {
    const dtype = Object.entries(DTYPE_NAMES).find(([, n]) => n === v.dataType)?.[0] ?? String(v.dataType);
    const head = v.values.slice(0, 8).map(fmt);
    const norm = Math.sqrt(v.values.reduce((a, x) => a + x * x, 0));
    entries.push(
      ['vector', `${v.dimensions} × ${dtype}: [${head.join(', ')}${v.values.length > 8 ? ', …' : ''}]`],
      ['range', `min ${fmt(Math.min(...v.values))}, max ${fmt(Math.max(...v.values))}, L2 norm ${fmt(norm)}`],
    );
    const p = v.provenance;
    if (p !== undefined) {
      const model = [p.model, p.modelVersion].filter((x) => x !== '').join(' ');
      entries.push(['served by', `${p.serviceId}${model !== '' ? ` (${model})` : ''}`]);
      if (p.truncated) entries.push(['input', { text: 'truncated: the service embedded only its beginning', colour: 'red' }]);
    }
  }
  entries.push(['timing', `${duration(v.processingNs)} in the bridge, ${duration(v.roundTripNs)} round trip`]);
  return pairs(style, entries);
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
}
