import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Reload and DevTools exist only in development: a reload would drop unsaved wizard input. */
  isDev: boolean;
  notificationsOn: boolean;
  setNotifications: (on: boolean) => void;
  /** Opens an allow-listed external link (external-links.ts). */
  openLink: (url: string) => void;
  /** Shows the app's own Help page (its tasks, tutorials and the plan's contacts). */
  openHelp: () => void;
}

/** Public guidance for group administrators; the host is on the external-link allow-list. */
export const COVERAGE_GUIDE_URL = 'https://www.healthcare.gov/small-businesses/employers/';

/**
 * The application menu. macOS gets its app menu (About, Services, Hide, Quit) and a Window menu with
 * "Bring All to Front"; everyone gets Edit, so copy, paste and undo work in forms — without an Edit
 * menu the macOS shortcuts do nothing (Electron's Menu docs, "Default menu" and roles:
 * https://www.electronjs.org/docs/latest/api/menu).
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev } = options;
  // `&` marks the Alt-key mnemonic on Windows and Linux; macOS menus have none, so it is left off there.
  const top = (label: string): string => (isMac ? label : `&${label}`);
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push({ label: top('File'), submenu: [isMac ? { role: 'close' } : { role: 'quit' }] });
  template.push({
    label: top('Edit'),
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }],
  });
  template.push({
    label: top('View'),
    submenu: [
      ...(isDev ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({
    label: top('Window'),
    submenu: [
      { role: 'minimize' },
      { role: 'zoom' },
      ...(isMac ? ([{ type: 'separator' }, { role: 'front' }] satisfies MenuItemConstructorOptions[]) : [{ role: 'close' } satisfies MenuItemConstructorOptions]),
      { type: 'separator' },
      {
        label: 'Notify Me When Changes Are Rejected',
        type: 'checkbox',
        checked: options.notificationsOn,
        click: (item) => options.setNotifications(item.checked),
      },
    ],
  });
  template.push({
    role: 'help',
    submenu: [
      // F1 is where Windows and Linux users look for help; macOS's Help menu has its own search (Cmd+?).
      { label: 'GroupDesk Help', accelerator: isMac ? undefined : 'F1', click: () => options.openHelp() },
      { type: 'separator' },
      { label: 'Health Coverage for Employers (HealthCare.gov)', click: () => options.openLink(COVERAGE_GUIDE_URL) },
      ...(isMac ? [] : ([{ type: 'separator' }, { role: 'about' }] satisfies MenuItemConstructorOptions[])),
    ],
  });
  return template;
}
