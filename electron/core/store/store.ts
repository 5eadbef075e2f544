import type { Database } from 'better-sqlite3';
import type { FieldCipher } from './field-cipher';

/** An open, migrated store and the cipher for its encrypted fields: what the services work on. */
export interface Store {
  readonly db: Database;
  readonly cipher: FieldCipher;
  readonly path: string;
}
