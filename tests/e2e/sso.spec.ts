import { expect, type Page, test } from '@playwright/test';
import { E2E_EXTRA_USERS, getDemoUser } from './sign-in';

/**
 * Microsoft Entra ID single sign-on, end to end: the app's "Sign in with Microsoft" goes through a real OpenID
 * Connect provider (oidc-provider, started by start-server.ts in place of Entra ID) and back. Its development
 * sign-in page takes any login name and password; the login name becomes the person's email claim.
 */

/** Signs in at the local provider's own pages as `email`, and gives consent. */
async function signInAtProvider(page: Page, email: string) {
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('anything: the provider checks no password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a Fulfil user signs in with Microsoft and lands on the page they asked for', async ({
  page,
  baseURL,
}) => {
  await page.goto('/definitions');
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();

  // At the identity provider: another origin, its own sign-in page.
  await page.waitForURL((url) => url.origin !== baseURL);
  // The directory's address in another case still matches the Fulfil user.
  await signInAtProvider(page, getDemoUser('lead').email.toUpperCase());

  await expect(page).toHaveURL((url) => url.origin === baseURL && url.pathname === '/definitions');
  await expect(page.getByRole('heading', { level: 1, name: 'Definitions' })).toBeVisible();
  const cookies = await page.context().cookies(baseURL);
  expect(cookies.find((cookie) => cookie.name === 'next-auth.session-token')).toMatchObject({
    httpOnly: true,
    sameSite: 'Lax',
  });

  // The session is a real one: a fresh page load stays signed in.
  await page.goto('/imports');
  await expect(page).toHaveURL((url) => url.pathname === '/imports');
});

for (const { label, email } of [
  { label: 'someone who is not a Fulfil user', email: 'stranger@nhs.example' },
  { label: 'a Fulfil user who has been deactivated', email: E2E_EXTRA_USERS[1].email },
]) {
  test(`${label} is refused after signing in with Microsoft`, async ({ page, baseURL }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
    await page.waitForURL((url) => url.origin !== baseURL);
    await signInAtProvider(page, email);

    await expect(page).toHaveURL((url) => url.origin === baseURL && url.pathname === '/sign-in');
    const summary = page.getByRole('alert', { name: 'There is a problem' });
    await expect(summary).toContainText('Your Microsoft account is not set up to use Fulfil.');
    await expect(summary).toBeFocused();
    expect(
      (await page.context().cookies(baseURL)).some((cookie) => cookie.name.includes('session-token')),
    ).toBe(false);
    await page.goto('/');
    await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
  });
}
