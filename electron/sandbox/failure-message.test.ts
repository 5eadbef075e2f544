import { describe, expect, it } from 'vitest';
import { failureMessage } from './failure-message';
import { DataFolderInUseError } from '../../server/src/store/folder-lock';

describe('failureMessage', () => {
  it('names the kind of error and a system or database code, never the text', () => {
    const duplicate = Object.assign(new Error('duplicate key value violates unique constraint "members_pkey": Key (member_id)=(100234001) already exists'), { code: '23505' });
    expect(failureMessage(duplicate)).toBe('Error 23505. Restart GroupDesk to try again; your data is kept.');
    const full = Object.assign(new Error("ENOSPC: no space left on device, write '/home/pat.jones/.config/GroupDesk/plan-service'"), { code: 'ENOSPC' });
    expect(failureMessage(full)).toBe('Error ENOSPC. Restart GroupDesk to try again; your data is kept.');
  });

  it('says in plain words when another GroupDesk has the sandbox open', () => {
    const inUse = new DataFolderInUseError('/home/pat.jones/.config/GroupDesk/plan-service', { pid: 4321, id: 'other', purpose: 'GroupDesk sandbox' });
    const message = failureMessage(inUse);
    expect(message).toMatch(/^Another GroupDesk .* is using the sandbox in this data folder\. Close it, then restart GroupDesk\.$/);
    expect(message).not.toContain('pat.jones');
  });

  it('leaves out a code that is not a plain identifier, and copes with non-errors', () => {
    expect(failureMessage(Object.assign(new TypeError('x'), { code: 'Jones, Pat' }))).toMatch(/^TypeError\. /);
    expect(failureMessage('a thrown string with a name in it')).toMatch(/^string\. /);
    expect(failureMessage(null)).toMatch(/^object\. /);
  });
});
