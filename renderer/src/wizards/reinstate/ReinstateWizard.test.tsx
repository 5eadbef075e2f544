import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';
import { fakeWizardCore } from '../test-support/fake-wizard-calls';

afterEach(() => vi.useRealTimers());

// The fixture's sixth subscriber: Farid Fischer, coverage ended 2026-06-30, with his spouse's.
const subscriberId = '100234006';
const spouseId = `${subscriberId}-01`;

const onPlanDay = (iso: string) => vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${iso}T15:00:00Z`) });

describe('Reinstate wizard', () => {
  it('says what a reinstatement does, brings the family back, and sends exactly the reinstatement', async () => {
    // 2026-07-20: the retro window opens 2026-05-01, so coverage may resume 2026-07-01.
    onPlanDay('2026-07-20');
    const fake = fakeWizardCore('reinstate', [subscriberId, spouseId]);
    const user = userEvent.setup();
    const { transport } = renderApp(`/members/${subscriberId}/reinstate`, fake);
    // The loading skeleton has the same title: the step's heading says the form is there.
    await screen.findByRole('heading', { level: 2, name: /What happens/ });
    expect(screen.getByText(/Reinstating it resumes coverage on/)).toHaveTextContent('Coverage ended 06/30/2026. Reinstating it resumes coverage on 07/01/2026, the day after it ended');
    expect(screen.getByText(/The plan reinstates coverage that resumes on or after/)).toHaveTextContent('05/01/2026: retroactive changes are limited to the current month and the two before it.');
    const family = within(screen.getByRole('region', { name: 'Dependents reinstated with the employee' })).getAllByRole('listitem');
    expect(family.map((f) => f.textContent)).toEqual([expect.stringContaining(`${spouseId} · Spouse`)]);

    await user.type(screen.getByLabelText(/Note for the plan/), 'Termination entered in error');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const review = await screen.findByRole('region', { name: 'Reinstatement' });
    expect(review).toHaveTextContent('Coverage resumes07/01/2026');
    expect(review).toHaveTextContent('Note for the planTermination entered in error');

    await user.click(screen.getByRole('button', { name: 'Submit reinstatement' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Reinstatement submitted' })).toBeInTheDocument();
    expect(screen.getByText(/coverage resumes 07\/01\/2026, with 1 dependent/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open Farid/ })).toHaveAttribute('href', `/members/${subscriberId}`);
    expect(transport.callsTo('transactions.submit')).toEqual([
      { groupNumber: '100234', transaction: { kind: 'reinstate', request: { memberId: subscriberId, note: 'Termination entered in error' } } },
    ]);
  });

  it('refuses, in the words of the retro rule, a reinstatement that would resume too long ago', async () => {
    onPlanDay('2026-11-27');
    const fake = fakeWizardCore('reinstate');
    renderApp(`/members/${subscriberId}/reinstate`, fake);
    expect(await screen.findByRole('heading', { name: /Reinstate coverage: not possible for/ })).toBeInTheDocument();
    expect(screen.getByText(/too late to reinstate/)).toHaveTextContent(
      'Coverage ended 06/30/2026, so it would resume 07/01/2026, which is too late to reinstate. Reinstated coverage must be on or after 2026-09-01: retroactive changes are limited to the current month and the two before it.',
    );
    expect(fake.callsTo('transactions.submit')).toEqual([]);
  });
});
