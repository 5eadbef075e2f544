import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { migrate, type ScriptRunner } from './migrate';
import { lockDataFolder, type FolderLock } from './folder-lock';

/** Both drivers answer `execute()` with an object carrying `rows`; this is what code may rely on. */
export interface RowsQueryResultHKT extends PgQueryResultHKT {
  type: RowsResult<this['row']>;
}
type RowsResult<Row> = { rows: (Row extends Record<string, unknown> ? Row : Record<string, unknown>)[] };

/** The plan service's database, whichever backend is under it. A transaction (`tx`) is one too. */
export type Db = PgDatabase<RowsQueryResultHKT, typeof schema>;
export type Backend = 'pglite' | 'postgres';

export interface OpenDatabaseOptions {
  /** The service's data folder; PGlite keeps its files in `<dataDir>/pglite`. Without it (and without databaseUrl) the database lives in memory. */
  dataDir?: string;
  /** `postgres://…`: use PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /** What the lock on the data folder says this process is doing (`plan service`, `ops approve`). */
  purpose?: string;
  /**
   * The data folder's lock, when the caller took it already to prepare the folder; the database
   * then owns it and releases it on close (or when opening fails).
   */
  lock?: FolderLock;
}

export interface OpenedDatabase {
  db: Db;
  backend: Backend;
  close(): Promise<void>;
}

/** Opens the database and brings its schema up to date before anyone can use it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const opened = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir, options);
  try {
    await migrate(opened.runner);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return { db: opened.db, backend: opened.backend, close: opened.close };
}

type Opened = OpenedDatabase & { runner: ScriptRunner };

/** PGlite's own folder inside the data folder, beside the SSN key and the mail folder. */
export const pgliteDir = (dataDir: string): string => path.join(dataDir, 'pglite');

/**
 * Exactly one process may have a PGlite folder open: two would both write its files and corrupt
 * them. So opening one takes the data folder's lock first, and closing gives it back.
 */
async function openPglite(dataDir: string | undefined, options: Pick<OpenDatabaseOptions, 'purpose' | 'lock'>): Promise<Opened> {
  if (!dataDir) return withClient(await PGlite.create(), async () => undefined);
  const lock = options.lock ?? (await lockDataFolder(dataDir, options.purpose ?? 'plan service database'));
  try {
    await mkdir(pgliteDir(dataDir), { recursive: true });
    return withClient(await PGlite.create(pgliteDir(dataDir)), () => lock.release());
  } catch (error) {
    await lock.release();
    throw error;
  }
}

function withClient(client: PGlite, afterClose: () => Promise<void>): Opened {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const runner: ScriptRunner = (work) =>
    client.transaction((tx) =>
      work({
        exec: async (text) => void (await tx.exec(text)),
        query: async <T>(text: string, params: unknown[]) => (await tx.query<T>(text, params)).rows,
      }),
    );
  const close = async (): Promise<void> => {
    try {
      await client.close();
    } finally {
      await afterClose();
    }
  };
  return { db, backend: 'pglite', runner, close };
}

async function openPostgres(databaseUrl: string): Promise<Opened> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client's network error must not crash the service; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end();
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(databaseUrl)}: ${(error as Error).message}`, { cause: error });
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const runner: ScriptRunner = async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({
        // Without parameters pg uses the simple protocol, which runs a multi-statement script.
        exec: async (text) => void (await client.query(text)),
        query: async <T>(text: string, params: unknown[]) => (await client.query(text, params)).rows as T[],
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return { db, backend: 'postgres', runner, close: () => pool.end() };
}

/** A connection string without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
