// @ts-check
/**
 * Which folder may import what: an allow-list per folder (any import no rule below allows is an
 * error), plus no import cycles anywhere. `npm run lint` runs it; docs/core-layers.md explains the
 * layers of electron/core and test/lint/layer-rules.test.ts proves that a forbidden import fails.
 *
 * Every rule allows a folder its own files and shared/. npm packages are allowed per program:
 * `electron` and `electron-store` only in electron/main and electron/preload. Node's built-ins
 * (`node:fs` and bare `fs` alike) are allowed everywhere but shared/ and renderer/.
 */

const npm = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'];
const electronPackages = '^node_modules/(electron|electron-store)/';
const shared = '^shared/';

/** `from` may import its own folder, shared/ and these folders (regular expressions on paths). */
const layer = (name, from, ...to) => ({ comment: `${name}: ${from} may import: ${to.join(', ') || 'nothing but itself and shared/'}`, from: { path: from, pathNot: '\\.test\\.tsx?$' }, to: { path: [from, shared, ...to] } });

const core = 'electron/core';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make layers meaningless and module start-up order fragile.', from: {}, to: { circular: true } },
    {
      name: 'electron-only-in-the-electron-host',
      severity: 'error',
      comment: 'Only electron/main and electron/preload run inside Electron.',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: electronPackages },
    },
    {
      name: 'no-node-built-ins-in-pure-code',
      severity: 'error',
      comment: 'shared/ runs everywhere and renderer/ in a sandboxed page: neither has Node (`fs` as much as `node:fs`).',
      from: { path: '^(shared|renderer)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'better-sqlite3-only-where-the-store-runs',
      severity: 'error',
      comment: 'better-sqlite3 is native code for the core only.',
      from: { pathNot: `^(${core}|test|scripts|server|electron/sandbox)/` },
      to: { path: '^node_modules/better-sqlite3/' },
    },
  ],
  allowed: [
    // Packages and Node built-ins; the forbidden rules above narrow these per side.
    { from: {}, to: { dependencyTypes: [...npm, 'core'] } },

    // ── electron/core: the layers, lowest first (docs/core-layers.md) ──
    layer('core-store', `^${core}/store/`),
    layer('core-plan-service', `^${core}/plan-service/`),
    layer('core-exports', `^${core}/exports/`),
    // The data folder's files/ (exports for a host to save, files a host received); handlers reach it through a port.
    layer('core-files', `^${core}/files/`),
    layer('core-outbox', `^${core}/outbox/`, `^${core}/store/`),
    layer('core-session', `^${core}/session/`, `^${core}/store/`, `^${core}/plan-service/`),
    layer('core-sync', `^${core}/sync/`, `^${core}/store/`, `^${core}/outbox/`, `^${core}/session/`, `^${core}/plan-service/`),
    layer('core-dispatch', `^${core}/dispatch/`, `^${core}/store/store\\.ts$`, `^${core}/session/`, `^${core}/plan-service/`),
    layer('core-services', `^${core}/services/`, `^${core}/dispatch/handler-types\\.ts$`, `^${core}/store/`, `^${core}/outbox/`, `^${core}/session/`, `^${core}/plan-service/`, `^${core}/exports/`, `^${core}/files/`),
    layer('core-runtime', `^${core}/runtime/`, `^${core}/store/`),
    // The composition root wires every layer; the worker entry runs it; the host entry is types only.
    layer('core-root', `^${core}/core\\.ts$`, `^${core}/`, '^package\\.json$'),
    // The roster command line: another composition root over the same services, for an idle data folder.
    layer('core-cli', `^${core}/cli/`, `^${core}/`),
    layer('core-worker', `^${core}/worker\\.ts$`, `^${core}/core\\.ts$`, `^${core}/host-entry\\.ts$`),
    layer('core-host-entry', `^${core}/(host-entry|core-types)\\.ts$`, `^${core}/core-types\\.ts$`),
    layer('core-test-support', `^${core}/test-support/`, `^${core}/`, '^server/test-support/', '^server/src/'),

    // ── the hosts: they reach the core only through its host entry ──
    layer('host-shared', '^electron/host/', `^${core}/host-entry\\.ts$`),
    layer('electron-host', '^electron/(main|preload)/', '^electron/(main|preload)/', '^electron/host/', `^${core}/host-entry\\.ts$`, '^package\\.json$'),
    layer('browser-host', '^electron/web/', '^electron/host/', `^${core}/host-entry\\.ts$`),
    // The embedded plan service: the core starts it by file path (out/sandbox/worker.mjs), never by import.
    layer('embedded-sandbox', '^electron/sandbox/', '^server/'),

    // ── the other programs ──
    layer('shared', '^shared/'),
    layer('renderer', '^renderer/', '^package\\.json$'),
    // The plan service: store at the bottom, then mail, services, and the ways in (HTTP api and
    // pages, ops commands, jobs); the files at server/src's root start and wire it all.
    layer('server-store', '^server/src/store/'),
    layer('server-mail', '^server/src/mail/'),
    layer('server-services', '^server/src/services/', '^server/src/store/', '^server/src/mail/'),
    // Jobs are timers around services (the billing cycle), never their own SQL for what a service owns.
    layer('server-jobs', '^server/src/jobs/', '^server/src/store/', '^server/src/services/'),
    layer('server-api', '^server/src/api/', '^server/src/services/', '^server/src/store/', '^server/src/mail/'),
    layer('server-pages', '^server/src/pages/', '^server/src/api/', '^server/src/services/'),
    // The operator endpoint is an HTTP listener of its own, so it answers errors as the API does.
    layer('server-ops', '^server/src/ops/', '^server/src/[^/]+\\.ts$', '^server/src/services/', '^server/src/store/', '^server/src/mail/', '^server/src/api/errors\\.ts$'),
    layer('server-root', '^server/src/[^/]+\\.ts$', '^server/src/'),
    layer('server-test-support', '^server/test-support/', '^server/src/'),

    // ── tests use real parts: any code of their own program, its test support and the plan service ──
    // test/support holds what every program's tests share (reading a PDF back, finding a browser).
    // The core's reading threads are tested as they ship: built by the build's own bundler script.
    { from: { path: `^${core}/.+\\.test\\.ts$` }, to: { path: [`^${core}/`, shared, '^server/(src|test-support)/', '^test/support/', '^scripts/roster-thread-bundle\\.mjs$'] } },
    { from: { path: '^electron/(host|main|preload|web|sandbox)/.+\\.test\\.ts$' }, to: { path: ['^electron/', shared, '^server/', '^scripts/', '^package\\.json$'] } },
    { from: { path: '^shared/.+\\.test\\.ts$' }, to: { path: [shared] } },
    { from: { path: '^server/(.+\\.test\\.ts|test/)' }, to: { path: ['^server/', shared, '^package\\.json$', '^test/support/'] } },
    { from: { path: '^renderer/.+\\.test\\.tsx?$' }, to: { path: ['^renderer/', shared] } },
    { from: { path: '^(test|scripts)/' }, to: { path: ['^(electron|server|shared|renderer|test|scripts)/', '^package\\.json$'] } },
  ],
  allowedSeverity: 'error',
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules/', '^out/'] },
    // The built bundles scripts/ reads are not modules to follow.
    moduleSystems: ['es6', 'cjs'],
    // Packages that publish only an `import` condition (eventsource-parser) resolve as Node and esbuild resolve them.
    enhancedResolveOptions: { conditionNames: ['import', 'require', 'node', 'default'], exportsFields: ['exports'] },
  },
};
