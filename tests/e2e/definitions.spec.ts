import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { signInAs } from './sign-in';

/** A metric's entry, found by the anchor other pages link to. */
function getMetric(page: Page, id: string) {
  return page.locator(`article#${id}`);
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'admin');
});

test('the Definitions page shows each metric with its formula, direction and target', async ({ page }) => {
  await page.goto('/definitions');
  await expect(page.getByRole('heading', { level: 1, name: 'Definitions' })).toBeVisible();

  for (const group of [
    'Sessions and fulfilment',
    'Productivity',
    'Theatre and endoscopy lists',
    'Opportunity',
    'Workload balance',
    'Job plans and data quality',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: group })).toBeVisible();
  }

  const fulfilment = getMetric(page, 'fulfilmentNet');
  await expect(fulfilment.getByRole('heading', { level: 3 })).toHaveText('Session fulfilment (net)');
  await expect(fulfilment).toContainText('Delivered ÷ expected sessions net of leave.');
  await expect(fulfilment).toContainText('Higher is better');
  await expect(fulfilment).toContainText(/Default target\s*95%/);
  await expect(fulfilment).toContainText(/Target in force\s*95%/);

  const dnaRate = getMetric(page, 'dnaRate');
  await expect(dnaRate.getByRole('heading', { level: 3 })).toHaveText('DNA rate');
  await expect(dnaRate).toContainText('Did not attend (code 3)');
  await expect(dnaRate).toContainText('Lower is better');

  const utilisation = getMetric(page, 'theatreUtilisationCapped');
  await expect(utilisation).toContainText('85%');
  await expect(utilisation).toContainText('GIRFT');

  await expect(getMetric(page, 'plannedSessions')).toContainText('Neither higher nor lower is better');

  const rules = page.getByRole('region', { name: 'How the session ledger is built' });
  await expect(rules).toContainText('Half-day leave');
  await expect(rules).toContainText('Bank holidays');
  const charts = page.getByRole('region', { name: 'How the charts are read' });
  await expect(charts).toContainText('mean ± 2.66 × the mean moving range');
  await expect(charts).toContainText('recalculating the limits after a change');
  await expect(charts).toContainText('over-dispersion');

  await expectNoSeriousViolations(page);
});

test('the Definitions page shows the parameters in force and the dates the ledger covers', async ({
  page,
}) => {
  await page.goto('/definitions');
  const parameters = page.getByRole('region', { name: 'Parameters in force' });
  // The demo trust keeps the metric dictionary's defaults.
  for (const [label, value] of [
    ['Leave-notice threshold', '42 days'],
    ['Fulfilment target', '95%'],
    ['DNA includes code 7', 'Yes'],
    ['Benchmark minimum held sessions', '10 held sessions'],
    ['Over-delivery threshold', '110%'],
    ['Under-delivery threshold', '80%'],
    ['Sustained for', '3 months'],
    ['Job plan review interval', '12 months'],
  ] as const) {
    const row = parameters.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) });
    await expect(row.locator('dd strong')).toHaveText(value);
  }

  const coverage = parameters.getByRole('table', { name: 'Dates the session ledger covers' });
  for (const activity of ['Outpatient clinics', 'Theatre and endoscopy lists']) {
    const row = coverage.getByRole('row').filter({ has: page.getByRole('rowheader', { name: activity }) });
    await expect(row.getByRole('cell')).toHaveText([/^\d{2}\/\d{2}\/\d{4}$/, /^\d{2}\/\d{2}\/\d{4}$/]);
  }
});

test('a link to /definitions#<metric> lands on that metric', async ({ page }) => {
  await page.goto('/definitions#casesPerSession');
  const metric = getMetric(page, 'casesPerSession');
  await expect(metric).toBeInViewport();
  await expect(metric).toContainText('Patients attended (clinics) or cases done (lists) ÷ held sessions');
  expect(await metric.evaluate((element) => element.matches(':target'))).toBe(true);

  await page.getByRole('link', { name: 'Workload balance' }).click();
  await expect(page).toHaveURL(/#metrics-balance$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Workload balance' })).toBeInViewport();
});
