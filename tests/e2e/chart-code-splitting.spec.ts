import { expect, test } from '@playwright/test';
import { signInAs } from './sign-in';

/**
 * recharts is most of a dashboard page's JavaScript (≈ 130 kB gzip). It is not needed before the page is
 * interactive: the main chart is on screen as SVG from the server, and the charts load recharts on demand when
 * they are drawn (components/charts/chart-drawings.ts). Here the script that holds recharts is held back until
 * the test lets it through: the page's HTML must not name it (so hydration does not wait for it), the server's
 * drawing stays on screen meanwhile, and the interactive chart replaces it once the script arrives.
 */
test('the overview hydrates without recharts, then draws its charts with it', async ({ page }) => {
  await signInAs(page, 'executive');
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const heldBack: string[] = [];
  await page.route('**/_next/static/**/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    // recharts' SVG surface's class name is a string in its code.
    if (body.includes('recharts-surface')) {
      heldBack.push(new URL(route.request().url()).pathname);
      await released;
    }
    await route.fulfill({ response, body });
  });

  const document = await page.goto('/', { waitUntil: 'commit' });
  const html = (await document?.text()) ?? '';
  const mainChart = page.getByTestId('main-chart');
  await expect(mainChart.locator('svg.static-funnel')).toBeVisible();
  // The chart asks for its drawing code once the page has hydrated (or the HTML named it, which it must not).
  await expect.poll(() => heldBack.length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(heldBack.filter((path) => html.includes(path))).toEqual([]);
  // While recharts is on its way, the server's drawing stays on screen.
  await expect(mainChart.locator('svg.static-funnel')).toBeVisible();
  await expect(mainChart.locator('.recharts-surface')).toHaveCount(0);

  release();
  await expect(mainChart.locator('.recharts-surface').first()).toBeVisible();
  await expect(mainChart.locator('svg.static-funnel')).toHaveCount(0);
});

test('a page without charts loads no recharts', async ({ page }) => {
  await signInAs(page, 'executive');
  const scripts: Promise<boolean>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      scripts.push(
        response
          .body()
          .then((body) => body.includes('recharts-surface'))
          .catch(() => false),
      );
  });
  await page.goto('/definitions');
  await page.waitForLoadState('networkidle');
  expect(await Promise.all(scripts)).not.toContain(true);
});
