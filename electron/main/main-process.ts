import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { createDateFormatter, pickLocale } from '@shared/util/date-format';
import type { CoreHandle, CoreOptions } from '../host/start-core';
import { APP_ENTRY_URL } from './app-url';
import { broadcast } from './core-events';
import { coreWorkerPath, nativeBindingPath, preloadPath, rendererRoot, sandboxWorkerPath } from './core-paths';
import { DEEP_LINK_SCHEME, DeepLinkInbox, findDeepLink } from './deep-links';
import { openExternalLink } from './external-links';
import { registerFileDialogs } from './file-dialogs';
import { registerCoreCalls } from './ipc';
import { menuTemplate } from './menu';
import { notify } from './notifications';
import { notificationTarget, osNotices } from './os-notices';
import { registerAppScheme, serveRenderer } from './protocol';
import { stopCoreBeforeQuit } from './quit';
import { DataKeyError, loadDataKey } from './secrets';
import type { KeyProtection } from './secrets';
import { denyAllPermissions, hardenAllWebContents } from './security';
import { openSettings } from './settings';
import type { Settings } from './settings';
import { createMainWindow, loadRenderer } from './window';

/** Equal to electron-builder's appId: Windows matches notifications to the Start-menu shortcut by it. */
export const APP_ID = 'com.groupdesk.desktop';

export interface MainProcessEnv {
  /** Folder of the main bundle (out/main); every other bundle is found from it, never from the cwd. */
  mainDir: string;
  argv: readonly string[];
  platform: NodeJS.Platform;
  /** electron/core's `startCore`: runs the core in a worker thread (passed in, so tests can fake it). */
  startCore: (options: CoreOptions) => CoreHandle;
}

/**
 * The Electron main process, in the order Electron requires (docs/electron-host-rules.md#startup-order):
 * - synchronously, before ready: privileged schemes (once), the single-instance lock, `open-url`,
 *   `second-instance`, the AppUserModelId, web-contents hardening and the quit hook;
 * - after ready: permissions, the app:// handler, settings, the data key, the core, the IPC handler
 *   (before any page loads), the menu and the window.
 */
