import { existsSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, pgliteDir } from '../../server/src/store/db';

/**
 * A fresh PGlite database spends most of the sandbox's first start in initdb (several seconds). So
 * the build makes one database with the plan service's schema and puts its folder beside the worker
 * (out/sandbox/plan-service-template/), and a first start copies it instead.
 */
export const TEMPLATE_DIR = 'plan-service-template';

/** Makes the template at `dir`: an initialized PGlite data folder with every migration applied, cleanly closed. */
export async function makeDatabaseTemplate(dir: string): Promise<void> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'groupdesk-plan-template-'));
  try {
    const migrated = await openDatabase({ dataDir: scratch });
    await migrated.close();
    await cp(pgliteDir(scratch), dir, { recursive: true });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Before the service's first start, copies the template to where the service keeps its database.
 * Does nothing (false) when a database is already there or there is no template (tests running
 * from source); the service then opens or creates its database as usual, and migrations bring a
 * template made by an older build up to date. Copies to a side folder and renames it, so a start
 * interrupted halfway never leaves a half-written database behind.
 */
export async function copyDatabaseTemplate(serviceDir: string, templateDir: string): Promise<boolean> {
  const target = pgliteDir(serviceDir);
  if (existsSync(target) || !existsSync(templateDir)) return false;
  const partial = `${target}.partial`;
  await rm(partial, { recursive: true, force: true });
  await cp(templateDir, partial, { recursive: true });
  await rename(partial, target);
  return true;
}
