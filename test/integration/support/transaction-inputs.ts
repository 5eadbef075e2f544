import Database from 'better-sqlite3';
import path from 'node:path';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import { defaultGroupPolicy } from '@shared/domain/default-policy';
import { firstEligibleEffectiveDate } from '@shared/domain/waiting-period';
import { addDays } from '@shared/util/dates';
import { storeFileName } from '../../../electron/core/store/open-store';

/**
 * A surname that names one test transaction: letters only (names allow no digits), so the plan
 * service's roster can be searched for it to count how many times it was applied.
 */
export function markerName(tag: number): string {
  let letters = '';
  let n = tag;
  do {
    letters = String.fromCharCode(97 + (n % 26)) + letters;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `Synctest${letters}`;
}

/**
 * SSNs the identity rules accept, in a block of their own (areas 801–897, group 01) that the
 * bulk-loaded batches (areas 700–799) never use: each tag has its own number.
 */
export const markerSsn = (tag: number): string => {
  const area = 801 + Math.floor(tag / 9999);
  if (!Number.isInteger(tag) || tag < 0 || area > 897) throw new RangeError('Marker SSNs take tags 0–969902');
  return `${area}01${String((tag % 9999) + 1).padStart(4, '0')}`;
};
/**
 * A new hire's enrollment the plan's rules accept on `today`: hired 60 days ago, coverage from the
 * first day the group's 30-day waiting period allows (inside the retro window), optionally with a
 * spouse and a child.
 */
export function enrollment(tag: number, today: string, options: { dependents?: number; ssn?: string } = {}): TransactionInput & { kind: 'enroll' } {
  const hireDate = addDays(today, -60);
  const lastName = markerName(tag);
  const address = { line1: `${100 + (tag % 800)} Canal St`, city: 'Toledo', state: 'OH', zip: '43604' };
  const dependents = [
    { relationship: 'spouse' as const, firstName: 'Robin', lastName, dateOfBirth: '1987-03-14', gender: 'F' as const, disabled: false },
    { relationship: 'child' as const, firstName: 'Sky', lastName, dateOfBirth: '2016-08-02', gender: 'U' as const, disabled: false },
  ].slice(0, options.dependents ?? 0);
  return {
    kind: 'enroll',
    request: {
      subscriber: {
        firstName: 'Casey',
        lastName,
        dateOfBirth: '1985-06-15',
        gender: 'M',
        ssn: options.ssn ?? markerSsn(tag),
        address,
        phone: '419-555-0100',
        email: null,
        hireDate,
        employmentStatus: 'FT',
      },
      planCode: tag % 2 === 0 ? 'PPO-500' : 'HMO-250',
      effectiveDate: firstEligibleEffectiveDate(hireDate, defaultGroupPolicy),
      dependents,
    },
  };
}

export interface OutboxRow {
  id: number;
  idempotencyKey: string;
  kind: string;
  status: string;
  confirmationNumber: string | null;
  error: string | null;
  /** The test marker surname (`markerName`) the transaction carries, if any. */
  marker: string | null;
}

/** The desktop's outbox rows, read from the SQLite file of a closed core. */
export function localOutbox(dataDir: string): OutboxRow[] {
  const db = new Database(path.join(dataDir, storeFileName), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare('SELECT id, idempotency_key AS idempotencyKey, kind, status, confirmation_number AS confirmationNumber, error, payload FROM outbox ORDER BY id')
      .all() as (Omit<OutboxRow, 'marker'> & { payload: string })[];
    return rows.map(({ payload, ...row }) => ({ ...row, marker: /Synctest[a-z]+/.exec(payload)?.[0] ?? null }));
  } finally {
    db.close();
  }
}
