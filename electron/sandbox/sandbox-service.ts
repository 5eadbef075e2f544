import path from 'node:path';
import { copyDatabaseTemplate } from './database-template';
import { lockDataFolder } from '../../server/src/store/folder-lock';
import { seedSandbox } from '../../server/src/ops/seed-sandbox';
import { ensureSandboxAdmin, openSandboxSession, touchSandboxSession } from '../../server/src/services/sandbox/sandbox-admin';
import { startPlanService, type PlanService } from '../../server/src/start';

export interface SandboxPlanServiceOptions {
  /** The app's data folder; the service keeps its database, SSN key and mail in `<dataDir>/plan-service`. */
  dataDir: string;
  /** The day the sandbox data set is dated from (YYYY-MM-DD), for tests; defaults to today (UTC). */
  today?: string;
  /** The empty database folder the build makes (database-template.ts); without it a first start runs initdb. */
  databaseTemplate?: string;
  /** One line per start, with timings and counts only (never member data). */
  log?: (line: string) => void;
}

export interface SandboxPlanService {
  /** Where it listens, on 127.0.0.1 and a free port. */
  url: string;
  /** A bearer token of a fresh session of the sandbox administrator. */
  token: string;
  close(): Promise<void>;
}

/**
 * A high ceiling instead of the public service's 1,200 requests a minute: the only client is this
 * desktop's own core, and throttling it would just stall a bulk action.
 */
const LOCAL_CLIENT_LIMITS = { global: 100_000 };
/** Well inside the session's 12-hour idle limit (touchSandboxSession). */
const SESSION_TOUCH_MS = 60 * 60 * 1000;

/**
 * The desktop's embedded sandbox plan: the real plan service on PGlite, on loopback, loaded with
 * the sandbox groups (on the first start only; seeding is idempotent) and signed in as the sandbox
 * administrator, who holds primary_admin on every sandbox group. The core syncs with it exactly as
 * it would with a remote plan service.
 */
export async function startSandboxPlanService(options: SandboxPlanServiceOptions): Promise<SandboxPlanService> {
  const started = performance.now();
  const serviceDir = path.join(options.dataDir, 'plan-service');
  // The plan service's own lock, taken before the template is copied in, so two apps never copy at once.
  const lock = await lockDataFolder(serviceDir, 'GroupDesk sandbox');
  let service: PlanService | undefined;
  // Until the service owns the lock, releasing it is ours to do.
  const stop = async (): Promise<void> => {
    if (service) await service.close();
    else await lock.release();
  };
  try {
    const fromTemplate = options.databaseTemplate !== undefined && (await copyDatabaseTemplate(serviceDir, options.databaseTemplate));
    const running = await startPlanService({ dataDir: serviceDir, folderLock: lock, purpose: 'GroupDesk sandbox', mailDir: path.join(serviceDir, 'mail'), host: '127.0.0.1', port: 0, limits: LOCAL_CLIENT_LIMITS });
    service = running;
    const opened = performance.now();
    const now = new Date();
    const seeded = await seedSandbox(running.db, { cipher: running.ssnCipher, bankCipher: running.bankCipher, now, operator: 'ops:sandbox', ...(options.today === undefined ? {} : { today: options.today }) });
    await ensureSandboxAdmin(
      running.db,
      seeded.map((group) => group.groupNumber),
      now,
    );
    const { token } = await openSandboxSession(running.db, now);
    const signedIn = performance.now();
    const loaded = seeded.reduce((n, group) => n + group.loaded, 0);
    const ms = (from: number, to = performance.now()): number => Math.round(to - from);
    const seeding = loaded > 0 ? `, loaded ${loaded} members in ${ms(opened, signedIn)} ms` : '';
    options.log?.(`[sandbox] plan service ready in ${ms(started)} ms (database ${ms(started, opened)} ms${fromTemplate ? ' from the template' : ''}${seeding})`);
    const keepAlive = setInterval(() => void touchSandboxSession(running.db, token, new Date()).catch(() => undefined), SESSION_TOUCH_MS);
    keepAlive.unref();
    let closing: Promise<void> | undefined;
    return {
      url: running.url,
      token,
      close: () => {
        clearInterval(keepAlive);
        return (closing ??= stop());
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
