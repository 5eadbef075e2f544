import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { fail, validationError } from '@shared/contract';
import type { Result } from '@shared/contract';
import { fileIdForm } from '@shared/util/file-ids';
import { FileTooLargeError, coreFilePath, deliverFile, receiveFile, safeFileName } from '../host/file-exchange';
import { OPEN_FILE_CHANNEL, SAVE_FILE_CHANNEL } from '../preload/channels';
import { handle } from './ipc';

const savePayload = z.object({ fileId: z.string().regex(fileIdForm), fileName: z.string().min(1).max(255) }).strict();
const openPayload = z
  .object({
    title: z.string().min(1).max(100),
    extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(10),
  })
  .strict();

export interface FileDialogHost {
  dataDir: string;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** Where the save dialog starts (the user's Downloads folder). */
  downloadsDir: string;
  /** The window that asked, so the dialog is modal to it (a sheet on macOS). */
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
}

/**
 * The renderer never sees a path of this computer and never names one: main shows the OS dialog,
 * and moves the file between the user's choice and the core's files folder itself.
 */
export function registerFileDialogs(ipcMain: Pick<IpcMain, 'handle'>, host: FileDialogHost): void {
  handle(ipcMain, SAVE_FILE_CHANNEL, async (payload, event): Promise<Result<unknown>> => {
    const parsed = savePayload.safeParse(payload);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error, 'Malformed save request') };
    const source = coreFilePath(host.dataDir, parsed.data.fileId);
    if (source === null) return fail('NOT_FOUND', 'That file is no longer here. Make it again.');
    const name = safeFileName(parsed.data.fileName);
    const extension = path.extname(name).slice(1);
    const options = {
      defaultPath: path.join(host.downloadsDir, name),
      ...(extension === '' ? {} : { filters: [{ name: extension.toUpperCase(), extensions: [extension] }] }),
    };
    const window = host.windowOf(event);
    const choice = window === null ? await host.dialog.showSaveDialog(options) : await host.dialog.showSaveDialog(window, options);
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { ok: true, value: null };
    await deliverFile(source, choice.filePath);
    return { ok: true, value: { savedAs: path.basename(choice.filePath) } };
  });

  handle(ipcMain, OPEN_FILE_CHANNEL, async (payload, event): Promise<Result<unknown>> => {
    const parsed = openPayload.safeParse(payload);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error, 'Malformed open request') };
    const options = {
      title: parsed.data.title,
      properties: ['openFile' as const],
      filters: [{ name: 'Accepted files', extensions: parsed.data.extensions }],
    };
    const window = host.windowOf(event);
    const choice = window === null ? await host.dialog.showOpenDialog(options) : await host.dialog.showOpenDialog(window, options);
    const chosen = choice.filePaths[0];
    if (choice.canceled || chosen === undefined) return { ok: true, value: null };
    try {
      // Opened here, inside the try, rather than by a stream that would report a missing file as an
      // 'error' event nobody listens to yet while receiveFile prepares its temporary file.
      const source = await fs.promises.open(chosen, 'r');
      const received = await receiveFile(host.dataDir, source.createReadStream());
      return { ok: true, value: { ...received, fileName: path.basename(chosen) } };
    } catch (error) {
      if (error instanceof FileTooLargeError) return fail('VALIDATION', error.message);
      if (error instanceof Error && 'code' in error && (error.code === 'EACCES' || error.code === 'ENOENT' || error.code === 'EISDIR')) {
        return fail('NOT_FOUND', 'GroupDesk could not read that file. Check that it still exists and that you may open it.');
      }
      throw error;
    }
  });
}
