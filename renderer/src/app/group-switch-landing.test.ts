import { describe, expect, it } from 'vitest';
import { landingAfterSwitch, switchAnnouncement } from './group-switch-landing';

describe('landingAfterSwitch', () => {
  it.each([
    ['/', {}, null, 'its dashboard'],
    ['/members', {}, null, 'its members'],
    ['/members/100234004', {}, '/members', 'its members'],
    ['/members/100234004/terminate', { draft: 3 }, '/members', 'its members'],
    ['/members/100234004/add-dependent', {}, '/members', 'its members'],
    ['/members/100234004/demographics', {}, '/members', 'its members'],
    ['/enroll', {}, '/members', 'its members'],
    ['/id-cards', { members: '100234004' }, '/members', 'its members'],
    ['/activity', {}, null, 'its activity'],
    ['/activity', { id: 3 }, '/activity', 'its activity'],
    ['/billing', {}, null, 'its billing'],
    ['/billing/invoices/INV-1', {}, '/billing', 'its billing'],
    ['/billing/pay', { invoice: 'INV-1' }, '/billing', 'its billing'],
    ['/billing/payments', {}, '/billing', 'its billing'],
    ['/users', {}, null, 'its users'],
    ['/no-such-page', {}, null, null],
  ])('%s %o → %s', (pathname, search, path, shows) => {
    expect(landingAfterSwitch(pathname, search)).toEqual({ path, shows });
  });
});

describe('switchAnnouncement', () => {
  const from = { name: 'Allegheny Steel', groupNumber: '100234' };
  const to = { name: 'Riverbend Outfitters', groupNumber: '200587' };
  it('names the group, what is shown, and what became of unfinished work', () => {
    expect(switchAnnouncement(from, to, null, [])).toBe('Switched to Riverbend Outfitters (group 200587).');
    expect(switchAnnouncement(from, to, 'its members', [{ kind: 'draft_saved' }])).toBe(
      'Switched to Riverbend Outfitters (group 200587): showing its members. Your draft was saved in Allegheny Steel (group 100234): switch back to it and resume the draft from Activity, under Unfinished.',
    );
    expect(switchAnnouncement(from, to, 'its billing', [{ kind: 'payment_not_sent' }])).toBe(
      'Switched to Riverbend Outfitters (group 200587): showing its billing. The payment you were preparing for Allegheny Steel (group 100234) was not sent.',
    );
  });
});
