import type { GroupDeskBridge } from '@shared/contract/bridge';

/** The Electron preload's `window.groupdesk`, if this page runs in GroupDesk's own window. */
export function findBridge(target: object): GroupDeskBridge | null {
  const candidate = (target as { groupdesk?: unknown }).groupdesk;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { call, onEvent } = candidate as Partial<GroupDeskBridge>;
  return typeof call === 'function' && typeof onEvent === 'function' ? (candidate as GroupDeskBridge) : null;
}
