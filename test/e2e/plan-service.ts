import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../../server/test-support/smtp-sink';
import { apiClient, type Api } from '../../server/test-support/http';
import { createScratchDatabase, type ScratchDatabase } from '../../server/test-support/backends';
import { goodPassword } from '../../server/test-support/fixtures';

/** Someone with an account at the plan service (registered and verified unless the test does it). */
export interface E2eUser {
  userId: string;
  name: string;
  email: string;
  password: string;
}

/** One address's mail, read oldest first: each message is handed out once, so a resent code is the next one. */
export interface Inbox {
  next(subject: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
}

export interface E2ePlanService {
  url: string;
  /** The seeded primary administrator of both sandbox groups. */
  userId: string;
  password: string;
  admin: E2eUser;
  mail: SmtpSink;
  api: Api;
  inbox(address: string): Inbox;
  /** Runs an operator command (`npm run server -- ops …`) and returns what it printed. */
  ops(...args: string[]): Promise<string>;
  /** Registers the user and verifies the mailed code over the API, as a user who already did it elsewhere. */
  registerUser(user: E2eUser): Promise<void>;
  /** A bearer token for the user, for checking what the service itself allows. */
  signIn(user: Pick<E2eUser, 'userId' | 'password'>): Promise<string>;
  /** Stops the service (the app sees it go offline); its data folder and port are kept. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'out', 'server', 'cli.mjs');

let people = 0;
/** A person with a user ID and e-mail address unique to this run; their password is the suites' good one. */
export function newPerson(first: string, last: string): E2eUser {
  const userId = `${first}.${last}.${Date.now().toString(36)}${(people++).toString(36)}`.toLowerCase().slice(0, 32);
  return { userId, name: `${first} ${last}`, email: `${userId}@example.com`, password: goodPassword };
}

/** How the service shows an address it mailed: `j***@example.com`. */
export const maskedEmail = (email: string): string => `${email.slice(0, 1)}***${email.slice(email.lastIndexOf('@'))}`;

const found = (pattern: RegExp, mail: ReceivedMail, what: string): string => {
  const match = pattern.exec(mail.text)?.[1];
  if (!match) throw new Error(`No ${what} in the mail "${mail.subject}":\n${mail.text}`);
  return match;
};
export const verificationCodeIn = (mail: ReceivedMail): string => found(/code is (\d{6})/, mail, 'verification code');
export const verificationLinkIn = (mail: ReceivedMail): string => found(/(https?:\/\/\S+\/verify\?token=\S+)/, mail, 'verification link');
/** Formatted as the mail shows it, `ABCD-EFGH-JKMN` (shared/plan-api/invitations ACCESS_CODE_ALPHABET). */
export const accessCodeIn = (mail: ReceivedMail): string => found(/\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\b/, mail, 'access code');

/**
 * A real plan service for the journeys: the built service (`out/server/cli.mjs`, as `npm run server`
 * runs it) with the sandbox groups seeded by the operator command, mail to an SMTP sink, and an
 * administrator who registered, verified the mailed code, asked for primary administrator access to
 * both groups and was approved with `ops approve` — the path a real customer takes. It runs on
 * PostgreSQL (a scratch database) when TEST_DATABASE_URL names a server, as CI does, and on PGlite in
 * a temporary folder otherwise. It can be stopped and started on the same port, so the app sees it go
 * away and come back.
 */
export async function startE2ePlanService(options: { today: string }): Promise<E2ePlanService> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-e2e-plan-'));
  const database: ScratchDatabase | null = process.env.TEST_DATABASE_URL ? await createScratchDatabase() : null;
  const mail = await startSmtpSink();
  let port = 0;
  let child: ChildProcess | null = null;
  // On PostgreSQL the service runs as in production, where the SSN key must come from outside its data folder.
  const ssnKey = randomBytes(32).toString('hex');
  const env = () => ({ ...process.env, DATA_DIR: dataDir, PORT: String(port), SMTP_URL: mail.url, LOG: 'off', SSN_KEY: ssnKey, ...(database ? { DATABASE_URL: database.url } : {}) });

