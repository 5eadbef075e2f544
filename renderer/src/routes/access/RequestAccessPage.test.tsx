import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';

function renderRequest() {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({}, 'remote') }));
  transport.on('groups.list', () => ({ ok: true, value: [] }));
  return renderApp('/access/request', transport);
}

async function fill(user: ReturnType<typeof userEvent.setup>, overrides: Partial<Record<string, string>> = {}) {
  const values = {
    'Company name': 'Harbor Logistics Inc.',
    'Group number': '100234',
    "Officer's name": 'Dana Whitfield',
    "Officer's title": 'Chief Financial Officer',
    'Contact phone': '(510) 555-0142',
    'Contact e-mail': 'jo@harbor.example',
    ...overrides,
  };
  for (const [label, value] of Object.entries(values)) if (value) await user.type(await screen.findByLabelText(label), value);
}

describe('Request primary administrator access', () => {
  it('checks every field with the plan’s rules, and the attestation, before sending anything', async () => {
    const user = userEvent.setup();
    const { transport } = renderRequest();
    expect(await screen.findByRole('heading', { level: 1, name: 'Request primary administrator access' })).toBeInTheDocument();
    await fill(user, { 'Group number': '12', 'Contact e-mail': 'jo@' });
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findByText('A group number is 4 to 10 digits')).toBeInTheDocument();
    expect(screen.getByText('This is not an e-mail address: enter one like name@example.com')).toBeInTheDocument();
    expect(screen.getByText('You must attest that you are authorized to act for this employer')).toBeInTheDocument();
    expect(screen.getByLabelText('Group number')).toHaveAttribute('aria-invalid', 'true');
    expect(transport.callsTo('access.request')).toEqual([]);
  });

  it('puts the plan’s field messages on their fields and other refusals above the button', async () => {
    const user = userEvent.setup();
    const { transport } = renderRequest();
    transport.on('access.request', () => ({ ok: false, error: { code: 'RULE', message: 'Check the group number', fields: { groupNumber: 'There is no group 100234 at this plan' } } }));
    await fill(user);
    await user.click(screen.getByLabelText('I attest that I am authorized to act for this employer'));
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findByText('There is no group 100234 at this plan')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Group number')).toHaveFocus());
    expect(screen.getByRole('alert')).toHaveTextContent('Check the group number');

    transport.on('access.request', () => ({ ok: false, error: { code: 'OFFLINE', message: 'GroupDesk could not reach the plan service. Try again when you are online.' } }));
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('GroupDesk could not reach the plan service.');
  });

  it('sends the request and shows the confirmation number and expected date, printable', async () => {
    const user = userEvent.setup();
    const { transport } = renderRequest();
    transport.on('access.request', (input) => ({
      ok: true,
      value: { ...input, confirmationNumber: 'PA-2026-000123', status: 'pending', submittedAt: '2026-11-27T09:15:00.000Z', expectedCompletion: '2026-12-04', decidedAt: null, decisionReason: null },
    }));
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await fill(user);
    await user.click(screen.getByLabelText('I attest that I am authorized to act for this employer'));
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Request received' })).toHaveFocus();
    expect(transport.callsTo('access.request')).toEqual([
      {
        companyName: 'Harbor Logistics Inc.',
        groupNumber: '100234',
        officerName: 'Dana Whitfield',
        officerTitle: 'Chief Financial Officer',
        contactPhone: '(510) 555-0142',
        contactEmail: 'jo@harbor.example',
        attestation: true,
      },
    ]);
    expect(screen.getByText('Confirmation number').nextElementSibling).toHaveTextContent('PA-2026-000123');
    expect(screen.getByText('Expected by 12/04/2026')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });
});
