import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../host/start-core';
import { USAGE, parseWebArgs } from './cli-options';
import { defaultDataDir, prepareDataDir } from './data-dir';
import { startBrowserHost } from './http-server';
import { loadOrCreateKey } from './key-file';
import { openBrowser } from './open-browser';
import { startCodes } from './start-codes';

// `npm run web`: the browser host. It runs the same core and renderer as the Electron app and
// prints one line with the address (token included).
const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<number> {
  const args = parseWebArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(`GroupDesk: ${args.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.options.help) {
    console.log(USAGE);
    return 0;
  }
  const dataDir = prepareDataDir(args.options.dataDir ?? defaultDataDir());
  if (!dataDir.ok) {
    console.error(dataDir.message);
    return 1;
  }
  // The core starts the embedded sandbox plan service (out/sandbox) unless a remote one is set up.
  const core = startCore({
    dataDir: dataDir.dir,
    encryptionKey: loadOrCreateKey(dataDir.dir),
    keyHolder: 'browser',
    workerPath: path.join(here, '..', 'core', 'worker.cjs'),
    sandboxWorkerPath: path.join(here, '..', 'sandbox', 'worker.mjs'),
    demo: args.options.demo,
  });
  // A fresh token each launch: an address copied from an earlier launch stops working.
  const token = randomBytes(32).toString('base64url');
  const codes = startCodes();
  let host;
  try {
    host = await startBrowserHost({ core, dataDir: dataDir.dir, token, startCodes: codes, rendererDir: path.join(here, '..', 'renderer'), ...(args.options.port === undefined ? {} : { port: args.options.port }) });
  } catch (error) {
    await core.close();
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    console.error(code === 'EADDRINUSE' ? `GroupDesk: port ${args.options.port} is in use; choose another with --port N.` : `GroupDesk could not start: ${String(error)}`);
    return 1;
  }
  // The printed address is for the user who started GroupDesk (their terminal); the browser is opened
  // on a one-time start address instead, because a command line can be read by every local user.
  console.log(`GroupDesk is running at ${host.url}#token=${token}`);
  if (args.options.open) openBrowser(`${host.url}start?code=${codes.issue()}`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await host.close();
  await core.close();
  return 0;
}

process.exitCode = await main();
