// The layers of src/, lowest first; `npm test` fails on an import that runs up them, on a cycle,
// and on clients reaching past what an integrator's process may load. The folders group by side
// and plane (kernel-side/, services/, pipeline/, control/, observe/, daemon/, clients/); a layer
// is a set of those folders:
//
//   foundation  abi, util, errors.ts, native.ts
//   codecs      kernel-side/netlink, kernel-side/messages (VEXFS_IPC and its frames),
//               services/wire (the service protocol), services/nats (subjects, connecting)
//   links       kernel-side/channels, kernel-side/twin, services/links; control/auth,
//               control/audit, observe/trace beside them
//   pipeline    pipeline (the request's stages), services/registry
//   observers   observe/metrics (read the pipeline at scrape time)
//   daemon      daemon (the composition root), control (the control socket, kernel-forwarded
//               control, HTTP backends, cluster); bin and demo above it
//
// clients (sdk, cli) sit beside the daemon, not on it: they use the foundation, the codecs, the
// device ioctl wrapper and the control-socket client only.
const LAYERS = [
  ['foundation', '^src/(abi/|util/|errors\\.ts|native\\.ts)'],
  ['codecs', '^src/(kernel-side/(netlink|messages)|services/(wire|nats))/'],
  ['links', '^src/(kernel-side/(channels|twin)|services/links|control/(auth|audit)|observe/trace)/'],
  ['pipeline', '^src/(pipeline|services/registry)/'],
  ['observers', '^src/observe/metrics/'],
  ['daemon', '^src/(daemon/|control/(?!auth/|audit/))'],
];

const upward = LAYERS.flatMap(([name, path], i) =>
  LAYERS.slice(i + 1).map(([above, abovePath]) => ({
    name: `no-${name}-to-${above}`,
    comment: `${name} is below ${above}: the import runs up the layers (see .dependency-cruiser.cjs)`,
    severity: 'error',
    from: { path },
    to: { path: abovePath },
  })),
);

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-cycles',
      comment: 'two modules that import each other (directly or around a loop) are one module in two files',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'clients-stay-clients',
      comment: 'sdk and cli load in an integrator\'s or administrator\'s process: foundation, codecs, the device wrapper and the control client only',
      severity: 'error',
      from: { path: '^src/clients/' },
      to: {
        path: '^src/',
        pathNot: '^src/(abi/|util/|errors\\.ts|native\\.ts|kernel-side/(netlink|messages)/|services/(wire|nats)/|kernel-side/channels/device\\.ts|clients/)',
      },
    },
    {
      name: 'nothing-below-uses-clients',
      comment: 'the daemon and its layers do not load the sdk or the cli',
      severity: 'error',
      from: { path: '^src/(abi|util|kernel-side|services|pipeline|control|observe|daemon)/' },
      to: { path: '^src/(clients|embedder|demo|bin)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
