import { render } from '@testing-library/react';
import { createMemoryHistory } from '@tanstack/react-router';
import { App } from '../app/App';
import { useGroupStore } from '../state/group-store';
import { useRosterView } from '../state/roster-view-store';
import { useStatusStore } from '../state/status-store';
import { useAnnouncer } from '../state/announcer';
import { createFakeTransport } from './fake-transport';
import type { FakeTransport } from './fake-transport';

const initial = {
  group: useGroupStore.getState(),
  roster: useRosterView.getState(),
  status: useStatusStore.getState(),
  announcer: useAnnouncer.getState(),
};

/** Renders the whole app at `path` over a fresh fake transport, with every store back to its start. */
export function renderApp(path = '/', transport: FakeTransport = createFakeTransport()) {
  useGroupStore.setState({ ...initial.group, groupNumber: null }, true);
  useRosterView.setState(initial.roster, true);
  useStatusStore.setState(initial.status, true);
  useAnnouncer.setState(initial.announcer, true);
  const history = createMemoryHistory({ initialEntries: [path] });
  const view = render(<App transport={transport} history={history} />);
  return { ...view, transport, history };
}
