import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { configFromEnv, type ServiceConfig } from '../src/config';
import { runOps } from '../src/ops/run';
import { LOCK_FILE } from '../src/store/folder-lock';
import { OPERATOR_FILE } from '../src/ops/operator-file';
import { apiClient, type Api } from '../test-support/http';
import { startSmtpSink, type SmtpSink } from '../test-support/smtp-sink';
import { goodPassword, uniqueUserId } from '../test-support/fixtures';

const root = path.resolve(import.meta.dirname, '../..');

interface RunningService {
  child: ChildProcessWithoutNullStreams;
  url: string;
  api: Api;
}

/** `npm run server` as an operator runs it, on `dataDir`; resolves once it prints its URL. */
async function startService(dataDir: string, mail: SmtpSink): Promise<RunningService> {
  const child = spawn(process.execPath, ['out/server/cli.mjs'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG: 'off', SMTP_URL: mail.url } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^GroupDesk plan service listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${stderr}`)));
  });
  return { child, url, api: apiClient(url) };
}

async function stopService(service: RunningService): Promise<number | null> {
  if (service.child.exitCode !== null) return service.child.exitCode;
  const exited = once(service.child, 'exit');
  service.child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

const accessForm = (groupNumber: string) => ({
  companyName: 'Bright Bakery LLC',
  groupNumber,
  officerName: 'Robin Officer',
  officerTitle: 'Chief Financial Officer',
  contactPhone: '(555) 010-2000',
  contactEmail: 'robin@brightbakery.example',
  attestation: true,
});

/**
 * Operator commands while the plan service runs on its PGlite data folder: the service is a real
 * child process, and `ops` runs through the CLI's own code path (runOps) in this process, so the
 * command has to reach the service rather than open the folder a second time.
 */
// Two PGlite starts (initdb on a fresh folder) on a busy machine.
describe('ops beside a running plan service (PGlite)', { timeout: 180_000 }, () => {
  let dir: string;
  let mail: SmtpSink;
  let config: ServiceConfig;
  let service: RunningService;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'groupdesk-ops-beside-'));
    config = configFromEnv({ DATA_DIR: dir }, dir);
    mail = await startSmtpSink();
    await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--quiet', '--only=server'], { cwd: root });
    service = await startService(dir, mail);
  });
  afterAll(async () => {
    if (service) await stopService(service);
    await mail?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function ops(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runOps(argv, config, (l) => out.push(l), (l) => err.push(l));
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function signUp(): Promise<{ userId: string; token: string }> {
    const userId = uniqueUserId('opsbeside');
    const email = `${userId}@example.com`;
    const registered = await service.api('POST', '/v1/accounts', { body: { userId, password: goodPassword, name: 'Pat Example', email } });
    expect(registered.status).toBe(201);
    const message = await mail.waitForMail((m) => m.to.includes(email) && /verification code/i.test(m.subject));
    const code = /code is (\d{6})/.exec(message.text)?.[1];
    expect((await service.api('POST', '/v1/accounts/verify-email', { body: { userId, code } })).status).toBe(200);
    const signedIn = await service.api<{ token: string }>('POST', '/v1/sessions', { body: { userId, password: goodPassword } });
    expect(signedIn.status).toBe(201);
    return { userId, token: signedIn.body.token };
  }

  it('writes its operator file readable by its owner only, naming its process', async () => {
    const file = path.join(dir, OPERATOR_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: service.child.pid, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), token: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('creates a group through the service, lists the request the service just accepted, and an approval is seen by the next request', async () => {
    const created = await ops('create-group', '--number', '7100', '--name', 'Bright Bakery LLC', '--region', 'West', '--address', '1 Main St, Springfield, IL 62701');
    expect(created).toMatchObject({ code: 0, out: 'Created group 7100 (Bright Bakery LLC, West) offering PPO-STD.' });
    // A brand-new user ID registers at once after create-group (the service's database is the only one).
    const user = await signUp();
    const filed = await service.api<{ confirmationNumber: string }>('POST', '/v1/access-requests', { token: user.token, body: accessForm('7100') });
    expect(filed.status).toBe(201);
    const { confirmationNumber } = filed.body;

    const listed = await ops('requests');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`${confirmationNumber}  user ${user.userId}  group 7100  Bright Bakery LLC`);

    const approved = await ops('approve', confirmationNumber);
    expect(approved).toMatchObject({ code: 0, out: `Approved ${confirmationNumber}: ${user.userId} is now primary administrator of group 7100; e-mail sent.` });
    const me = await service.api<{ groups: { groupNumber: string; role: string }[] }>('GET', '/v1/me', { token: user.token });
    expect(me.body.groups).toEqual([expect.objectContaining({ groupNumber: '7100', role: 'primary_admin' })]);
    await mail.waitForMail((m) => m.to.includes(`${user.userId}@example.com`) && m.subject.includes('access to group 7100 is ready'));
  });

  it('refuses a second service on the same folder, naming the folder and the process that holds it', async () => {
    const second = spawn(process.execPath, ['out/server/cli.mjs'], { cwd: root, env: { ...process.env, DATA_DIR: dir, PORT: '0', LOG: 'off' } });
    let stderr = '';
    second.stderr.setEncoding('utf8');
    second.stderr.on('data', (chunk: string) => (stderr += chunk));
    const [code] = (await once(second, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `The data folder ${dir} is in use by process ${service.child.pid} (plan service). Stop it before starting another service on this folder, or give this one its own DATA_DIR; ops commands reach the running one.`,
    );
    // The running service is untouched.
    expect((await service.api('GET', '/v1/openapi.json')).status).toBe(200);
  });

  it('prints the same as the CLI on its own, once the service has stopped and released the folder', async () => {
    const invocations: string[][] = [
      ['requests'],
      ['requests', '--json'],
      ['approve'],
      ['reject', 'PA-2026-999999', '--reason', 'No such company'],
      ['create-group', '--number', '7100', '--name', 'Again', '--region', 'West', '--address', '1 Main St, Springfield, IL 62701'],
      ['issue-invoice', '--group', '7100', '--period', 'someday'],
    ];
    const throughService = [];
    for (const argv of invocations) throughService.push(await ops(...argv));
    expect(throughService.map((r) => r.code)).toEqual([0, 0, 2, 1, 1, 2]);

    expect(await stopService(service)).toBe(0);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(existsSync(path.join(dir, OPERATOR_FILE))).toBe(false);

    const onItsOwn = [];
    for (const argv of invocations) onItsOwn.push(await ops(...argv));
    expect(onItsOwn).toEqual(throughService);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
