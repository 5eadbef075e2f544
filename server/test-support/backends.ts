import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Backend } from '../src/store/db';

/**
 * Every backend the integration suites run on: PGlite always, PostgreSQL when TEST_DATABASE_URL
 * names a server (CI's throwaway cluster). Use as `describe.each(backends())('… (%s)', …)`.
 */
export function backends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with a random name on the TEST_DATABASE_URL server, so suites never collide. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: the postgres backend needs a PostgreSQL server.');
  const name = `groupdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // CREATE DATABASE takes no parameters; the name is ours (hex), escaped all the same.
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
