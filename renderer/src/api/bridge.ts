import type { CoreEvent, Result } from '../../../shared/contract';

/**
 * The one function set the Electron preload exposes as `window.groupdesk`. Declared structurally here
 * so the renderer depends on the shape, not on the preload's source; anything that offers these two
 * functions is accepted.
 */
export interface GroupDeskBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

export function findBridge(target: object): GroupDeskBridge | null {
  const candidate = (target as { groupdesk?: unknown }).groupdesk;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { call, onEvent } = candidate as Partial<GroupDeskBridge>;
  return typeof call === 'function' && typeof onEvent === 'function' ? (candidate as GroupDeskBridge) : null;
}
