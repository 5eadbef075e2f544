// @ts-check
// Installers for GroupDesk: `npm run dist` (scripts/build.mjs, then electron-builder with this file).
//
// It needs internet: electron-builder downloads the Electron zip for each target from GitHub, and
// rebuilding better-sqlite3 for Electron's ABI downloads Electron's headers — neither is reachable from
// the development machines where this repo is tested. Native modules cannot be cross-compiled, so
// build NSIS on Windows, the dmg on macOS and the AppImage on Linux
// (docs/electron-host-rules.md#the-native-sqlite-binary).
// Signing and notarization credentials (CSC_LINK, APPLE_API_KEY …) come from the CI environment.
//
// Checks after a build, none of which runs Electron: the asar lists out/main, out/preload, out/renderer,
// out/core (with fonts/, the Noto Sans its PDFs embed) and out/sandbox/worker.mjs.map; app.asar.unpacked
// holds better_sqlite3.node exporting node_register_module_v150, exactly the out/sandbox/ files
// listed in asarUnpack and node_modules/@node-rs/argon2*; and
// `npx @electron/fuses read --app <executable>` (Node 22+) shows the fuses below.

/** @type {import('electron-builder').Configuration} */
const config = {
  // Equal to APP_ID in electron/main/main-process.ts: Windows matches notifications to the Start-menu
  // shortcut NSIS stamps with this id. Renaming productName moves users' data folder (userData is named
  // after it).
  appId: 'com.groupdesk.desktop',
  productName: 'GroupDesk',
  copyright: 'Copyright © GroupDesk',
  directories: { output: 'release', buildResources: 'build' },
  // The bundles only; main, preload and the renderer carry their dependencies inside. The core worker
  // keeps its packages external, and electron-builder adds the production `dependencies` for it.
  files: ['out/**/*', 'package.json'],
  asar: true,
  // Every file outside app.asar is outside Electron's asar integrity check, so this list is exact:
  // no directory-wide pattern that would also unpack whatever is added there later. The test
  // electron/sandbox/worker-bundle.test.ts fails when the list and the built out/sandbox/ disagree;
  // why each entry is here: docs/electron-host-rules.md#what-stays-outside-the-asar.
  // - A .node file cannot be loaded from inside an archive. smartUnpack already unpacks it; this
  //   states it, and main reads better-sqlite3 from app.asar.unpacked (electron/main/core-paths.ts).
  // - The embedded sandbox plan service (scripts/sandbox-bundle.mjs) is an ESM worker whose loaders
  //   (Node's ESM resolver, PGlite's wasm and data read beside it, fs.cp of the database template,
  //   the Noto Sans files its PDFs embed) would all depend on Electron's asar patches
  //   inside a worker thread; main hands the core its app.asar.unpacked path.
  // - Its one package outside the bundle, @node-rs/argon2 (native), is resolved from beside it.
  asarUnpack: [
    '**/*.node',
    'out/sandbox/worker.mjs',
    'out/sandbox/pglite.wasm',
    'out/sandbox/pglite.data',
    'out/sandbox/initdb.wasm',
    'out/sandbox/fonts/**',
    'out/sandbox/plan-service-template/**',
    'node_modules/@node-rs/argon2/**',
    'node_modules/@node-rs/argon2-*/**',
  ],
  // Package only in CI, on a throwaway checkout (npm ci → build → electron-builder).
  // npmRebuild (the default, true) runs @electron/rebuild on THIS checkout's node_modules in place, so
  // better-sqlite3 becomes Electron-ABI (150) and stops loading in Node (115) for vitest. That is fine on
  // a throwaway checkout and wrong on a developer's: after packaging locally, run
  // `npm rebuild better-sqlite3`. better-sqlite3 12 has no prebuilds for Electron 45, so the rebuild
  // compiles from source (Python and a C++ toolchain on the CI runner).
  npmRebuild: true,
  // groupdesk:// (verification links): CFBundleURLTypes on macOS and x-scheme-handler in the Linux
  // .desktop file. NSIS registers no schemes; main calls setAsDefaultProtocolClient on Windows.
  protocols: [{ name: 'GroupDesk link', schemes: ['groupdesk'] }],
  // Flipped by electron-builder right before signing (docs/electron-host-rules.md#packaging). runAsNode off: the core runs in
  // worker_threads, never child_process.fork. grantFileProtocolExtraPrivileges off: the renderer is
  // served from app://. Asar integrity is checked on macOS and Windows; electron-builder writes the hash.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: 'nsis',
    icon: 'build/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // The Start-menu shortcut carries the AppUserModelId that Windows notifications need.
    createStartMenuShortcut: true,
  },
  mac: {
    target: 'dmg',
    category: 'public.app-category.business',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  linux: {
    target: 'AppImage',
    category: 'Office',
    icon: 'build/icon.png',
    executableName: 'groupdesk',
    synopsis: 'Members and bill pay for employer group administrators',
  },
};

module.exports = config;
