import { randomBytes } from 'node:crypto';
import { register } from 'node:module';
import pg from 'pg';
import type { Backend } from '../../server/src/store/db';
import type { PlanService } from '../../server/src/start';
import type { NewGroupInput } from '../../server/src/services/groups/create-group';
import type { SsnCipher } from '../../server/src/services/eligibility/ssn-crypto';

// The service's migrations are `.sql` text imports; teach Node to load them before importing it.
register('./sql-text-hooks.mjs', import.meta.url);

/** The plan service's modules, imported once the `.sql` hook is in place. */
export async function serverModules() {
  const [start, groups, roles, sessions, schema, bulk, changes, crypto, issue] = await Promise.all([
    import('../../server/src/start'),
    import('../../server/src/services/groups/create-group'),
    import('../../server/src/services/groups/grant-role'),
    import('../../server/src/services/accounts/sessions'),
    import('../../server/src/store/schema'),
    import('../../server/src/services/sandbox/bulk-load'),
    import('../../server/src/services/changes/read-page'),
    import('../../server/src/services/eligibility/ssn-crypto'),
    import('../../server/src/services/billing/issue-invoice'),
  ]);
  return { ...start, ...groups, ...roles, ...sessions, ...schema, ...bulk, ...changes, ...crypto, ...issue };
}

/**
 * The PostgreSQL server the benchmarks may create scratch databases on: DATABASE_URL, else the
 * TEST_DATABASE_URL that CI sets for the service's tests (so CI's smoke run covers PostgreSQL too).
 */
export function benchDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

/** The backends to measure: PGlite always, PostgreSQL when there is a server to measure on. */
export function benchBackends(): Backend[] {
  return benchDatabaseUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

export interface BenchService {
  service: PlanService;
  /** The service's SSN key (hex), for another service process opening the same database. */
  ssnKey: string;
  /** Where another service process finds the same database: PGlite's folder or PostgreSQL's URL. */
  database: { dataDir: string } | { databaseUrl: string } | null;
  /** A bearer token of a primary administrator of `groupNumber`, and that administrator's user ID. */
  token: string;
  userId: string;
  /** The service's SSN cipher, for loading members in bulk beside it. */
  cipher: SsnCipher;
  /** Stops the service; on PostgreSQL also drops the scratch database. */
  close(): Promise<void>;
  /** Stops the service and leaves the database for another process (`database`); `dispose` drops it afterwards. */
  closeService(): Promise<void>;
  dispose(): Promise<void>;
}

const operator = { actorUserId: 'ops:bench', sessionId: null, ip: null };

/**
 * The real plan service on 127.0.0.1 with one group and a signed-in administrator. On PostgreSQL it
 * runs in a scratch database created on the benchDatabaseUrl() server and dropped afterwards. Rate limits
 * are lifted: the benchmark is the only client. On PGlite the database is in memory unless `dataDir`
 * names a folder for it (so another process can open it once this service is closed).
 */
export async function startBenchService(backend: Backend, group: NewGroupInput, dataDir?: string): Promise<BenchService> {
  const { startPlanService, createGroup, grantRole, createSession, users, ssnCipher } = await serverModules();
  const scratch = backend === 'postgres' ? await createScratch() : null;
  const ssnKey = randomBytes(32).toString('hex');
  const where = scratch ? { databaseUrl: scratch.url } : dataDir ? { dataDir } : null;
  const service = await startPlanService({ ssnKey, limits: { global: 100_000_000 }, ...where });
  const now = new Date();
  await createGroup(service.db, group, operator, now);
  const userId = 'benchadmin';
  await service.db.insert(users).values({ userId, passwordHash: 'not-used', name: 'Bench Admin', email: 'bench@example.com', emailVerifiedAt: now, passwordChangedAt: now, createdAt: now });
  await service.db.transaction((tx) => grantRole(tx, { userId, groupNumber: group.groupNumber, role: 'primary_admin' }, operator, now));
  const { token } = await createSession(service.db, userId, '127.0.0.1', now);
  return {
    service,
    ssnKey,
    database: where,
    token,
    userId,
    cipher: ssnCipher(Buffer.from(ssnKey, 'hex')),
    async close() {
      await service.close();
      await scratch?.drop();
    },
    closeService: () => service.close(),
    dispose: async () => {
      await scratch?.drop();
    },
  };
}

async function createScratch(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = benchDatabaseUrl();
  if (serverUrl === undefined) throw new Error('PostgreSQL was asked for without DATABASE_URL or TEST_DATABASE_URL');
  const name = `groupdesk_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  // CREATE DATABASE takes no parameters; the name is ours (hex).
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export const benchPlans: NewGroupInput['plans'] = [
  { code: 'PPO-500', name: 'PPO 500', kind: 'PPO', rates: { EMP: 52_000, ESP: 104_000, ECH: 93_600, FAM: 150_800 } },
  { code: 'HMO-250', name: 'HMO 250', kind: 'HMO', rates: { EMP: 41_000, ESP: 82_000, ECH: 73_800, FAM: 118_900 } },
];

export function benchGroupInput(groupNumber: string): NewGroupInput {
  return { groupNumber, name: `Bench Employer ${groupNumber}`, address: { line1: '1 Bench Way', city: 'Columbus', state: 'OH', zip: '43215' }, region: 'Central Ohio', plans: benchPlans };
}
