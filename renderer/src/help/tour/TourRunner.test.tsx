import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport } from '../../test-support/fake-transport';
import { transactionStatuses, type TransactionStatus } from '@shared/contract/schemas/transaction';
import { useTourStore } from './tour-store';

/** The roster's download choices answer, so the download tour's dialog step can open. */
function transportWithDownloads() {
  const transport = createFakeTransport();
  transport.on('roster.exportChoices', () => ({ ok: true, value: { columns: ['memberId', 'lastName', 'firstName', 'status'], format: 'xlsx' } }));
  return transport;
}

/** A fresh start of the renderer: the tour store knows nobody until the app says who is signed in. */
function restartTourStore() {
  useTourStore.setState({ user: '', active: null, left: {} });
}

const popover = (name: string) => screen.findByRole('dialog', { name });
const announced = () => screen.getByRole('log', { name: 'Where you are' }).textContent;

describe('guided tour', () => {
  it('walks through a task by keyboard, into the next screen and a dialog, with each step announced', async () => {
    restartTourStore();
    const user = userEvent.setup();
    renderApp('/help/download-roster', transportWithDownloads());
    await user.click(await screen.findByRole('button', { name: 'Start the tour' }));

    // Step 1: a dialog named by its title and described by its body, focus on its action.
    const first = await popover('Open Members');
    expect(first).toHaveAccessibleDescription('Choose Members in the navigation.');
    expect(within(first).getByText('Step 1 of 4')).toBeInTheDocument();
    await waitFor(() => expect(within(first).getByRole('button', { name: 'Go to it' })).toHaveFocus());
    expect(announced()).toContain('Download a roster. Step 1 of 4: Open Members');
    expect(within(first).queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();

    // "Go to it" hands the focus to the control; using it moves the tour on when the next screen shows.
    await user.keyboard('{Enter}');
    const members = screen.getByRole('link', { name: 'Members' });
    expect(members).toHaveFocus();
    await user.keyboard('{Enter}');
    const second = await popover('Narrow the list (optional)');
    await waitFor(() => expect(within(second).getByRole('button', { name: 'Next' })).toHaveFocus());
    expect(announced()).toContain('Step 2 of 4: Narrow the list (optional)');

    // Tab goes round the popover and the highlighted toolbar only: from Next into the toolbar and back,
    // and from the toolbar's last control back to the popover's first.
    await user.tab();
    expect(screen.getByRole('searchbox', { name: 'Search members' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(second).getByRole('button', { name: 'Next' })).toHaveFocus();
    screen.getByRole('link', { name: 'Enroll an employee' }).focus();
    await user.tab();
    expect(within(second).getByRole('button', { name: 'Back' })).toHaveFocus();

  });

  it('points into the dialog the previous step opened, and ends with Done', async () => {
    restartTourStore();
    localStorage.setItem('groupdesk.tours', JSON.stringify({ 'sandbox.admin': { active: { tutorialId: 'download-roster', step: 2 }, left: { 'download-roster': 2 } } }));
    const user = userEvent.setup();
    renderApp('/members', transportWithDownloads());
    const third = await popover('Open the download');
    await user.click(within(third).getByRole('button', { name: 'Go to it' }));
    expect(screen.getByRole('button', { name: 'Download…' })).toHaveFocus();
    await user.keyboard('{Enter}');

    const fourth = await popover('Choose and download');
    await waitFor(() => expect(within(fourth).getByRole('button', { name: 'Done' })).toHaveFocus());
    expect(screen.getByRole('dialog', { name: 'Download the roster' })).toBeInTheDocument();
    expect(within(fourth).getByRole('button', { name: 'Back' })).toBeInTheDocument();
    await user.click(within(fourth).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Choose and download' })).not.toBeInTheDocument());
    expect(useTourStore.getState()).toMatchObject({ active: null, left: {} });
  });

  it('goes Back to a step to read, and is left with Escape, remembering the step for this user', async () => {
    restartTourStore();
    const user = userEvent.setup();
    renderApp('/help/download-roster', transportWithDownloads());
    await user.click(await screen.findByRole('button', { name: 'Start the tour' }));
    await popover('Open Members');
    await user.click(screen.getByRole('link', { name: 'Members' }));
    const second = await popover('Narrow the list (optional)');
    await user.click(within(second).getByRole('button', { name: 'Next' }));
    const third = await popover('Open the download');
    await user.click(within(third).getByRole('button', { name: 'Back' }));
    const again = await popover('Narrow the list (optional)');
    await waitFor(() => expect(within(again).getByRole('button', { name: 'Next' })).toHaveFocus());

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Narrow the list (optional)' })).not.toBeInTheDocument());
    expect(useTourStore.getState()).toMatchObject({ user: 'sandbox.admin', active: null, left: { 'download-roster': 1 } });
    expect(JSON.parse(localStorage.getItem('groupdesk.tours') ?? '{}')).toEqual({ 'sandbox.admin': { active: null, left: { 'download-roster': 1 } } });
  });

  it('resumes a left tour from its article, from the furthest step the screen allows', async () => {
    restartTourStore();
    localStorage.setItem('groupdesk.tours', JSON.stringify({ 'sandbox.admin': { active: null, left: { 'download-roster': 2 } } }));
    const user = userEvent.setup();
    renderApp('/help/download-roster', transportWithDownloads());
    await user.click(await screen.findByRole('button', { name: 'Resume the tour at step 3' }));
    // Help has no roster on it: the tour picks up at the first step this screen has.
    await popover('Open Members');
    await user.click(screen.getByRole('link', { name: 'Members' }));
    // Members has the download button: straight on to the step the user left at.
    const resumed = await popover('Open the download');
    expect(within(resumed).getByText('Step 3 of 4')).toBeInTheDocument();
    expect(useTourStore.getState().active).toEqual({ tutorialId: 'download-roster', step: 2 });
  });

  it('carries on after a restart at the step that was on screen', async () => {
    restartTourStore();
    localStorage.setItem('groupdesk.tours', JSON.stringify({ 'sandbox.admin': { active: { tutorialId: 'download-roster', step: 2 }, left: {} } }));
    renderApp('/members', transportWithDownloads());
    const step = await popover('Open the download');
    expect(within(step).getByText('Step 3 of 4')).toBeInTheDocument();
  });

  it('keeps each user’s tours apart, and reads nothing from storage it does not understand', async () => {
    restartTourStore();
    localStorage.setItem('groupdesk.tours', JSON.stringify({ 'another.user': { active: { tutorialId: 'download-roster', step: 2 }, left: {} } }));
    renderApp('/members', transportWithDownloads());
    await screen.findByRole('button', { name: 'Download…' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    restartTourStore();
    localStorage.setItem('groupdesk.tours', '{"sandbox.admin": {"active": "step 3"}}');
    useTourStore.getState().setUser('sandbox.admin');
    expect(useTourStore.getState()).toMatchObject({ active: null, left: {} });
  });

  it('starts from the empty state of a screen, where the screen itself is the first step', async () => {
    restartTourStore();
    const user = userEvent.setup();
    const transport = createFakeTransport();
    const none = Object.fromEntries(transactionStatuses.map((s) => [s, 0])) as Record<TransactionStatus, number>;
    transport.on('transactions.list', () => ({ ok: true, value: { total: 0, items: [], countsByStatus: none } }));
    transport.on('drafts.list', () => ({ ok: true, value: [] }));
    renderApp('/activity', transport);
    await user.click(await screen.findByRole('button', { name: 'Take the tour: how changes reach the plan' }));
    const first = await popover('Online or offline');
    expect(within(first).getByText('Step 1 of 3')).toBeInTheDocument();
    await user.click(within(first).getByRole('button', { name: 'Next' }));
    // Activity is open already: using its link moves on at once.
    const second = await popover('Open Activity');
    expect(within(second).queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Activity' }));
    expect(await popover('Every change and its status')).toBeInTheDocument();
  });
});
