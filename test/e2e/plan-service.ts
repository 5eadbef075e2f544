import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startSmtpSink, type SmtpSink } from '../../server/test-support/smtp-sink';
import { apiClient } from '../../server/test-support/http';
import { goodPassword } from '../../server/test-support/fixtures';

export interface E2ePlanService {
  url: string;
  userId: string;
  password: string;
  mail: SmtpSink;
  /** Stops the service (the app sees it go offline); its data folder and port are kept. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'out', 'server', 'cli.mjs');

/**
 * A real plan service for the journeys: the built service (`out/server/cli.mjs`, as `npm run server`
 * runs it) on PGlite in a temporary folder, the sandbox groups seeded by the operator command, mail to
 * an SMTP sink, and an administrator who registered, verified the mailed code, asked for primary
 * administrator access to both groups and was approved with `ops approve` — the path a real customer
 * takes. It can be stopped and started on the same port, so the app sees it go away and come back.
 */
export async function startE2ePlanService(options: { today: string }): Promise<E2ePlanService> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-e2e-plan-'));
  const mail = await startSmtpSink();
  let port = 0;
  let child: ChildProcess | null = null;
  const env = () => ({ ...process.env, DATA_DIR: dataDir, PORT: String(port), SMTP_URL: mail.url, LOG: 'off' });
  const ops = (...args: string[]) => {
    const run = spawnSync(process.execPath, [cli, 'ops', ...args], { cwd: root, env: env(), encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`ops ${args[0]} failed: ${run.stderr}`);
    return run.stdout;
  };
  const start = async () => {
    const started = spawn(process.execPath, [cli], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: started.stdout! }).on('line', (text) => {
        if (text.startsWith('GroupDesk plan service listening on ')) resolve(text);
      });
      started.once('exit', (code) => reject(new Error(`plan service exited with ${code}: ${stderr}`)));
    });
    port = Number(new URL(line.slice('GroupDesk plan service listening on '.length)).port);
    child = started;
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exited;
  };

  // Seeding before the service starts: PGlite is one process's folder.
  ops('seed-sandbox', '--today', options.today);
  await start();
  const url = `http://127.0.0.1:${port}`;
  const api = apiClient(url);
  const userId = 'hr.admin';
  const email = 'hr.admin@example.com';
  const registered = await api('POST', '/v1/accounts', { body: { userId, password: goodPassword, name: 'Dana Whitfield', email } });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const message = await mail.waitForMail((m) => m.to.includes(email) && /verification code/i.test(m.subject));
  const code = /code is (\d{6})/.exec(message.text)?.[1];
  const verified = await api('POST', '/v1/accounts/verify-email', { body: { userId, code } });
  if (verified.status !== 200) throw new Error(`verify: ${verified.status}`);
  const signedIn = await api<{ token: string }>('POST', '/v1/sessions', { body: { userId, password: goodPassword } });
  const confirmations: string[] = [];
  for (const [groupNumber, companyName] of [
    ['100234', 'Riverbend Logistics'],
    ['100871', 'Allegheny Valley Dental'],
  ] as const) {
    const requested = await api<{ confirmationNumber: string }>('POST', '/v1/access-requests', {
      token: signedIn.body.token,
      body: { companyName, groupNumber, officerName: 'Morgan Lee', officerTitle: 'Chief Financial Officer', contactPhone: '412-555-0140', contactEmail: email, attestation: true },
    });
    if (requested.status !== 201) throw new Error(`access request: ${requested.status} ${JSON.stringify(requested.body)}`);
    confirmations.push(requested.body.confirmationNumber);
  }
  await api('DELETE', '/v1/sessions/current', { token: signedIn.body.token });
  // The operator approves while the service runs against PostgreSQL in production; PGlite is one
  // process's folder, so here the service stops for the approval.
  await stop();
  for (const confirmation of confirmations) ops('approve', confirmation);
  await start();
  return {
    url,
    userId,
    password: goodPassword,
    mail,
    stop,
    start,
    async close() {
      await stop();
      await mail.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
