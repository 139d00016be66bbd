// The layers of src/, lowest first; `npm test` fails on an import that runs up them, on a cycle,
// and on sdk or cli reaching past what an integrator's process may load.
//
//   foundation  abi, util, errors.ts, native.ts
//   codecs      netlink, protocol (kernel protocol and vectors), frame, wire (service protocol), nats (subjects, connecting)
//   links       kernel (genl, char device, device ioctl), twin, links (to services); auth, audit, trace beside them
//   manager     registry, service connections, queues, balancing, breakers, cache, limits
//   observers   metrics (read the manager at scrape time)
//   daemon      the composition root; bin and demo above it
//
// sdk and cli sit beside the daemon, not on it: they use the foundation, the codecs, the device
// ioctl wrapper and the control-socket client only.
const LAYERS = [
  ['foundation', '^src/(abi/|util/|errors\\.ts|native\\.ts)'],
  ['codecs', '^src/(netlink|protocol|frame|wire|nats)/'],
  ['links', '^src/(kernel|links|twin|auth|audit|trace)/'],
  ['manager', '^src/manager/'],
  ['observers', '^src/metrics/'],
  ['daemon', '^src/daemon/'],
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
      from: { path: '^src/(sdk|cli)/' },
      to: { path: '^src/', pathNot: '^src/(abi/|util/|errors\\.ts|native\\.ts|netlink/|protocol/|frame/|wire/|nats/|kernel/device\\.ts|sdk/|cli/)' },
    },
    {
      name: 'nothing-below-uses-clients',
      comment: 'the daemon and its layers do not load the sdk or the cli',
      severity: 'error',
      from: { path: '^src/(abi|util|netlink|protocol|frame|wire|nats|kernel|links|twin|auth|audit|trace|manager|metrics|daemon)/' },
      to: { path: '^src/(sdk|cli|embedder|demo|bin)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
