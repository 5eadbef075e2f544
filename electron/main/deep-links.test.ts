import { describe, expect, it, vi } from 'vitest';
import { DeepLinkInbox, findDeepLink, parseVerifyLink } from './deep-links';

const TOKEN = 'Zm9vYmFyYmF6cXV4LTEyMzQ1Njc4OTA_';

describe('parseVerifyLink', () => {
  it.each([
    [`groupdesk://verify?token=${TOKEN}`],
    [`groupdesk://verify/?token=${TOKEN}`],
    [`GROUPDESK://VERIFY?token=${TOKEN}`],
    [`groupdesk://verify?token=${'a'.repeat(16)}`],
  ])('accepts %s', (link) => {
    expect(parseVerifyLink(link)).toEqual({ token: expect.any(String) });
  });

  it('returns the token itself', () => {
    expect(parseVerifyLink(`groupdesk://verify?token=${TOKEN}`)).toEqual({ token: TOKEN });
  });

  it.each([
    [`https://verify?token=${TOKEN}`, 'another scheme'],
    [`groupdesk://reset?token=${TOKEN}`, 'another host'],
    [`groupdesk://verify/extra?token=${TOKEN}`, 'a path'],
    [`groupdesk://verify?token=${TOKEN}&next=https://evil.example`, 'a parameter outside the allow-list'],
    [`groupdesk://verify?token=${TOKEN}&token=${TOKEN}`, 'a repeated token'],
    ['groupdesk://verify', 'no token'],
    ['groupdesk://verify?token=', 'an empty token'],
    ['groupdesk://verify?token=short', 'a token under 16 characters'],
    [`groupdesk://verify?token=${'a'.repeat(513)}`, 'a token over 512 characters'],
    ['groupdesk://verify?token=abc%20def%3Cscript%3Eabcdefgh', 'characters outside the token alphabet'],
    [`groupdesk://user:pw@verify?token=${TOKEN}`, 'credentials'],
    [`groupdesk://verify:99?token=${TOKEN}`, 'a port'],
    [`groupdesk://verify?token=${TOKEN}#x`, 'a fragment'],
    [`groupdesk:verify?token=${TOKEN}`, 'no authority'],
    [`groupdesk://verify?token=${'a'.repeat(3000)}`, 'a huge link'],
    ['not a url', 'garbage'],
  ])('rejects %s (%s)', (link) => {
    expect(parseVerifyLink(link)).toBeNull();
  });
});

describe('findDeepLink', () => {
  it('finds the link anywhere in argv, whatever switches Chromium added', () => {
    const link = `groupdesk://verify?token=${TOKEN}`;
    expect(findDeepLink(['C:\\GroupDesk\\GroupDesk.exe', '--allow-file-access-from-files', link, '--original-process-start-time=1'])).toBe(link);
    expect(findDeepLink(['/opt/GroupDesk/groupdesk', 'GroupDesk://verify?token=x'])).toBe('GroupDesk://verify?token=x');
  });

  it('returns null without one', () => {
    expect(findDeepLink(['/usr/bin/electron', '.', '--inspect'])).toBeNull();
  });
});

describe('DeepLinkInbox', () => {
  it('queues links until the window has loaded, then delivers them in order and the rest at once', () => {
    const inbox = new DeepLinkInbox();
    expect(inbox.receive(`groupdesk://verify?token=${'a'.repeat(16)}`)).toBe(true);
    expect(inbox.receive(`groupdesk://verify?token=${'b'.repeat(16)}`)).toBe(true);
    const deliver = vi.fn();
    inbox.attach(deliver);
    expect(deliver.mock.calls).toEqual([[{ type: 'link.verify', token: 'a'.repeat(16) }], [{ type: 'link.verify', token: 'b'.repeat(16) }]]);
    inbox.receive(`groupdesk://verify?token=${'c'.repeat(16)}`);
    expect(deliver).toHaveBeenLastCalledWith({ type: 'link.verify', token: 'c'.repeat(16) });
  });

  it('drops links that are not allow-listed and never delivers them', () => {
    const inbox = new DeepLinkInbox();
    expect(inbox.receive('groupdesk://evil?cmd=rm')).toBe(false);
    const deliver = vi.fn();
    inbox.attach(deliver);
    expect(deliver).not.toHaveBeenCalled();
  });

  it('queues again after the window is gone', () => {
    const inbox = new DeepLinkInbox();
    const first = vi.fn();
    inbox.attach(first);
    inbox.detach();
    inbox.receive(`groupdesk://verify?token=${TOKEN}`);
    expect(first).not.toHaveBeenCalled();
    const second = vi.fn();
    inbox.attach(second);
    expect(second).toHaveBeenCalledWith({ type: 'link.verify', token: TOKEN });
  });
});
