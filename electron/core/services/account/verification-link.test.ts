import { describe, expect, it } from 'vitest';
import { verificationToken } from './verification-link';

const TOKEN = 'abcdefghijklmnopQRSTUVWX_yz-0123456789';

describe('the token in a pasted verification link', () => {
  it.each([
    ['the token alone', TOKEN],
    ['the token with the spaces a paste brings', `  ${TOKEN}\n`],
    ['the web link', `https://plan.example.com/verify?token=${TOKEN}`],
    ['the web link of a service under a path', `https://example.com/groupdesk/verify/?token=${TOKEN}`],
    ['the web link of a service on this computer', `http://127.0.0.1:8080/verify?token=${TOKEN}`],
    ['the app link', `groupdesk://verify?token=${TOKEN}`],
    ['the app link with a slash', `groupdesk://verify/?token=${TOKEN}`],
    ['the app link typed in capitals', `GroupDesk://Verify?token=${TOKEN}`],
  ])('reads %s', (_case, pasted) => {
    expect(verificationToken(pasted)).toBe(TOKEN);
  });

  it.each([
    ['a token too short', 'abc123'],
    ['a 6-digit code', '123456'],
    ['another page of the service', `https://plan.example.com/reset?token=${TOKEN}`],
    ['another app link', `groupdesk://reset?token=${TOKEN}`],
    ['a link without its token', 'https://plan.example.com/verify'],
    ['a link cut inside its token', `https://plan.example.com/verify?token=${TOKEN.slice(0, 10)}`],
    ['a link with two tokens', `https://plan.example.com/verify?token=${TOKEN}&token=${TOKEN}`],
    ['a link with another parameter', `https://plan.example.com/verify?token=${TOKEN}&next=https://evil.example`],
    ['a token with characters outside its alphabet', `https://plan.example.com/verify?token=${TOKEN}%3Cscript%3E`],
    ['a link of another scheme', `ftp://plan.example.com/verify?token=${TOKEN}`],
    ['words', 'please verify me'],
  ])('refuses %s', (_case, pasted) => {
    expect(verificationToken(pasted)).toBeNull();
  });
});
