import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../test-support/render-app';
import { chooseGroup } from '../test-support/choose-group';
import { useGroupStore } from '../state/group-store';
import { decemberNumber } from '../test-support/billing-fixtures';
import { fakeWizardCore } from '../wizards/test-support/fake-wizard-calls';

const switchTo = chooseGroup;
const announced = (text: string | RegExp) => waitFor(() => expect(screen.getByRole('log', { name: 'Where you are' })).toHaveTextContent(text));
const rosterIds = () =>
  within(screen.getByRole('grid', { name: 'Members' }))
    .queryAllByRole('gridcell')
    .map((c) => c.textContent ?? '')
    .filter((t) => /^\d{9}(-\d{2})?$/.test(t));

describe('Switching groups', () => {
  it('takes an open member to the new group’s members and says so', async () => {
    const user = userEvent.setup();
    const { history, transport } = renderApp('/members/100234004');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dev Diaz' })).toBeInTheDocument();

    await switchTo(user, '200587');
    await announced('Switched to Cedar Valley Schools (group 200587): showing its members.');
    expect(history.location.pathname).toBe('/members');
    expect(screen.queryByRole('heading', { level: 1, name: 'Dev Diaz' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Member actions' })).not.toBeInTheDocument();
    await waitFor(() => expect(rosterIds().length).toBeGreaterThan(0));
    expect(rosterIds().every((id) => id.startsWith('200587'))).toBe(true);
    // The old member was never asked of the new group.
    expect(transport.callsTo('members.get').filter((c) => c.groupNumber === '200587')).toEqual([]);
  });

  it('shows the new group’s rows on a list page, staying there', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/members');
    await waitFor(() => expect(rosterIds().some((id) => id.startsWith('100234'))).toBe(true));

    await switchTo(user, '200587');
    await announced('Switched to Cedar Valley Schools (group 200587): showing its members.');
    await waitFor(() => expect(rosterIds().length).toBeGreaterThan(0));
    expect(rosterIds().every((id) => id.startsWith('200587'))).toBe(true);
    expect(history.location.pathname).toBe('/members');
  });

  it('saves a wizard’s typing as a draft of the group it was typed in, and says where to resume it', async () => {
    const user = userEvent.setup();
    const { history, transport } = renderApp('/enroll', fakeWizardCore('enroll'));
    await user.type(await screen.findByLabelText('First name'), 'Rosa');

    await switchTo(user, '200587');
    await announced(
      'Switched to Cedar Valley Schools (group 200587): showing its members. Your draft was saved in Harbor Logistics Inc. (group 100234): switch back to it and resume the draft from Activity, under Unfinished.',
    );
    expect(transport.callsTo('drafts.save')).toEqual([expect.objectContaining({ groupNumber: '100234', wizard: 'enroll', data: expect.objectContaining({ subscriber: expect.objectContaining({ firstName: 'Rosa' }) }) })]);
    expect(history.location.pathname).toBe('/members');
    expect(screen.queryByLabelText('First name')).not.toBeInTheDocument();
  });

  it('leaves a wizard with nothing typed without a draft, and a refused save is said', async () => {
    const user = userEvent.setup();
    const transport = fakeWizardCore('terminate');
    const { history } = renderApp('/members/100234004/terminate', transport);
    await screen.findByRole('heading', { level: 1, name: /Terminate/ });

    await switchTo(user, '200587');
    await announced('Switched to Cedar Valley Schools (group 200587): showing its members.');
    expect(transport.callsTo('drafts.save')).toEqual([]);
    expect(history.location.pathname).toBe('/members');

    transport.on('drafts.save', () => ({ ok: false, error: { code: 'INTERNAL', message: 'The local store is full.' } }));
    history.push('/enroll');
    await user.type(await screen.findByLabelText('First name'), 'Rosa');
    await switchTo(user, '100234');
    await announced(/Your draft in Cedar Valley Schools \(group 200587\) could not be saved: The local store is full\.$/);
  });

  it('takes an invoice to Billing', async () => {
    const user = userEvent.setup();
    const { history } = renderApp(`/billing/invoices/${decemberNumber}`);
    await screen.findByRole('heading', { level: 1, name: 'Invoice for December 2026' });

    await switchTo(user, '200587');
    await announced('Switched to Cedar Valley Schools (group 200587): showing its billing.');
    expect(history.location.pathname).toBe('/billing');
  });

  it('takes the Pay wizard to Billing, saying the payment was not sent', async () => {
    const user = userEvent.setup();
    const { history, transport } = renderApp('/billing/pay');
    await screen.findByRole('heading', { level: 1, name: 'Pay invoices' });

    await switchTo(user, '200587');
    await announced('Switched to Cedar Valley Schools (group 200587): showing its billing. The payment you were preparing for Harbor Logistics Inc. (group 100234) was not sent.');
    expect(history.location.pathname).toBe('/billing');
    expect(transport.callsTo('payments.submit')).toEqual([]);
  });

  it('closes an open Activity item, keeping Activity', async () => {
    const { history } = renderApp('/activity?id=3');
    await screen.findByRole('dialog');

    // The open item is modal: the switch comes from elsewhere (a notification, another window's choice).
    act(() => useGroupStore.getState().setGroup('200587'));
    await announced('Switched to Cedar Valley Schools (group 200587): showing its activity.');
    expect(history.location.pathname).toBe('/activity');
    expect(history.location.search).toBe('');
  });
});
