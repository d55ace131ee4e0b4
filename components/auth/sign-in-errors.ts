/**
 * The error codes a sign-in attempt comes back with (next-auth puts them in `?error=` or in signIn()'s result),
 * and what the sign-in page says for each. Shared by the server (auth options) and the sign-in form.
 */

/** Wrong email or password (next-auth's own code for a refused credentials sign-in). */
export const INVALID_CREDENTIALS = 'CredentialsSignin';
/** Prefix of the locked-account code: `AccountLocked:<ISO date the lock ends>`. */
export const ACCOUNT_LOCKED = 'AccountLocked';
/** Single sign-on succeeded at Microsoft but the person is not an active Fulfil user (next-auth's code). */
export const ACCESS_DENIED = 'AccessDenied';
/** There is no trust in the database yet. */
export const NO_ORGANISATION = 'NoOrganisation';

export function accountLockedError(lockedUntil: Date): string {
  return `${ACCOUNT_LOCKED}:${lockedUntil.toISOString()}`;
}

export type SignInProblem =
  | { kind: 'invalid-credentials' }
  | { kind: 'locked'; lockedUntil: Date | null }
  | { kind: 'not-a-user' }
  | { kind: 'no-organisation' }
  | { kind: 'sso-failed' }
  | { kind: 'other' };

/** Reads an error code from next-auth. */
export function parseSignInError(code: string | null | undefined): SignInProblem | null {
  if (!code) return null;
  if (code === INVALID_CREDENTIALS) return { kind: 'invalid-credentials' };
  if (code.startsWith(`${ACCOUNT_LOCKED}:`)) {
    const lockedUntil = new Date(code.slice(ACCOUNT_LOCKED.length + 1));
    return { kind: 'locked', lockedUntil: Number.isNaN(lockedUntil.getTime()) ? null : lockedUntil };
  }
  if (code === ACCESS_DENIED) return { kind: 'not-a-user' };
  if (code === NO_ORGANISATION) return { kind: 'no-organisation' };
  if (/^OAuth|^Callback$|^OAuthAccountNotLinked$/.test(code)) return { kind: 'sso-failed' };
  return { kind: 'other' };
}

const LONDON_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy HH:mm in UK time, whatever the browser's time zone. */
export function formatLondonDateTime(date: Date): string {
  return LONDON_DATE_TIME.format(date).replace(',', '');
}

/** What to tell the person, in the NHS voice. */
export function describeSignInProblem(problem: SignInProblem): string {
  switch (problem.kind) {
    case 'invalid-credentials':
      return 'The email address or password is not right. Check them and try again.';
    case 'locked':
      return problem.lockedUntil
        ? `Your account is locked after too many attempts to sign in. You can try again after ${formatLondonDateTime(problem.lockedUntil)}.`
        : 'Your account is locked after too many attempts to sign in. Try again in 15 minutes.';
    case 'not-a-user':
      return 'Your Microsoft account is not set up to use Fulfil. Ask your Fulfil administrator to add you.';
    case 'no-organisation':
      return 'Fulfil has no trust set up yet. Ask your administrator to create it.';
    case 'sso-failed':
      return 'Signing in with Microsoft did not work. Try again, or sign in with your email address and password.';
    default:
      return 'Something went wrong signing you in. Try again.';
  }
}
