import { describe, expect, it } from 'vitest';
import { joinSecrets, splitSecrets } from './draft-values';
import { routeServerError } from './server-errors';
import { flattenErrors } from './flatten-errors';

describe('draft values', () => {
  it('keeps full SSNs out of data and puts them back on resume', () => {
    const values = { subscriber: { firstName: 'Ana', ssn: '412-55-6789' }, dependents: [{ firstName: 'Ben', ssn: '' }, { firstName: 'Cy', ssn: '487654321' }] };
    const { data, secrets } = splitSecrets(values, ['subscriber.ssn', 'dependents.0.ssn', 'dependents.1.ssn']);
    expect(JSON.stringify(data)).not.toMatch(/6789|4321/);
    expect(secrets).toEqual({ 'subscriber.ssn': '412-55-6789', 'dependents.1.ssn': '487654321' });
    expect(values.subscriber.ssn).toBe('412-55-6789');
    const defaults = { subscriber: { firstName: '', lastName: '', ssn: '' }, dependents: [] as unknown[] };
    expect(joinSecrets(defaults, data, secrets)).toEqual({ ...values, subscriber: { ...values.subscriber, lastName: '' } });
  });
});

describe('server errors', () => {
  const steps = [
    { id: 'person', label: 'Personal', fields: ['subscriber.firstName', 'subscriber.ssn'] },
    { id: 'family', label: 'Dependents', fields: ['dependents'] },
    { id: 'review', label: 'Review', fields: [] },
  ];

  it('routes each field to its step, the earliest step first, with aliases and the submit prefix removed', () => {
    const routed = routeServerError(
      { code: 'RULE', message: 'x', fields: { 'dependents.1.dateOfBirth': 'Too old', 'transaction.request.subscriber.ssn': 'An SSN is 9 digits', expectedVersion: 'stale', 'event.eventDate': 'late' } },
      steps,
      { 'event.eventDate': 'subscriber.firstName' },
    );
    expect(routed.stepIndex).toBe(0);
    expect(routed.fields).toEqual([
      ['dependents.1.dateOfBirth', 'Too old'],
      ['subscriber.ssn', 'An SSN is 9 digits'],
      ['subscriber.firstName', 'late'],
    ]);
  });

  it('flattens nested form errors with their paths', () => {
    const errors = { subscriber: { ssn: { type: 'custom', message: 'An SSN is 9 digits' } }, dependents: [undefined, { dateOfBirth: { type: 'server', message: 'Too old' } }], root: { server: { type: 'RULE', message: 'No' } } };
    expect(flattenErrors(errors as never)).toEqual([
      { name: 'subscriber.ssn', message: 'An SSN is 9 digits' },
      { name: 'dependents.1.dateOfBirth', message: 'Too old' },
      { name: 'root.server', message: 'No' },
    ]);
  });
});
