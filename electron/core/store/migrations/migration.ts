import type { Database } from 'better-sqlite3';

/**
 * One step of the local schema. `version` is what `PRAGMA user_version` reads once the step has run;
 * steps run in order, all pending ones inside one transaction (store/migrate.ts).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
