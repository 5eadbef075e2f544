import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AccessRequest } from '@shared/plan-api/access-requests';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';

const pending: AccessRequest = {
  confirmationNumber: 'PA-2026-000123',
  companyName: 'Harbor Logistics Inc.',
  groupNumber: '100234',
  officerName: 'Dana Whitfield',
  officerTitle: 'CFO',
  contactPhone: '(510) 555-0142',
  contactEmail: 'jo@harbor.example',
  status: 'pending',
  submittedAt: '2026-11-27T09:15:00.000Z',
  expectedCompletion: '2026-12-04',
  decidedAt: null,
  decisionReason: null,
};
const rejected: AccessRequest = {
  ...pending,
  confirmationNumber: 'PA-2026-000098',
  groupNumber: '300111',
  companyName: 'Pine Ridge Dental',
  status: 'rejected',
  decidedAt: '2026-11-20T15:00:00.000Z',
  decisionReason: 'The officer named is not on file for this employer.',
};

function renderAccess(requests: AccessRequest[] = [pending, rejected]) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({}, 'remote') }));
  transport.on('groups.list', () => ({ ok: true, value: [] }));
  let current = requests;
  transport.on('access.overview', () => ({ ok: true, value: { requests: current, refreshedAt: '2026-11-27T09:16:00.000Z' } }));
  const view = renderApp('/access', transport);
  return { ...view, setRequests: (next: AccessRequest[]) => (current = next) };
}

describe('Access', () => {
  it('lists the user’s requests with their status, the expected date of a pending one and why one was not approved', async () => {
    renderAccess();
    expect(await screen.findByRole('heading', { level: 1, name: 'Access' })).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Your requests' });
    const rows = await within(section).findAllByRole('row');
    expect(rows.slice(1).map((r) => r.textContent)).toEqual([
      expect.stringMatching(/PA-2026-000123.*100234.*Harbor Logistics Inc\..*Pending.*Expected by 12\/04\/2026/),
      expect.stringMatching(/PA-2026-000098.*300111.*Pine Ridge Dental.*Not approved.*The officer named is not on file/),
    ]);
    expect(within(section).getByRole('link', { name: 'Request primary administrator access' })).toHaveAttribute('href', '/access/request');
    expect(screen.getByRole('link', { name: 'Sign up for Bill Pay' })).toHaveAttribute('href', '/bill-pay/sign-up');
    // A remote user with a session finds Access in the navigation.
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Access' })).toBeInTheDocument();
  });

  it('turns a request Approved when the core says access changed, without a reload', async () => {
    const { transport, setRequests } = renderAccess([pending]);
    const section = await screen.findByRole('region', { name: 'Your requests' });
    expect(await within(section).findByText('Pending')).toBeInTheDocument();
    setRequests([{ ...pending, status: 'approved', decidedAt: '2026-11-28T10:00:00.000Z' }]);
    act(() => transport.emit({ type: 'access.changed' }));
    expect(await within(section).findByText('Approved')).toBeInTheDocument();
    expect(within(section).queryByText(/Expected by/)).not.toBeInTheDocument();
  });

  it('says so when the user has no request yet', async () => {
    renderAccess([]);
    expect(await screen.findByText('You have not asked to be a group’s primary administrator from this user ID.')).toBeInTheDocument();
  });

  it('checks an access code’s form before asking the core, forgiving case and hyphens', async () => {
    const user = userEvent.setup();
    const { transport } = renderAccess();
    const field = await screen.findByLabelText('Access code');
    await user.type(field, 'abc');
    await user.click(screen.getByRole('button', { name: 'Join group' }));
    expect(await screen.findByText('An access code is 12 letters and digits, like ABCD-EFGH-JKMN')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(transport.callsTo('access.redeemCode')).toEqual([]);

    transport.on('access.redeemCode', () => ({ ok: true, value: { groupNumber: '200587', name: 'Cedar Valley Schools', role: 'read_only' } }));
    await user.clear(field);
    await user.type(field, 'k7pq-2mzx-h4rd');
    await user.click(screen.getByRole('button', { name: 'Join group' }));
    expect(await screen.findByText('You joined Cedar Valley Schools (group 200587) as Read-only.')).toBeInTheDocument();
    expect(transport.callsTo('access.redeemCode')).toEqual([{ code: 'K7PQ2MZXH4RD' }]);
    expect(field).toHaveValue('');
  });

  it('puts a wrong code’s message under the field and a lock-out above the button', async () => {
    const user = userEvent.setup();
    const { transport } = renderAccess();
    transport.on('access.redeemCode', () => ({ ok: false, error: { code: 'RULE', message: 'That access code is not right. 4 tries left.', fields: { code: 'That access code is not right. 4 tries left.' } } }));
    const field = await screen.findByLabelText('Access code');
    await user.type(field, 'K7PQ-2MZX-H4RE');
    await user.click(screen.getByRole('button', { name: 'Join group' }));
    expect(await screen.findByText('That access code is not right. 4 tries left.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(field).toHaveFocus());

    transport.on('access.redeemCode', () => ({ ok: false, error: { code: 'RULE', message: 'Too many wrong access codes: try again after 2026-12-07T14:32Z.' } }));
    await user.click(screen.getByRole('button', { name: 'Join group' }));
    // The plan's instant as the reader's local time, with its day unless it is today's.
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Too many wrong access codes: try again after (today \d{2}:\d{2}|[A-Z][a-z]{2} \d{1,2}(, \d{4})?, \d{2}:\d{2})\.$/);
  });
});
