import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build, type Plugin } from 'esbuild';
import type { PaymentChildPlan } from './payment-child';
import type { ChildPlan } from './sync-child';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/**
 * pdfkit is required only to print an ID-card form, yet costs a few hundred milliseconds at every
 * start when required eagerly; a hundred launches a test do not print. This loads it on first use.
 */
const lazyPdfkit: Plugin = {
  name: 'lazy-pdfkit',
  setup(context) {
    // The stand-in's own require is the real, external package.
    context.onResolve({ filter: /^pdfkit$/ }, (args) => (args.namespace === 'lazy-pdfkit' ? { path: 'pdfkit', external: true } : { path: 'pdfkit', namespace: 'lazy-pdfkit' }));
    context.onLoad({ filter: /.*/, namespace: 'lazy-pdfkit' }, () => ({
      contents: `const load = () => require('pdfkit');
        module.exports = new Proxy(function PDFDocument() {}, { construct: (_, args) => new (load())(...args), get: (_, key) => load()[key] });`,
      loader: 'js',
    }));
  },
};

/**
 * Bundles a child script of this folder (sync-child.ts unless named) into one CommonJS file in `outDir` (packages stay external and resolve from
 * the project's node_modules), as the core worker is built: a child then starts in a fraction of
 * the time tsx needs to compile the core on every one of a hundred launches.
 */
export async function bundleChild(outDir: string, entry = 'sync-child.ts'): Promise<string> {
  const outfile = path.join(outDir, entry.replace(/\.ts$/, '.cjs'));
  await build({
    entryPoints: [path.join(root, 'test', 'integration', 'support', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    absWorkingDir: root,
    loader: { '.sql': 'text' },
    plugins: [lazyPdfkit],
    logLevel: 'error',
  });
  return outfile;
}

/** When to SIGKILL: after the `count`-th line matching `counts`, once a line starting with `from` was seen (0: at that line). */
export interface KillPoint {
  from: string;
  counts: (line: string) => boolean;
  count: number;
  /** Extra milliseconds before the kill: lands it at a different point of the step that line announced. */
  delayMs: number;
}

export interface ChildRun {
  lines: string[];
  /** Ended by our SIGKILL (false when it finished before the kill point). */
  killed: boolean;
  exitCode: number | null;
  stderr: string;
}

/**
 * Runs a desktop core in a child process (sync-child.ts or payment-child.ts) and SIGKILLs it at `kill`. Resolves when
 * the process has exited. `timeoutMs` only bounds a hung child (it is killed and the run rejects).
 */
export function runChild(script: string, plan: ChildPlan | PaymentChildPlan, kill: KillPoint | null, timeoutMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(plan)], {
      cwd: root,
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    let armed = false;
    let seen = 0;
    let sentKill = false;
    const sigkill = () => {
      if (child.exitCode === null && child.signalCode === null) {
        sentKill = true;
        child.kill('SIGKILL');
      }
    };
    const fire = () => {
      if (kill === null || sentKill) return;
      if (kill.delayMs === 0) sigkill();
      else setTimeout(sigkill, kill.delayMs);
      kill = null;
    };
    const bound = setTimeout(() => {
      sigkill();
      reject(new Error(`The child core did not finish in ${timeoutMs} ms. Last lines:\n${lines.slice(-20).join('\n')}\n${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (kill === null) return;
      if (!armed) {
        if (!line.startsWith(kill.from)) return;
        armed = true;
        if (kill.count === 0) fire();
        return;
      }
      if (kill.counts(line) && ++seen >= kill.count) fire();
    });
    child.once('error', (error) => {
      clearTimeout(bound);
      reject(error);
    });
    // 'close', not 'exit': every line the child wrote has been read by then.
    child.once('close', (code, signal) => {
      clearTimeout(bound);
      resolve({ lines, killed: sentKill && signal === 'SIGKILL', exitCode: code, stderr });
    });
  });
}
