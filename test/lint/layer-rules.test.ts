import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Runs the project's .dependency-cruiser.cjs, as `npm run lint` does, on a small tree laid out like
 * the project: each forbidden import below must be reported, each allowed one must not.
 */
const project = path.resolve(import.meta.dirname, '..', '..');
const files: Record<string, string> = {
  // Forbidden: the store is the lowest layer and imports no other one.
  'electron/core/store/store-reads-sync.ts': `import { engine } from '../sync/engine';\nexport const store = engine;\n`,
  // Allowed: sync sits above the store.
  'electron/core/sync/engine.ts': `import { rows } from '../store/rows';\nexport const engine = rows;\n`,
  'electron/core/store/rows.ts': `export const rows = 1;\n`,
  // Forbidden: handlers never reach sync, they get ports.
  'electron/core/services/members/handler.ts': `import { engine } from '../../sync/engine';\nexport const handler = engine;\n`,
  // Forbidden: a cycle inside one layer.
  'electron/core/sync/ping.ts': `import { pong } from './pong';\nexport const ping = () => pong;\n`,
  'electron/core/sync/pong.ts': `import { ping } from './ping';\nexport const pong = () => ping;\n`,
  // Forbidden: a bare built-in name in shared/ is as much Node as a node: one.
  'shared/util/bare-fs.ts': `import { readFileSync } from 'fs';\nexport const read = readFileSync;\n`,
  'shared/util/node-fs.ts': `import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n`,
  // Forbidden: a host reaching past the core's host entry. Allowed: the host entry itself.
  'electron/main/reads-store.ts': `import { rows } from '../core/store/rows';\nexport const main = rows;\n`,
  'electron/main/starts-core.ts': `import type { CoreHandle } from '../core/host-entry';\nexport type Handle = CoreHandle;\n`,
  'electron/core/host-entry.ts': `export interface CoreHandle { close(): Promise<void> }\n`,
  // Forbidden: the renderer sees only shared/.
  'renderer/src/reads-core.ts': `import type { CoreHandle } from '../../electron/core/host-entry';\nexport type Handle = CoreHandle;\n`,
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

let dir: string;
let violations: Violation[];
let exitCode = 0;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-layers-'));
  cpSync(path.join(project, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', paths: { '@shared/*': ['./shared/*'] } } }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const bin = path.join(project, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const run = (...args: string[]) => execFileSync(process.execPath, [bin, '--config', '.dependency-cruiser.cjs', ...args, 'electron', 'shared', 'renderer'], { cwd: dir, encoding: 'utf8' });
  // As `npm run lint` runs it: a refused import makes the command fail.
  try {
    run();
  } catch (error) {
    exitCode = (error as { status: number }).status;
  }
  let output: string;
  try {
    output = run('--output-type', 'json');
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  violations = (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reported = (from: string) => violations.filter((v) => v.from === from).map((v) => `${v.rule.name} → ${v.to}`);

describe('the layer rules', () => {
  it('fail the command when anything is refused', () => {
    expect(exitCode).not.toBe(0);
  });

  it('refuse an import a folder does not list', () => {
    expect(reported('electron/core/store/store-reads-sync.ts')).toEqual(['not-in-allowed → electron/core/sync/engine.ts']);
    expect(reported('electron/core/services/members/handler.ts')).toEqual(['not-in-allowed → electron/core/sync/engine.ts']);
    expect(reported('electron/main/reads-store.ts')).toEqual(['not-in-allowed → electron/core/store/rows.ts']);
    expect(reported('renderer/src/reads-core.ts')).toEqual(['not-in-allowed → electron/core/host-entry.ts']);
  });

  it('refuse Node built-ins in shared/, bare names as well as node: ones', () => {
    expect(reported('shared/util/bare-fs.ts')).toEqual(['no-node-built-ins-in-pure-code → fs']);
    // dependency-cruiser reports both under the bare name.
    expect(reported('shared/util/node-fs.ts')).toEqual(['no-node-built-ins-in-pure-code → fs']);
  });

  it('refuse an import cycle', () => {
    expect(reported('electron/core/sync/ping.ts')).toContain('no-circular → electron/core/sync/pong.ts');
  });

  it('let through what a folder lists', () => {
    expect(reported('electron/core/sync/engine.ts')).toEqual([]);
    expect(reported('electron/main/starts-core.ts')).toEqual([]);
  });
});
