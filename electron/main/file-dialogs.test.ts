import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '@shared/contract';

// ipc.ts reaches `shell` through security.ts; the real `electron` cannot load under Node.
vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());

const appFrame = { url: 'app://bundle/index.html', parent: null };
const FILE_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

async function setUp() {
  vi.resetModules();
  const { registerFileDialogs } = await import('./file-dialogs');
  const handlers = new Map<string, (event: Electron.IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>>();
  const ipcMain = { handle: (channel: string, handler: (event: Electron.IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>) => void handlers.set(channel, handler) };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupdesk-files-'));
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupdesk-user-'));
  const dialog = {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: path.join(userDir, 'roster.csv') })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: [path.join(userDir, 'enroll.csv')] })),
  };
  registerFileDialogs(ipcMain, { dataDir, dialog: dialog as never, downloadsDir: userDir, windowOf: () => null });
  const invoke = (channel: string, payload: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`${channel} is not registered`);
    return handler({ senderFrame: appFrame } as unknown as Electron.IpcMainInvokeEvent, payload);
  };
  return { dataDir, userDir, dialog, invoke };
}

function writeCoreFile(dataDir: string, content: string): void {
  fs.mkdirSync(path.join(dataDir, 'files'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'files', FILE_ID), content);
}

describe('saving a core file through the OS dialog', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    env = await setUp();
  });

  it('offers the suggested name in Downloads, writes the chosen file whole and removes the core’s copy', async () => {
    writeCoreFile(env.dataDir, 'Member ID,Last name\r\n');
    const result = await env.invoke('gd:save-file', { fileId: FILE_ID, fileName: 'roster-100234-as-of-2026-12-01.csv' });
    expect(result).toEqual({ ok: true, value: { savedAs: 'roster.csv' } });
    expect(env.dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: path.join(env.userDir, 'roster-100234-as-of-2026-12-01.csv'), filters: [{ extensions: ['csv'] }] });
    expect(fs.readFileSync(path.join(env.userDir, 'roster.csv'), 'utf8')).toBe('Member ID,Last name\r\n');
    expect(fs.existsSync(path.join(env.dataDir, 'files', FILE_ID))).toBe(false);
    expect(fs.readdirSync(env.userDir)).toEqual(['roster.csv']);
  });

  it('answers null and keeps everything as it was when the user cancels', async () => {
    writeCoreFile(env.dataDir, 'x');
    env.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(env.invoke('gd:save-file', { fileId: FILE_ID, fileName: 'roster.csv' })).resolves.toEqual({ ok: true, value: null });
    expect(fs.existsSync(path.join(env.dataDir, 'files', FILE_ID))).toBe(true);
  });

  it('never takes a path from the page: a file id must be one of ours, and the name loses its folders', async () => {
    await expect(env.invoke('gd:save-file', { fileId: '../../etc/passwd', fileName: 'x.csv' })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    writeCoreFile(env.dataDir, 'x');
    await env.invoke('gd:save-file', { fileId: FILE_ID, fileName: '../../evil/roster.csv' });
    expect(env.dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: path.join(env.userDir, 'roster.csv') });
  });

  it('says the file is gone when the core no longer has it', async () => {
    await expect(env.invoke('gd:save-file', { fileId: FILE_ID, fileName: 'roster.csv' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(env.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('choosing a file for the core through the OS dialog', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    env = await setUp();
  });

  it('copies the chosen file into the core’s files folder and answers its id, name and size', async () => {
    fs.writeFileSync(path.join(env.userDir, 'enroll.csv'), 'Action,Member ID\n');
    const result = await env.invoke('gd:open-file', { title: 'Choose a file to import', extensions: ['834', 'csv', 'xlsx'] });
    expect(result).toMatchObject({ ok: true, value: { fileName: 'enroll.csv', bytes: 17 } });
    const { fileId } = (result as { value: { fileId: string } }).value;
    expect(fs.readFileSync(path.join(env.dataDir, 'files', fileId), 'utf8')).toBe('Action,Member ID\n');
    expect(env.dialog.showOpenDialog.mock.calls[0]?.[0]).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['834', 'csv', 'xlsx'] }] });
  });

  it('answers null when the user cancels, and a clear refusal when the file cannot be read', async () => {
    env.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(env.invoke('gd:open-file', { title: 'Import', extensions: ['csv'] })).resolves.toEqual({ ok: true, value: null });
    await expect(env.invoke('gd:open-file', { title: 'Import', extensions: ['csv'] })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Nothing is left behind: the unreadable file is refused before a temporary copy is started.
    const files = path.join(env.dataDir, 'files');
    expect(fs.existsSync(files) ? fs.readdirSync(files) : []).toEqual([]);
  });

  it('refuses extensions that are not plain words', async () => {
    await expect(env.invoke('gd:open-file', { title: 'Import', extensions: ['*'] })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