  // Asynchronous on purpose: a command that mails (approve, invitations) talks to the SMTP sink in
  // this process, which a blocking spawn would leave unanswered until nodemailer gives up.
  const runOps = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const run = spawn(process.execPath, [cli, 'ops', ...args], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      run.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      run.once('error', reject);
      run.once('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`ops ${args.join(' ')} exited with ${code}: ${stderr}`))));
    });
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
  const ops = async (...args: string[]) => {
    // On PostgreSQL the operator works beside the running service, as in production, and the
    // service hears the change (LISTEN/NOTIFY). PGlite is one process's folder: the service stops
    // for the command and comes back on the same port, and the app reconnects.
    if (database || child === null) return runOps(args);
    await stop();
    try {
      return await runOps(args);
    } finally {
      await start();
    }
  };

  // Seeding before the service starts: PGlite is one process's folder.
  await runOps(['seed-sandbox', '--today', options.today]);
  await start();
  const url = `http://127.0.0.1:${port}`;
  const call = apiClient(url);
  const inbox = (address: string): Inbox => {
    const handedOut = new Set<ReceivedMail>();
    const to = address.toLowerCase();
    return {
      async next(subject, timeoutMs) {
        const message = await mail.waitForMail((m) => !handedOut.has(m) && m.to.includes(to) && subject.test(m.subject), timeoutMs);
        handedOut.add(message);
        return message;
      },
    };
  };
  const registerUser = async (user: E2eUser) => {
    const registered = await call('POST', '/v1/accounts', { body: { userId: user.userId, password: user.password, name: user.name, email: user.email } });
    if (registered.status !== 201) throw new Error(`register ${user.userId}: ${registered.status} ${JSON.stringify(registered.body)}`);
    const code = verificationCodeIn(await inbox(user.email).next(/verification code/i));
    const verified = await call('POST', '/v1/accounts/verify-email', { body: { userId: user.userId, code } });
    if (verified.status !== 200) throw new Error(`verify ${user.userId}: ${verified.status} ${JSON.stringify(verified.body)}`);
  };
  const signIn = async (user: Pick<E2eUser, 'userId' | 'password'>) => {
    const session = await call<{ token: string }>('POST', '/v1/sessions', { body: { userId: user.userId, password: user.password } });
    if (session.status !== 201) throw new Error(`sign in ${user.userId}: ${session.status} ${JSON.stringify(session.body)}`);
    return session.body.token;
  };

  const admin: E2eUser = { userId: 'hr.admin', name: 'Dana Whitfield', email: 'hr.admin@example.com', password: goodPassword };
  await registerUser(admin);
  const token = await signIn(admin);
  const confirmations: string[] = [];
  for (const [groupNumber, companyName] of [
    ['100234', 'Riverbend Logistics'],
    ['100871', 'Allegheny Valley Dental'],
  ] as const) {
    const requested = await call<{ confirmationNumber: string }>('POST', '/v1/access-requests', {
      token,
      body: { companyName, groupNumber, officerName: 'Morgan Lee', officerTitle: 'Chief Financial Officer', contactPhone: '412-555-0140', contactEmail: admin.email, attestation: true },
    });
    if (requested.status !== 201) throw new Error(`access request: ${requested.status} ${JSON.stringify(requested.body)}`);
    confirmations.push(requested.body.confirmationNumber);
  }
  await call('DELETE', '/v1/sessions/current', { token });
  // Both approvals in one pause of a PGlite service.
  if (!database) await stop();
  for (const confirmation of confirmations) await runOps(['approve', confirmation]);
  if (!database) await start();
  return {
    url,
    userId: admin.userId,
    password: admin.password,
    admin,
    mail,
    api: call,
    inbox,
    ops,
    registerUser,
    signIn,
    stop,
    start,
    async close() {
      await stop();
      await mail.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
