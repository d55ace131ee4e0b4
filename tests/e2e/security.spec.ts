import { type Browser, type Cookie, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, getDemoUser, isSignedIn, signInAs, submitSignInForm } from './sign-in';

/**
 * Hardening seen from the outside, in the production build: the Content-Security-Policy of pages (a fresh nonce
 * on every response, on every script Next writes, no inline script or eval allowed) and of everything else, and
 * a session revoked on the server by signing out or deactivation, to our pages and to next-auth's own session
 * endpoint alike. (That each page works under the policy, with no violation in the console, is checked for
 * every page and role by page-matrix.spec.ts.)
 */

/** The directives of a Content-Security-Policy header. */
function parsePolicy(header: string | undefined): Map<string, string[]> {
  expect(header, 'a Content-Security-Policy header').toBeTruthy();
  return new Map(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

test('pages carry a Content-Security-Policy with a fresh nonce that Next puts on every script', async ({
  request,
}) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get('/sign-in');
    expect(response.status()).toBe(200);
    const policy = parsePolicy(response.headers()['content-security-policy']);
    const scripts = policy.get('script-src') ?? [];
    const nonce = scripts.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, 'a nonce in script-src').toBeTruthy();
    expect(nonce?.length).toBeGreaterThanOrEqual(22);
    nonces.push(nonce as string);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    // React needs eval only in development.
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(policy.get('style-src')).toContain(`'nonce-${nonce}'`);
    expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    const html = await response.text();
    const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test('API answers and built files get a policy with no inline script either', async ({ request }) => {
  const html = await (await request.get('/sign-in')).text();
  const chunk = /<script src="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  for (const path of ['/api/health', chunk as string]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const policy = parsePolicy(response.headers()['content-security-policy']);
    expect(policy.get('script-src'), path).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
    expect(response.headers()['x-frame-options']).toBe('DENY');
  }
});

test('markup injected into a page cannot run script', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // As an injection would arrive: markup with an inline event handler, without the response's nonce.
  await page.evaluate(() => {
    const holder = document.createElement('div');
    holder.innerHTML =
      '<img src="data:," onload="window.__injected = true" onerror="window.__injected = true">';
    document.body.append(holder);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations.join('\n')).toContain('script-src');
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
});

test('signing out revokes the session on the server: a copy of the cookie stops working', async ({
  browser,
}) => {
  // A sign-in of its own (not the specs' shared one): signing out ends every session of the user, and
  // signInAs then signs in afresh for later specs.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await submitSignInForm(page, getDemoUser('lead').email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  const copied = (await context.cookies()).filter((cookie) => /next-auth\.session-token/.test(cookie.name));
  expect(copied.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();

  // Someone who copied the cookie before the sign-out (another tab, a shared computer, a stolen cookie).
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  expect(await isSignedIn(thiefPage)).toBe(false);
  await thiefPage.goto('/specialties');
  await expect(thiefPage).toHaveURL((url) => url.pathname === '/sign-in');
  await thief.close();

  // Nor is it a session to next-auth's own endpoint (what next-auth's client, useSession and getSession read).
  await expectNoSessionFor(browser, copied);
});

test('a deactivated user’s copied cookie is no session anywhere, next-auth’s endpoint included', async ({
  browser,
  page,
}) => {
  // A user of this test's own (deactivating a demo user would lock later specs out), created by the admin.
  await signInAs(page, 'admin');
  const email = `deactivated-${Date.now()}@e2e.fulfil.nhs.uk`;
  const created = await page.request.post('/api/admin/users', {
    headers: SAME_ORIGIN,
    data: { email, name: 'E2E deactivated', password: DEMO_PASSWORD },
  });
  expect(created.status()).toBe(201);
  const userId = ((await created.json()) as { user: { id: number } }).user.id;

  const context = await browser.newContext();
  const userPage = await context.newPage();
  await userPage.goto('/sign-in');
  await submitSignInForm(userPage, email, DEMO_PASSWORD);
  await userPage.waitForURL((url) => url.pathname !== '/sign-in');
  const copied = (await context.cookies()).filter((cookie) => /next-auth\.session-token/.test(cookie.name));
  expect(copied.length).toBeGreaterThan(0);
  // Signed in, next-auth's endpoint names the user: the control for the refusal below.
  const before = await context.request.get('/api/auth/session');
  expect(await before.json()).toMatchObject({ userId });
  await context.close();

  const deactivated = await page.request.patch(`/api/admin/users/${userId}`, {
    headers: SAME_ORIGIN,
    data: { isActive: false },
  });
  expect(deactivated.status()).toBe(200);

  await expectNoSessionFor(browser, copied);
});

const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };

/**
 * A fresh browser holding `cookies` gets no session from next-auth's `GET /api/auth/session` (`{}`, as when
 * signed out), and next-auth clears the cookie it refused.
 */
async function expectNoSessionFor(browser: Browser, cookies: Cookie[]): Promise<void> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const response = await context.request.get('/api/auth/session');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({});
  expect((await context.cookies()).filter((cookie) => /next-auth\.session-token/.test(cookie.name))).toEqual(
    [],
  );
  await context.close();
}