export function runMainProcess(env: MainProcessEnv): void {
  registerAppScheme(protocol);

  // A second launch (say, a clicked groupdesk:// link on Windows) hands its argv to the first and quits
  // without doing anything else.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const links = new DeepLinkInbox();
  let mainWindow: BrowserWindow | null = null;
  let core: CoreHandle | undefined;
  /** Set once started: opens a window when macOS kept the app running without one. */
  let reopenWindow: (() => void) | undefined;

  const focusMainWindow = (): void => {
    if (mainWindow === null) {
      reopenWindow?.();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  app.on('second-instance', (_event, argv) => {
    const link = findDeepLink(argv);
    if (link !== null) links.receive(link);
    focusMainWindow();
  });
  // macOS delivers links here, including the one that launched the app, before ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    links.receive(url);
    focusMainWindow();
  });
  if (env.platform === 'win32') app.setAppUserModelId(APP_ID);
  registerDeepLinkClient();
  hardenAllWebContents(app);
  stopCoreBeforeQuit(app, () => core?.close());
  app.on('window-all-closed', () => {
    if (env.platform !== 'darwin') app.quit();
  });
  const coldStartLink = findDeepLink(env.argv);
  if (coldStartLink !== null) links.receive(coldStartLink);

  const openMainWindow = (settings: Settings): void => {
    const window = createMainWindow({ preloadPath: preloadPath(env.mainDir), settings, isDev: !app.isPackaged });
    mainWindow = window;
    window.webContents.on('did-finish-load', () => links.attach((event) => broadcast([window], event)));
    window.on('closed', () => {
      links.detach();
      mainWindow = null;
    });
    loadRenderer(window).catch((error: unknown) => console.error('[window] the renderer did not load:', error instanceof Error ? error.message : error));
  };

  const start = async (): Promise<void> => {
    denyAllPermissions(session.defaultSession);
    serveRenderer(protocol, rendererRoot(env.mainDir));
    const settings = openSettings();
    const dataDir = app.getPath('userData');
    const dataKey = await loadDataKey({ dir: dataDir, storage: safeStorage, platform: env.platform, consentToUnprotectedKey: askToStoreKeyUnprotected });
    if (dataKey.protection !== 'os') console.warn(`[secrets] the data key is stored without OS keychain protection (${dataKey.protection}); it relies on file permissions alone`);

    const nativeBinding = nativeBindingPath(env.mainDir, app.isPackaged);
    core = env.startCore({
      dataDir,
      encryptionKey: dataKey.key,
      keyHolder: 'desktop',
      workerPath: coreWorkerPath(env.mainDir),
      sandboxWorkerPath: sandboxWorkerPath(env.mainDir, app.isPackaged),
      ...(nativeBinding === undefined ? {} : { nativeBinding }),
    });
    const running = core;
    registerCoreCalls(ipcMain, running);
    registerFileDialogs(ipcMain, {
      dataDir,
      dialog,
      downloadsDir: app.getPath('downloads'),
      windowOf: (event) => BrowserWindow.fromWebContents(event.sender),
    });
    const notices = osNotices({
      enabled: () => settings.preferences().notifications,
      appFocused: () => BrowserWindow.getFocusedWindow() !== null,
      show: (title, body, onClick) => notify(title, body, onClick),
      dates: createDateFormatter(pickLocale(app.getPreferredSystemLanguages())),
      open: (notificationId) => {
        focusMainWindow();
        void notificationTarget(running, notificationId)
          .then(async (url) => {
            const window = mainWindow;
            if (url !== null && window !== null && !window.isDestroyed()) await window.loadURL(url);
          })
          .catch((error: unknown) => console.warn('[notify] could not open the notification:', error instanceof Error ? error.name : 'unknown error'));
      },
    });
    running.onEvent((event) => {
      broadcast(BrowserWindow.getAllWindows(), event);
      notices(event);
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          appName: app.getName(),
          isMac: env.platform === 'darwin',
          isDev: !app.isPackaged,
          notificationsOn: settings.preferences().notifications,
          setNotifications: (on) => settings.setPreferences({ ...settings.preferences(), notifications: on }),
          openLink: openExternalLink,
          // A change of the address's fragment only: the router moves to Help without reloading the page,
          // so a wizard's unsaved input elsewhere is not lost.
          openHelp: () => {
            focusMainWindow();
            const window = mainWindow;
            if (window !== null && !window.isDestroyed()) window.loadURL(`${APP_ENTRY_URL}#/help`).catch((error: unknown) => console.warn('[menu] could not open Help:', error instanceof Error ? error.name : 'unknown error'));
          },
        }),
      ),
    );
    openMainWindow(settings);
    // macOS keeps the app alive with no window; the Dock icon, a notification or a link opens one again.
    reopenWindow = () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow(settings);
    };
    app.on('activate', reopenWindow);
  };

  app
    .whenReady()
    .then(start)
    .catch(async (error: unknown) => {
      const detail = error instanceof DataKeyError ? error.message : `Something went wrong while starting: ${error instanceof Error ? error.message : String(error)}`;
      console.error('[startup]', detail);
      dialog.showErrorBox('GroupDesk could not start', detail);
      // exit, not quit: nothing else should run. A core that did start is closed first, so SQLite checkpoints its WAL.
      await core?.close().catch(() => undefined);
      app.exit(1);
    });
}

/**
 * Windows: NSIS does not register URL schemes, so the app does at every launch; in development the
 * registration must name the script, or Windows would start bare Electron. macOS and Linux register
 * through electron-builder's `protocols`; on Linux this call succeeds only with an installed .desktop
 * file, so the result is checked, not assumed (docs/electron-host-rules.md#deep-links).
 */
function registerDeepLinkClient(): void {
  const script = process.argv[1];
  const registered =
    process.defaultApp === true && script !== undefined ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(script)]) : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  if (!registered) console.warn(`[deep-link] ${DEEP_LINK_SCHEME}:// links are not registered with this system; verification links must be opened by hand`);
}

/** Without a keychain the key is as safe as a file: say so and let the user decide (docs/electron-host-rules.md#safestorage). */
async function askToStoreKeyUnprotected(protection: Exclude<KeyProtection, 'os'>): Promise<boolean> {
  const why = protection === 'weak' ? 'This computer has no password keyring running (GNOME Keyring or KWallet).' : 'This computer offers GroupDesk no protected storage for secrets.';
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'GroupDesk',
    message: "GroupDesk can't lock its data key in a keychain",
    detail: `${why} Social Security and bank account numbers are still encrypted, but the key that unlocks them will be protected only by your account's file permissions. If you continue, GroupDesk moves the key into a keychain as soon as one is available.`,
    buttons: ['Continue', 'Quit'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}
