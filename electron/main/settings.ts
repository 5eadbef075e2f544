import Store from 'electron-store';
import { z } from 'zod';

/** Bump when a stored shape changes, and migrate by hand in `openSettings` (see below). */
export const SETTINGS_SCHEMA_VERSION = 1;

export const windowBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(16384),
  height: z.number().int().min(300).max(16384),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

export const preferencesSchema = z.object({
  /** OS notifications (rejected changes) while GroupDesk is in the background; toggled in the Window menu. */
  notifications: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_WINDOW_BOUNDS: WindowBounds = { width: 1280, height: 820, maximized: false };
export const DEFAULT_PREFERENCES: Preferences = { notifications: true };

interface StoredSettings {
  schemaVersion: number;
  windowBounds: unknown;
  preferences: unknown;
}

export interface Settings {
  windowBounds(): WindowBounds;
  /** Saves valid bounds; a nonsense size (say, from a minimized window on some desktops) is skipped. */
  setWindowBounds(bounds: WindowBounds): void;
  preferences(): Preferences;
  setPreferences(preferences: Preferences): void;
}

/**
 * Window bounds and preferences in `<userData>/settings.json` (electron-store 11, main process only,
 * bundled into the CJS main because it is ESM-only — docs/electron-host-rules.md#settings-electron-store). Construct after ready and
 * after any `app.setName`/`setPath`: the file's folder comes from userData.
 *
 * Each value is parsed with zod on read, and a bad one falls back to its default alone, so a
 * hand-edited width does not reset the preferences. That is why there is no ajv `schema`: with
 * `clearInvalidConfig`, one schema violation would clear the whole file. `clearInvalidConfig` still
 * covers a file that is not JSON at all. electron-store's `migrations` option is unsupported by its
 * author, so `schemaVersion` is kept and migrated by hand.
 */
export function openSettings(options: { cwd?: string } = {}): Settings {
  const store = new Store<StoredSettings>({
    name: 'settings',
    clearInvalidConfig: true,
    defaults: { schemaVersion: SETTINGS_SCHEMA_VERSION, windowBounds: DEFAULT_WINDOW_BOUNDS, preferences: DEFAULT_PREFERENCES },
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  // Version 1 is the first, so there is nothing to migrate yet. A file from a newer GroupDesk keeps its
  // number (never downgraded) and is read value by value like any other.
  const stored = store.get('schemaVersion');
  if (typeof stored !== 'number' || stored < SETTINGS_SCHEMA_VERSION) store.set('schemaVersion', SETTINGS_SCHEMA_VERSION);

  const read = <T>(key: 'windowBounds' | 'preferences', schema: z.ZodType<T>, fallback: T): T => {
    const parsed = schema.safeParse(store.get(key));
    return parsed.success ? parsed.data : fallback;
  };
  return {
    windowBounds: () => read('windowBounds', windowBoundsSchema, DEFAULT_WINDOW_BOUNDS),
    setWindowBounds: (bounds) => {
      const parsed = windowBoundsSchema.safeParse(bounds);
      if (parsed.success) store.set('windowBounds', parsed.data);
    },
    preferences: () => read('preferences', preferencesSchema, DEFAULT_PREFERENCES),
    setPreferences: (preferences) => store.set('preferences', preferencesSchema.parse(preferences)),
  };
}
