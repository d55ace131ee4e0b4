import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { DEMO_PASSWORD, E2E_EXTRA_USERS, getDemoUser, signInAs, submitSignInForm } from './sign-in';

function getErrorSummary(page: Page) {
  return page.getByRole('alert', { name: 'There is a problem' });
}

/** Waits for the server's answer to a sign-in: a refusal empties the password field. */
async function expectAttemptRefused(page: Page) {
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
}

/** dd/mm/yyyy HH:mm in UK time, as the page says it. */
function formatLondon(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(date)
    .replace(',', '');
}

test('a signed-out visitor is sent to sign in, and comes back to the page they asked for', async ({
  page,
}) => {
  await page.goto('/imports/formats');
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
  expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/imports/formats');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // SSO is configured for the suite (a local OpenID Connect provider), so both ways in are offered.
  await expect(page.getByRole('button', { name: 'Sign in with Microsoft' })).toBeVisible();

  await submitSignInForm(page, getDemoUser('admin').email, DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === '/imports/formats');
  await expect(page.getByRole('heading', { level: 1, name: 'Import formats' })).toBeVisible();

  // The session cookie is out of reach of scripts, and not sent with cross-site requests.
  const session = (await page.context().cookies()).find(
    (cookie) => cookie.name === 'next-auth.session-token',
  );
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  // Expires with the session's maximum age (8 hours by default), not next-auth's 30 days.
  const hoursLeft = ((session?.expires ?? 0) * 1000 - Date.now()) / 3_600_000;
  expect(hoursLeft).toBeGreaterThan(7.9);
  expect(hoursLeft).toBeLessThanOrEqual(8);

  // Signed in, the sign-in page sends them on.
  await page.goto('/sign-in?callbackUrl=%2Fdefinitions');
  await expect(page).toHaveURL((url) => url.pathname === '/definitions');
});

test('a forged or expired session cookie gets past the proxy but not the server', async ({
  page,
  baseURL,
}) => {
  await page
    .context()
    .addCookies([{ name: 'next-auth.session-token', value: 'not-a-real-session', url: baseURL ?? '' }]);
  await page.goto('/imports?kind=leave');
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
  expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/imports?kind=leave');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a sign-in link never sends anyone to another site', async ({ page }) => {
  await page.goto(`/sign-in?${new URLSearchParams({ callbackUrl: 'https://evil.example/phish' })}`);
  await submitSignInForm(page, getDemoUser('executive').email, DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === '/' && url.host.startsWith('127.0.0.1'));
});

test('empty fields are reported in an error summary that takes focus and links to each field', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const summary = getErrorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Enter your email address', 'Enter your password']);
  const email = page.getByRole('textbox', { name: 'Email address' });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Error: Enter your email address');
  await summary.getByRole('link', { name: 'Enter your password' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await expectNoSeriousViolations(page);
});

test('a wrong password says so, and the right one then works', async ({ page }) => {
  const { email } = getDemoUser('executive');
  await page.goto('/sign-in');
  await submitSignInForm(page, email, 'not-the-password');
  const summary = getErrorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The email address or password is not right.');
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveValue('');
  await expect(password).toHaveAccessibleDescription(/Error: The email address or password is not right/);
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
  await expectNoSeriousViolations(page);

  await submitSignInForm(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === '/');
});

test('an unknown email or an inactive user gets the same answer as a wrong password', async ({ page }) => {
  await page.goto('/sign-in');
  for (const email of ['nobody@demo.fulfil.nhs.uk', E2E_EXTRA_USERS[1].email]) {
    await submitSignInForm(page, email, DEMO_PASSWORD);
    await expectAttemptRefused(page);
    await expect(getErrorSummary(page)).toContainText('The email address or password is not right.');
  }
});

test('five wrong passwords in a row lock the account for 15 minutes, and the page says until when', async ({
  page,
}) => {
  const { email } = E2E_EXTRA_USERS[0];
  await page.goto('/sign-in');
  const summary = getErrorSummary(page);
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await submitSignInForm(page, email, `wrong-${attempt}`);
    await expectAttemptRefused(page);
    await expect(summary).toContainText('The email address or password is not right.');
  }
  const before = Date.now();
  await submitSignInForm(page, email, 'wrong-5');
  await expectAttemptRefused(page);
  await expect(summary).toContainText('Your account is locked after too many attempts to sign in.');
  const message = (await summary.textContent()) ?? '';
  const until = /You can try again after (\d{2}\/\d{2}\/\d{4} \d{2}:\d{2})\./.exec(message)?.[1];
  const expected = [0, 1].map((minute) => formatLondon(new Date(before + (15 + minute) * 60_000)));
  expect(expected).toContain(until);

  // Locked: the right password is refused too, with the same end time.
  await submitSignInForm(page, email, DEMO_PASSWORD);
  await expectAttemptRefused(page);
  await expect(summary).toContainText(`You can try again after ${until}.`);
  await expect(summary).toBeFocused();
  await expectNoSeriousViolations(page);
});

test('signing out ends the session', async ({ page }) => {
  await signInAs(page, 'lead');
  await page.goto('/');
  await expect(page).toHaveURL((url) => url.pathname === '/');
  // What the header's sign-out button does (components/auth/sign-out-button.tsx, via next-auth/react).
  const status = await page.evaluate(async () => {
    const { csrfToken } = await (await fetch('/api/auth/csrf')).json();
    const response = await fetch('/api/auth/signout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, json: 'true' }),
    });
    return response.status;
  });
  expect(status).toBe(200);
  await page.goto('/definitions');
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
});

test('the sign-in page has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(page);
});
