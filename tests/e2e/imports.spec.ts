import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { signInAs } from './sign-in';

const FIXTURES = path.resolve('tests/fixtures/e2e');

/** A fixture as Playwright uploads it: from a buffer, as a browser would hold a chosen file. */
async function fixture(name: string) {
  return { name, mimeType: 'text/csv', buffer: await readFile(path.join(FIXTURES, name)) };
}

/** The cells of each body row of a table, as text. */
async function bodyRows(page: Page, tableName: RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name: tableName });
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? '')),
    );
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'admin');
});

test('upload a leave file with errors, see them, fix the file, check it, import it, and find it in the history', async ({
  page,
}) => {
  await page.goto('/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();

  await page.getByRole('radio', { name: 'Leave', exact: true }).check();
  await page.getByLabel('File to import').setInputFiles(await fixture('leave-with-errors.csv'));

  // The browser reads the header and first rows: aliases are recognised, and the rows are previewed.
  await expect(page.getByLabel('Imported as, for the column “GMC Code”')).toHaveValue('gmc_number');
  await expect(page.getByLabel('Imported as, for the column “Absence Type”')).toHaveValue('leave_type');
  await expect(page.getByText('Every required column is present.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'The first 4 rows of your file' })).toContainText(
    '31/02/2016',
  );

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Status: Rejected' })).toBeVisible();
  const errors = await bodyRows(page, /^Errors \(3\)/);
  expect(errors).toEqual([
    ['3', 'start_date', '31/02/2016', expect.stringMatching(/31\/02\/2016|not a real date|February/i)],
    ['4', expect.any(String), expect.any(String), expect.stringMatching(/before/i)],
    ['5', 'leave_type', 'holiday', expect.stringMatching(/expected one of annual/)],
  ]);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download errors as CSV' }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('row,column,value,severity,message');
  expect(csv).toContain('5,leave_type,holiday,error,');

  // The corrected file: checked first (nothing changes), then imported.
  await page.getByLabel('File to import').setInputFiles(await fixture('leave-corrected.csv'));
  await expect(page.getByRole('heading', { name: /^Status:/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Check only (dry run)' }).click();
  await expect(page.getByRole('heading', { name: 'Status: Checked only (dry run)' })).toBeVisible();

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Status: Committed' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Committed.' })).toBeAttached();
  const [counts] = await bodyRows(page, /^Rows$/);
  expect(counts).toEqual(['4', '4', '0', '0', '0', '0']);
  const summary = page.getByRole('region', { name: 'Status: Committed' });
  await expect(summary.getByRole('definition').filter({ hasText: '22/02/2016 to 08/03/2016' })).toBeVisible();
  // GMC numbers not in the consultant list are kept, and reported as warnings.
  await expect(page.getByRole('table', { name: /^Warnings/ })).toContainText('9900001');

  const history = page.getByRole('region', { name: 'Import history table' });
  await expect(history.getByRole('row').filter({ hasText: 'leave-corrected.csv' }).first()).toContainText(
    'Committed',
  );
  await expect(history.getByRole('row').filter({ hasText: 'leave-with-errors.csv' })).toContainText(
    'Rejected',
  );
  const freshness = page.getByRole('region', { name: 'Data freshness by source' });
  await expect(freshness.getByRole('row', { name: /^Leave/ })).toContainText('leave-corrected.csv');

  await expectNoSeriousViolations(page);
});

test('the formats page lists every kind with its columns and a template to download', async ({
  page,
  request,
}) => {
  await page.goto('/imports');
  await page.getByRole('link', { name: 'Import formats and templates' }).first().click();
  await expect(page).toHaveURL(/\/imports\/formats$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Import formats' })).toBeVisible();

  const columns = page.getByRole('table', { name: 'Clinic sessions: columns' });
  await expect(columns.getByRole('row', { name: /^session_id/ })).toContainText('Session ID');
  await expect(columns.getByRole('row', { name: /^session_date/ })).toContainText('YYYY-MM-DD or dd/mm/yyyy');

  const template = page.getByRole('link', { name: 'Download the leave template (CSV)' });
  const response = await request.get((await template.getAttribute('href')) ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toBe('attachment; filename="fulfil-leave-template.csv"');
  expect((await response.text()).replace(/^\uFEFF/, '')).toMatch(/^gmc_number,start_date,end_date,/);
});

for (const pathname of ['/imports', '/imports/formats']) {
  test(`${pathname} has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(pathname);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /system status/i })).not.toContainText(
      'Checking',
    );
    await expectNoSeriousViolations(page);
  });
}
