import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shell } from './test-support/fake-electron';
import { EXTERNAL_HOSTS, isAllowedExternalUrl, openExternalLink } from './external-links';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());

describe('external-link allow-list', () => {
  it.each([
    'https://www.healthcare.gov/small-businesses/employers/',
    'https://www.dol.gov/agencies/ebsa/laws-and-regulations/laws/cobra',
    'https://www.cms.gov/',
    'https://www.medicaid.gov/chip/index.html',
    'https://www.irs.gov/forms-pubs/about-form-1095-c?lang=en#top',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['http://www.healthcare.gov/', 'plain http'],
    ['https://healthcare.gov/', 'host not listed exactly'],
    ['https://evil.www.healthcare.gov/', 'subdomain of a listed host'],
    ['https://www.healthcare.gov.evil.example/', 'listed host as a prefix'],
    ['https://www.healthcare.gov:8443/', 'non-default port'],
    ['https://user:pass@www.healthcare.gov/', 'credentials'],
    ['https://example.com/', 'unlisted host'],
    ['file:///etc/passwd', 'file URL'],
    ['javascript:alert(1)', 'javascript URL'],
    ['smb://www.healthcare.gov/share', 'other scheme'],
    ['groupdesk://verify?token=abcdefghijklmnop', 'our own deep link'],
    ['app://bundle/index.html', 'our own bundle'],
    ['not a url', 'garbage'],
    ['', 'empty'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('lists only https-reachable public hosts, each exact', () => {
    for (const host of EXTERNAL_HOSTS) expect(host).toMatch(/^www\.[a-z]+\.gov$/);
  });
});

describe('openExternalLink', () => {
  beforeEach(() => shell.openExternal.mockClear());

  it('opens an allowed link in the browser', () => {
    expect(openExternalLink('https://www.dol.gov/')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.dol.gov/');
  });

  it('never hands a refused link to the OS', () => {
    expect(openExternalLink('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
