import { createContext, useContext, useEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import type { BridgeEvent } from '@shared/contract/bridge';
import type { Transport } from './transport';
import { screenDates } from './screen-dates';

const ApiContext = createContext<Transport | null>(null);

export function ApiProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const withScreenDates = useMemo(() => screenDates(transport), [transport]);
  return <ApiContext.Provider value={withScreenDates}>{children}</ApiContext.Provider>;
}

export function useApi(): Transport {
  const transport = useContext(ApiContext);
  if (!transport) throw new Error('useApi needs an <ApiProvider> above it');
  return transport;
}

/** Runs `handler` for every core event; the latest handler is used without resubscribing. */
export function useCoreEvent(handler: (event: BridgeEvent) => void): void {
  const api = useApi();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => api.onEvent((event) => latest.current(event)), [api]);
}
