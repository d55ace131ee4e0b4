import { describe, expect, it } from 'vitest';
import { signInPath, toSafeCallbackPath } from './callback-url';

describe('toSafeCallbackPath', () => {
  it.each([
    ['/imports', '/imports'],
    ['/consultants?specialty=130#top', '/consultants?specialty=130#top'],
    ['/definitions/../imports', '/imports'],
    // Percent-encoded line breaks stay encoded: a path, not a header.
    ['/%0d%0aLocation:x', '/%0d%0aLocation:x'],
  ])('keeps the path %s', (value, expected) => {
    expect(toSafeCallbackPath(value)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/\u0000',
    'imports',
    '/sign-in',
    '/sign-in?callbackUrl=/',
    '/api/auth/signout',
    `/${'a'.repeat(3000)}`,
  ])('refuses %j', (value) => {
    expect(toSafeCallbackPath(value)).toBe('/');
  });

  it('uses the fallback given', () => {
    expect(toSafeCallbackPath('https://evil.example', '/home')).toBe('/home');
  });
});

describe('signInPath', () => {
  it('comes back to the page asked for', () => {
    expect(signInPath('/imports?kind=leave')).toBe('/sign-in?callbackUrl=%2Fimports%3Fkind%3Dleave');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('//evil.example')).toBe('/sign-in');
  });
});
