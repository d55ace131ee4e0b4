import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { WCAG_TAGS } from './accessibility';
import { signInAs } from './sign-in';

/** The primary navigation, in order: the label of each link and the path it opens. */
const PAGES = [
  { label: 'Overview', path: '/' },
  { label: 'Specialties', path: '/specialties' },
  { label: 'Consultants', path: '/consultants' },
  { label: 'Reviews', path: '/reviews' },
  { label: 'Actions', path: '/actions' },
  { label: 'Imports', path: '/imports' },
  { label: 'Data quality', path: '/data-quality' },
  { label: 'Definitions', path: '/definitions' },
  { label: 'Admin', path: '/admin' },
] as const;

function getPrimaryNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Primary' });
}

function getSystemStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /system status/i });
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'admin');
});

test('the banner shows the Fulfil wordmark', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('banner')).toContainText('Fulfil');
});

test('every primary navigation link opens its page and is marked as the current page', async ({ page }) => {
  await page.goto('/');
  const navigation = getPrimaryNavigation(page);
  await expect(navigation.getByRole('link')).toHaveText(PAGES.map((item) => item.label));

  for (const { label, path } of PAGES) {
    const link = navigation.getByRole('link', { name: label, exact: true });
    await link.click();
    await expect(page).toHaveURL((url) => url.pathname === path);
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(navigation.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  }
});

test('a consultant’s navigation holds only what their role allows, and signing out ends the session', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, 'consultant');
  await page.goto('/');
  await expect(getPrimaryNavigation(page).getByRole('link')).toHaveText([
    'Overview',
    'Specialties',
    'Consultants',
    'Reviews',
    'Actions',
    'Definitions',
  ]);
  await expect(page.getByRole('banner')).toContainText('Consultant');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/imports');
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test('the footer reports the system status as OK', async ({ page }) => {
  await page.goto('/');
  await expect(getSystemStatus(page)).toContainText('System status: OK');
  await expect(getSystemStatus(page)).toContainText(/migrations (\d+)\/\1/);
});

test('the skip link takes keyboard users to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main-content')).toBeFocused();
});

for (const { label, path } of PAGES) {
  test(`${label} (${path}) has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Let the status line settle so that the audit sees the page as a reader would.
    await expect(getSystemStatus(page)).not.toContainText('Checking');

    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const blocking = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
    expect(blocking).toEqual([]);
  });
}
