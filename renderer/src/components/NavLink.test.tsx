import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../test-support/render-app';
import { iconRailQuery } from './NavLink';

/** A window as narrow as the icon rail's breakpoint (800 px, or 200% zoom): only that query matches. */
function narrowWindow() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === iconRailQuery,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('Main navigation', () => {
  it('names each icon of the narrow window’s rail in a tooltip on keyboard focus', async () => {
    narrowWindow();
    const user = userEvent.setup();
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const members = await within(nav).findByRole('link', { name: 'Members' });
    while (document.activeElement !== members) await user.tab();
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Members');
    await user.tab();
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Activity');
  });

  it('shows no tooltip where the names are on screen', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const members = await within(nav).findByRole('link', { name: 'Members' });
    while (document.activeElement !== members) await user.tab();
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('draws a different icon for every item', async () => {
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('link', { name: 'Users' });
    const icons = within(nav)
      .getAllByRole('link')
      .map((link) => link.querySelector('svg')?.innerHTML);
    expect(icons.length).toBeGreaterThan(4);
    expect(new Set(icons).size).toBe(icons.length);
  });
});
