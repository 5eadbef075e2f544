/**
 * The two IPC channels between the preload and main. Both carry the `gd:` prefix that main's one
 * `handle()` wrapper requires (electron/main/ipc.ts). This file has no imports so the sandboxed
 * preload bundle stays a single file that requires only `electron`, all a sandboxed preload can require.
 */
export const CHANNEL_PREFIX = 'gd:';
/** renderer → main → core: `{ method, input }` in, a `Result` envelope out. */
export const CALL_CHANNEL = 'gd:call';
/** main → renderer: core events and host events (deep links). */
export const EVENT_CHANNEL = 'gd:event';
/** renderer → main: save a core file through the OS save dialog. */
export const SAVE_FILE_CHANNEL = 'gd:save-file';
/** renderer → main: choose a file in the OS open dialog and hand a copy to the core. */
export const OPEN_FILE_CHANNEL = 'gd:open-file';
