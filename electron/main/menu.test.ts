import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl } from './external-links';
import { COVERAGE_GUIDE_URL, menuTemplate } from './menu';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());

const base = { appName: 'GroupDesk', notificationsOn: true, setNotifications: vi.fn(), openLink: vi.fn(), openHelp: vi.fn() };
const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
const top = (template: MenuItemConstructorOptions[]): string[] => template.map((item) => item.label ?? item.role ?? '');

describe('application menu', () => {
  it('has the macOS app menu first, with About, Hide and Quit', () => {
    const template = menuTemplate({ ...base, isMac: true, isDev: false });
    expect(top(template)).toEqual(['GroupDesk', 'File', 'Edit', 'View', 'Window', 'help']);
    expect(roles([template[0] as MenuItemConstructorOptions])).toEqual(expect.arrayContaining(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']));
    expect(roles(template)).toContain('front');
  });

  it('has no app menu elsewhere; File quits and Help has About', () => {
    const template = menuTemplate({ ...base, isMac: false, isDev: false });
    expect(top(template)).toEqual(['&File', '&Edit', '&View', '&Window', 'help']);
    expect(roles([template[0] as MenuItemConstructorOptions])).toEqual(['quit']);
    expect(roles([template[4] as MenuItemConstructorOptions])).toContain('about');
  });

  it('gives every platform the Edit roles forms need', () => {
    for (const isMac of [true, false]) {
      expect(roles(menuTemplate({ ...base, isMac, isDev: false }))).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    }
  });

  it('offers reload and DevTools only in development', () => {
    const production = roles(menuTemplate({ ...base, isMac: false, isDev: false }));
    expect(production).not.toContain('reload');
    expect(production).not.toContain('forceReload');
    expect(production).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ ...base, isMac: false, isDev: true }))).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('toggles notifications and opens only allow-listed help', () => {
    const setNotifications = vi.fn();
    const openLink = vi.fn();
    const template = menuTemplate({ ...base, isMac: false, isDev: false, setNotifications, openLink });
    const items = template.flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []));
    const toggle = items.find((item) => item.type === 'checkbox');
    expect(toggle?.checked).toBe(true);
    toggle?.click?.({ checked: false } as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
    expect(setNotifications).toHaveBeenCalledWith(false);
    items.find((item) => item.label?.includes('HealthCare.gov'))?.click?.({} as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
    expect(openLink).toHaveBeenCalledWith(COVERAGE_GUIDE_URL);
    expect(isAllowedExternalUrl(COVERAGE_GUIDE_URL)).toBe(true);
  });

  it('opens the app’s own Help from the Help menu, with F1 outside macOS', () => {
    for (const isMac of [true, false]) {
      const openHelp = vi.fn();
      const help = menuTemplate({ ...base, isMac, isDev: false, openHelp }).find((item) => item.role === 'help');
      const item = (Array.isArray(help?.submenu) ? help.submenu : []).find((i) => i.label === 'GroupDesk Help');
      expect(item?.accelerator).toBe(isMac ? undefined : 'F1');
      item?.click?.({} as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
      expect(openHelp).toHaveBeenCalledTimes(1);
    }
  });
});
