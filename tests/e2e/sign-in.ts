import type { Cookie, Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUserKey } from '@/lib/server/seed/demo-users';

/**
 * Signing in for the end-to-end specs, as the demo trust's users (one per role, see lib/server/seed/demo-users.ts
 * and the README's "Demo sign-in").
 */

/** Accounts that only the sign-in specs use, created by start-server.ts with the demo password. */
export const E2E_EXTRA_USERS = [
  { email: 'lockout@e2e.fulfil.nhs.uk', name: 'E2E lockout', isActive: true },
  { email: 'inactive@e2e.fulfil.nhs.uk', name: 'E2E inactive', isActive: false },
] as const;

export type SignInRole = DemoUserKey;

export function getDemoUser(role: SignInRole) {
  const user = DEMO_USERS.find((candidate) => candidate.key === role);
  if (!user) throw new Error(`No demo user for ${role}`);
  return user;
}

export { DEMO_PASSWORD };

/** Fills in and submits the sign-in form on the current page. */
export async function submitSignInForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Email address' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Session cookies per role, so that each role goes through the form once per test run (hashing is slow). */
const sessionCookies = new Map<SignInRole, Cookie[]>();

/**
 * Signs the page's browser context in as the demo user for `role`, through the sign-in form the first time and
 * with the same session cookie after that, while the server still accepts it: a spec that signs out revokes
 * every session of that user on the server (sessions_valid_after), and the next spec then signs in afresh.
 * Leaves the page wherever it is (or on the overview after the form).
 */
export async function signInAs(page: Page, role: SignInRole): Promise<void> {
  const cached = sessionCookies.get(role);
  if (cached) {
    await page.context().addCookies(cached);
    if (await isSignedIn(page)) return;
    sessionCookies.delete(role);
    await page.context().clearCookies();
  }
  await page.goto('/sign-in');
  await submitSignInForm(page, getDemoUser(role).email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  const cookies = await page.context().cookies();
  sessionCookies.set(
    role,
    cookies.filter((cookie) => /next-auth\.session-token/.test(cookie.name)),
  );
}

/** Whether the context's session cookie is accepted by the server (every demo role may read the definitions). */
export async function isSignedIn(page: Page): Promise<boolean> {
  const response = await page.context().request.get('/api/definitions', {
    headers: { 'sec-fetch-site': 'same-origin' },
  });
  return response.ok();
}
