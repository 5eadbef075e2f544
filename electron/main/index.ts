import { startCore } from '../host/start-core';
import { runMainProcess } from './main-process';

// Bundled to out/main/index.cjs. CommonJS on purpose: everything in runMainProcess that must precede
// `ready` runs synchronously as the bundle loads, which an ESM main does not guarantee
// (docs/electron-host-rules.md#startup-order). `__dirname` is out/main, also inside app.asar.
runMainProcess({ mainDir: __dirname, argv: process.argv, platform: process.platform, startCore });
