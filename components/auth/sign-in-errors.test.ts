import { describe, expect, it } from 'vitest';
import {
  accountLockedError,
  describeSignInProblem,
  formatLondonDateTime,
  parseSignInError,
} from './sign-in-errors';

describe('sign-in errors', () => {
  it('reads a lock with its end and says when it ends in UK time', () => {
    const problem = parseSignInError(accountLockedError(new Date('2026-07-01T13:05:00Z')));
    expect(problem).toEqual({ kind: 'locked', lockedUntil: new Date('2026-07-01T13:05:00Z') });
    // British Summer Time: UTC+1.
    expect(describeSignInProblem(problem!)).toContain('after 01/07/2026 14:05.');
  });

  it('formats winter times as GMT', () => {
    expect(formatLondonDateTime(new Date('2026-01-09T08:30:00Z'))).toBe('09/01/2026 08:30');
  });

  it('knows the codes next-auth sends', () => {
    expect(parseSignInError('CredentialsSignin')).toEqual({ kind: 'invalid-credentials' });
    expect(parseSignInError('AccessDenied')).toEqual({ kind: 'not-a-user' });
    expect(parseSignInError('OAuthCallback')).toEqual({ kind: 'sso-failed' });
    expect(parseSignInError('AccountLocked:garbage')).toEqual({ kind: 'locked', lockedUntil: null });
    expect(parseSignInError('Whatever')).toEqual({ kind: 'other' });
    expect(parseSignInError(null)).toBeNull();
  });
});
