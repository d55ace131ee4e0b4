import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { signInAs } from './sign-in';

/**
 * The admin pages (issue 5, parts 3 and 4): an administrator manages a user, an API token and a parameter and finds
 * each change in the audit log; every admin page passes axe; other roles find no admin pages at all.
 */

const ADMIN_PAGES = ['/admin', '/admin/users', '/admin/api-tokens', '/admin/parameters', '/admin/audit-log'];

/** The form's error summary (Next's route announcer is an alert too). */
function errorSummary(page: Page) {
  return page.getByRole('alert', { name: 'There is a problem' });
}

/** Chooses the option of a select whose text contains `text`. */
async function selectOptionContaining(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value ?? '');
}

/** The cells of each body row of the page's (first) table, as text. */
async function bodyRows(page: Page): Promise<string[][]> {
  return page
    .locator('table tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? '')),
    );
}

test('an administrator creates a user, gives them a role, creates and revokes a token, changes a parameter, and finds it all in the audit log', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAs(page, 'admin');
  const suffix = Date.now().toString(36);
  const name = `Priya Shah ${suffix}`;
  const email = `priya.shah.${suffix}@nhs.net`;
  const tokenName = `Nightly PAS drop ${suffix}`;

  // The index leads to each admin page.
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

  // Creating a user: a mistake first, then a generated password shown once.
  await page.getByRole('button', { name: 'Create user' }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter a name');
  await summary.getByRole('link', { name: 'Enter a name' }).click();
  await expect(page.getByLabel('Full name')).toBeFocused();

  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Create user' }).click();
  const secret = page.getByRole('region', { name: `Password for ${name}` });
  await expect(secret).toBeFocused();
  await expect(secret).toContainText('it will not be shown again');
  const password = await secret.getByRole('textbox').inputValue();
  expect(password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
  await secret.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(secret.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);

  const usersTable = page.getByRole('table', { name: 'Users of the trust' });
  await expect(usersTable.getByRole('row', { name: new RegExp(name) })).toContainText(
    'No role: sees nothing',
  );
  await expectNoSeriousViolations(page);

  // The user's page: give them a clinical-lead role for Ophthalmology.
  await page.getByRole('link', { name: `Give ${name} a role` }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Give role' }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page)).toContainText('Choose a role');
  await page.getByRole('radio', { name: 'Clinical lead / service manager' }).check();
  await page.getByRole('button', { name: 'Give role' }).click();
  await expect(errorSummary(page)).toContainText('Choose the specialty this clinical lead covers');
  await selectOptionContaining(page, 'Specialty', 'Ophthalmology');
  await page.getByRole('button', { name: 'Give role' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Role given' })).toHaveText(
    /^Role given: Clinical lead \/ service manager — Ophthalmology/,
  );
  await expect(page.getByRole('table', { name: `Roles of ${name}` })).toContainText('Ophthalmology');
  await expectNoSeriousViolations(page);

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Users' }).click();
  await expect(usersTable.getByRole('row', { name: new RegExp(name) })).toContainText(
    'Clinical lead / service manager — Ophthalmology',
  );

  // An API token: shown once with a warning, then revoked.
  await page.goto('/admin/api-tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await page.getByLabel('Name').fill(tokenName);
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = page.getByRole('region', { name: `API token “${tokenName}”` });
  await expect(token).toContainText('Copy it now: it will not be shown again.');
  await expect(token.getByRole('textbox')).toHaveValue(/^ful_[A-Z0-9]+_[A-Za-z0-9_-]{43}$/);
  const tokenRow = page
    .getByRole('table', { name: 'API tokens' })
    .getByRole('row', { name: new RegExp(tokenName) });
  await expect(tokenRow).toContainText('Active');
  await expectNoSeriousViolations(page);
  await tokenRow.getByRole('button', { name: `Revoke the token ${tokenName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is revoked' })).toBeVisible();
  await expect(tokenRow).toContainText('Revoked');
  await expect(tokenRow.getByRole('button')).toHaveCount(0);

  // A parameter: a value out of range is refused, a good one saved.
  await page.goto('/admin/parameters');
  await expect(page.getByRole('heading', { level: 1, name: 'Trust parameters' })).toBeVisible();
  await expect(page.getByText('Changing it rebuilds the session ledger')).toBeVisible();
  const target = page.getByLabel('Fulfilment target (%)');
  await expect(target).toHaveValue('95');
  await target.fill('150');
  await page.getByRole('button', { name: 'Save parameters' }).click();
  await expect(errorSummary(page)).toContainText('The fulfilment target must be from 50% to 100%');
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await target.fill('90');
  await page.getByRole('button', { name: 'Save parameters' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Parameters saved' })).toContainText(
    'Changed: Fulfilment target.',
  );
  await expectNoSeriousViolations(page);

  // The audit log: each change, filtered in the URL, and as CSV.
  await page.goto('/admin/audit-log');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const events = await bodyRows(page);
  const actions = events.map((cells) => cells[1] ?? '');
  for (const action of [
    'User created',
    'Role assigned',
    'API token created',
    'API token revoked',
    'Trust parameters changed',
  ]) {
    expect(
      actions.some((cell) => cell.startsWith(action)),
      action,
    ).toBe(true);
  }
  expect(events[0]?.[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  expect(events.find((cells) => cells[1]?.startsWith('Trust parameters changed'))?.[4]).toContain(
    'fulfilmentTarget: 0.95 → 0.9',
  );
  await expectNoSeriousViolations(page);

  // A page at a time: previous and next keep the page in the URL, and a page past the end leads back to the first.
  await page.goto('/admin/audit-log?pageSize=2');
  const pages = page.getByRole('navigation', { name: 'Pages of events' });
  await expect(pages).toContainText(/Page 1 of \d+/);
  await pages.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\/admin\/audit-log\?page=2&pageSize=2$/);
  await expect(page.getByText(/^Showing events 3 to 4 of \d+/)).toBeVisible();
  await expect(pages).toContainText(/Page 2 of \d+/);
  await pages.getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(/\/admin\/audit-log\?pageSize=2$/);
  await expect(page.getByText(/^Showing events 1 to 2 of \d+/)).toBeVisible();
  await page.goto('/admin/audit-log?page=9999&pageSize=2');
  await expect(page.getByText('No events on this page')).toBeVisible();
  await expect(page.getByText(/^There is no page 9,999: \d+ events fit on \d+ pages\./)).toBeVisible();
  await expect(page.getByText(/^Showing events/)).toHaveCount(0);
  await page.getByRole('link', { name: 'Go to the first page' }).click();
  await expect(page).toHaveURL(/\/admin\/audit-log\?pageSize=2$/);
  await expect(page.getByText(/^Showing events 1 to 2 of \d+/)).toBeVisible();

  await page.goto('/admin/audit-log');
  await page.getByLabel('What happened').selectOption('user.created');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/admin\/audit-log\?action=user\.created$/);
  await expect(page.getByText(/^Showing events 1 to \d+ of \d+/)).toBeVisible();
  const created = await bodyRows(page);
  expect(new Set(created.map((cells) => cells[1]))).toEqual(new Set(['User createduser.created']));
  expect(created.some((cells) => cells[4]?.includes(email))).toBe(true);

  // Dates are typed as dd/mm/yyyy and kept in the URL as ISO dates.
  await page.getByLabel('From').fill('31/02/2026');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(errorSummary(page)).toContainText('Enter the “From” date as dd/mm/yyyy');
  const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).format(new Date());
  const [day, month, year] = today.split('/');
  await page.getByLabel('From').fill(today);
  await page.getByLabel('To').fill(today);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(
    new RegExp(`\\?from=${year}-${month}-${day}&to=${year}-${month}-${day}&action=user\\.created$`),
  );
  await expect(page.getByText(/^Showing events 1 to \d+ of \d+/)).toBeVisible();
  expect((await bodyRows(page)).some((cells) => cells[4]?.includes(email))).toBe(true);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download CSV/ }).click();
  const csv = (await readFile((await (await download).path()) ?? '', 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe(
    'id,occurred_at_london,occurred_at_utc,action,actor_type,actor_id,actor_name,actor_email,entity_type,entity_id,details,ip_address',
  );
  expect(lines.slice(1).every((line) => line.includes(',user.created,'))).toBe(true);
  expect(csv).toContain(email);

  // The filters survive a reload (they are in the URL), and the export was itself recorded.
  await page.goto('/admin/audit-log?action=audit.exported');
  await expect(page.getByLabel('What happened')).toHaveValue('audit.exported');
  expect((await bodyRows(page))[0]?.[1]).toBe('Audit log exportedaudit.exported');

  // Leave the parameter as the other specs expect it.
  await page.goto('/admin/parameters');
  await page.getByLabel('Fulfilment target (%)').fill('95');
  await page.getByRole('button', { name: 'Save parameters' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Parameters saved' })).toBeVisible();
});

test('an administrator sets a cases-per-session target, finds it in the audit log, and removes it', async ({
  page,
}) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/parameters');
  const panel = page.getByRole('region', { name: 'Cases per session targets' });
  await expect(panel.getByText('No targets set')).toBeVisible();
  await panel.getByRole('button', { name: 'Save target' }).click();
  await expect(errorSummary(page)).toContainText('Enter the target as a number');
  await expect(errorSummary(page)).toContainText('Enter where the target comes from');

  // Ophthalmology: treatment function 130, whatever the demo trust calls it.
  const specialty = panel.getByLabel('Specialty');
  const ophthalmology = specialty.locator('option', { hasText: '(130)' });
  const specialtyName = ((await ophthalmology.textContent()) ?? '').replace(' (130)', '');
  await specialty.selectOption((await ophthalmology.getAttribute('value')) ?? '');
  await panel.getByLabel('Activity').selectOption('list');
  await panel.getByLabel('Patients or cases per session').fill('10');
  await panel.getByLabel('Source', { exact: true }).fill('GIRFT ophthalmology');
  await panel.getByRole('button', { name: 'Save target' }).click();
  const applies = `${specialtyName}, theatre and endoscopy lists`;
  await expect(page.getByRole('status').filter({ hasText: 'Target saved' })).toContainText(applies);
  const row = panel.getByRole('row', { name: new RegExp(`^${applies}`) });
  await expect(row).toContainText('GIRFT ophthalmology');
  await expectNoSeriousViolations(page);

  await page.goto('/admin/audit-log?action=metric_target.set');
  const [event] = await bodyRows(page);
  expect(event?.[1]).toBe('Metric target setmetric_target.set');

  // Leave the benchmarks as the other specs expect them.
  await page.goto('/admin/parameters');
  await page.getByRole('button', { name: `Remove the target for ${applies}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is removed' })).toBeVisible();
  await expect(panel.getByText('No targets set')).toBeVisible();
});

test('every admin page passes axe (no serious or critical violations)', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/users');
  const firstUser = page.getByRole('table', { name: 'Users of the trust' }).getByRole('link').first();
  const userPath = await firstUser.getAttribute('href');
  for (const path of [...ADMIN_PAGES, userPath ?? '/admin/users']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  }
});

test('a page opened with bad filters in its URL says what is wrong with them', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/audit-log?from=2026-02-30');
  await expect(errorSummary(page)).toContainText('"from" must be a date as YYYY-MM-DD');
});

for (const role of ['lead', 'consultant', 'executive'] as const) {
  test(`a ${role} finds no admin pages, and the admin API refuses them`, async ({ page }) => {
    await signInAs(page, role);
    for (const path of [...ADMIN_PAGES, '/admin/users/1']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    }
    const statuses = await page.evaluate(async () =>
      Promise.all(
        ['/api/admin/users', '/api/admin/api-tokens', '/api/admin/parameters', '/api/admin/audit-events'].map(
          async (path) => (await fetch(path)).status,
        ),
      ),
    );
    expect(statuses).toEqual([403, 403, 403, 403]);
  });
}
