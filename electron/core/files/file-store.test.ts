import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '@shared/contract';
import { FileStore } from './file-store';

const newStore = () => new FileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'groupdesk-filestore-')));

describe('the core’s files folder', () => {
  it('writes a file whole, owner-only, under a fresh id', async () => {
    const store = newStore();
    const written = await store.writeNew(async (temporary) => fs.promises.writeFile(temporary, 'Member ID\r\n'));
    expect(written.bytes).toBe(11);
    expect(fs.readFileSync(store.pathOf(written.fileId), 'utf8')).toBe('Member ID\r\n');
    expect(fs.statSync(written.path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(store.folder).mode & 0o777).toBe(0o700);
  });

  it('leaves nothing behind when the writer fails half way', async () => {
    const store = newStore();
    await expect(
      store.writeNew(async (temporary) => {
        fs.writeFileSync(temporary, 'half');
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(fs.readdirSync(store.folder)).toEqual([]);
  });

  it('refuses ids it did not make and says when a file is gone', () => {
    const store = newStore();
    expect(() => store.pathOf('../groupdesk.sqlite3')).toThrow(ContractFailure);
    expect(() => store.pathOf('0f8fad5b-d9cb-469f-a165-70867728950e')).toThrow(/no longer here/);
  });

  it('sweeps files older than the age it is given, and keeps newer ones', async () => {
    const store = newStore();
    const old = await store.writeNew(async (temporary) => fs.promises.writeFile(temporary, 'old'));
    const fresh = await store.writeNew(async (temporary) => fs.promises.writeFile(temporary, 'new'));
    const now = new Date('2026-12-07T12:00:00Z');
    fs.utimesSync(old.path, new Date('2026-12-05T12:00:00Z'), new Date('2026-12-05T12:00:00Z'));
    fs.utimesSync(fresh.path, new Date('2026-12-07T11:00:00Z'), new Date('2026-12-07T11:00:00Z'));
    expect(store.sweep(now, 24 * 60 * 60 * 1000)).toBe(1);
    expect(fs.readdirSync(store.folder)).toEqual([fresh.fileId]);
  });
});
