import { nameSortKey } from '@shared/util/name-sort-key';
import type { Migration } from './migration';

/**
 * Names sort as a person's list does: Álvarez before Wu, Ødegaard among the O's (issue 17, item 9).
 * SQLite compares text byte by byte, which put every accented name after Z; a collation of our own
 * would have to be registered on every connection that ever touches the index. Instead each member
 * keeps sort keys of their names (shared/util/name-sort-key.ts), written with the row wherever names
 * are written (member-row.ts, members-repository.ts, remote-members.ts), and the name indexes of 0002
 * and 0004 are rebuilt on the keys, so the roster still reads its pages from an index.
 */
const nameKeys = ['last_name_key', 'first_name_key', 'member_id'];
const sortIndexes: Record<string, { keys: string[]; subscribersOnly: boolean }> = {
  members_by_last_name: { keys: nameKeys, subscribersOnly: false },
  subscribers_by_last_name: { keys: nameKeys, subscribersOnly: true },
  subscribers_by_first_name: { keys: ['first_name_key', 'last_name_key', 'member_id'], subscribersOnly: true },
  subscribers_by_date_of_birth: { keys: ['date_of_birth', ...nameKeys], subscribersOnly: true },
  subscribers_by_tier: { keys: [`CASE tier WHEN 'EMP' THEN 0 WHEN 'ESP' THEN 1 WHEN 'ECH' THEN 2 ELSE 3 END`, ...nameKeys], subscribersOnly: true },
  subscribers_by_effective_date: { keys: ['effective_date', ...nameKeys], subscribersOnly: true },
  subscribers_by_termination_date: { keys: [`coalesce(termination_date, '9999-12-31')`, ...nameKeys], subscribersOnly: true },
};

export const nameCollation: Migration = {
  version: 13,
  name: '0013_name_collation',
  up: (db) => {
    db.exec(`
      ALTER TABLE members ADD COLUMN last_name_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE members ADD COLUMN first_name_key TEXT NOT NULL DEFAULT '';
    `);
    // Members written before this step get their keys; new ones are written with them.
    const rows = db.prepare('SELECT id, first_name, last_name FROM members').all() as { id: number; first_name: string; last_name: string }[];
    const setKeys = db.prepare('UPDATE members SET last_name_key = ?, first_name_key = ? WHERE id = ?');
    for (const row of rows) setKeys.run(nameSortKey(row.last_name), nameSortKey(row.first_name), row.id);
    // Names and expressions are the constants above.
    for (const [name, index] of Object.entries(sortIndexes)) {
      db.exec(`DROP INDEX ${name}`);
      db.exec(`CREATE INDEX ${name} ON members (group_number, ${index.keys.join(', ')})${index.subscribersOnly ? ` WHERE relationship = 'subscriber'` : ''}`);
    }
  },
};
