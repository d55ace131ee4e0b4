import { expect, type Locator, type Page, type TestInfo, test } from '@playwright/test';
import { formatChange, formatMetricValue } from '@/components/charts/format-value';
import { baselineChange, isWhollyCovered } from '@/lib/shared/baseline-change';
import { describePeriod, yearsEarlier } from '@/lib/shared/periods';
import { expectNoSeriousViolations } from './accessibility';
import { signInAs } from './sign-in';

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

/** The period and activity the page says it shows. */
async function readPeriod(page: Page) {
  const summary = page.getByTestId('period-summary');
  await expect(summary).toBeVisible();
  return {
    from: (await summary.getAttribute('data-from')) as string,
    to: (await summary.getAttribute('data-to')) as string,
    activity: (await summary.getAttribute('data-activity')) as string,
  };
}

/** A metrics API answer for the page's own session (the routes accept same-origin requests only). */
async function getJson<T>(page: Page, path: string): Promise<T> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.get(path, { headers: { Origin: origin } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

interface Row {
  key: string;
  id: number | null;
  name: string;
  isAnonymised: boolean;
  fulfilmentNet: number | null;
  fulfilmentGross: number | null;
  casesPerSession: number | null;
  perSessionByCategory: Partial<
    Record<'clinic' | 'list', { heldSessions: number; casesPerSession: number | null }>
  >;
  lostSessions: number;
  additional: number;
  patientsPerWeek: number | null;
  opportunityPerWeek: { total: number };
}

async function checkOverview(page: Page, testInfo: TestInfo, role: string) {
  await page.goto('/');
  await expect(page.getByTestId('headline-tiles')).toBeVisible({ timeout: 30_000 });
  const { from, to, activity } = await readPeriod(page);
  // The trust, or the division the caller's view opens on (a director's own): the tiles and the table alike.
  const division = await page.getByTestId('period-summary').getAttribute('data-division');
  const within = division ? `&within_level=division&within_id=${division}` : '';
  const overview = division
    ? {
        trust: (
          await getJson<Report>(
            page,
            `/api/metrics/report?level=division&from=${from}&to=${to}&activity=${activity}${within}`,
          )
        ).rows[0] as Row,
        specialties: await getJson<Report>(
          page,
          `/api/metrics/report?level=specialty&from=${from}&to=${to}&activity=${activity}${within}`,
        ),
      }
    : await getJson<{ trust: Row; specialties: { rows: Row[] } }>(
        page,
        `/api/metrics/overview?from=${from}&to=${to}&activity=${activity}`,
      );
  await expect(page.getByTestId('tile-fulfilmentNet')).toHaveText(
    formatMetricValue('ratio', overview.trust.fulfilmentNet),
  );
  await expect(page.getByTestId('tile-fulfilmentGross')).toHaveText(
    formatMetricValue('ratio', overview.trust.fulfilmentGross),
  );
  // Clinics and lists together: patients per clinic session and cases per list apart, never one mixed figure.
  const held = (['clinic', 'list'] as const).filter(
    (category) => (overview.trust.perSessionByCategory[category]?.heldSessions ?? 0) > 0,
  );
  if (activity === 'all' && held.length === 2) {
    await expect(page.getByTestId('tile-casesPerSession')).toHaveCount(0);
    for (const category of held) {
      await expect(page.getByTestId(`tile-casesPerSession-${category}`)).toHaveText(
        formatMetricValue(
          'patientsPerSession',
          overview.trust.perSessionByCategory[category]?.casesPerSession,
        ),
      );
    }
  } else {
    await expect(page.getByTestId('tile-casesPerSession')).toHaveText(
      formatMetricValue('patientsPerSession', overview.trust.casesPerSession),
    );
  }
  await expect(page.getByTestId('tile-lostSessions')).toHaveText(
    formatMetricValue('sessions', overview.trust.lostSessions),
  );
  await expect(page.getByTestId('tile-additional')).toHaveText(
    formatMetricValue('sessions', overview.trust.additional),
  );
  await expect(page.getByTestId('tile-opportunityTotal')).toHaveText(
    formatMetricValue('patientsPerWeek', overview.trust.opportunityPerWeek.total),
  );
  await expect(page.getByTestId('tile-patientsPerWeek')).toHaveText(
    formatMetricValue('patientsPerWeek', overview.trust.patientsPerWeek),
  );
  // The specialty table is sorted by opportunity, and each row's numbers are the engine's, patients a week against
  // the same weeks a year earlier too.
  const expected = [...overview.specialties.rows].sort(
    (a, b) => b.opportunityPerWeek.total - a.opportunityPerWeek.total || a.name.localeCompare(b.name),
  );
  const baselinePeriod = yearsEarlier({ from, to });
  const baseline = await getJson<Report>(
    page,
    `/api/metrics/report?level=specialty&from=${baselinePeriod.from}&to=${baselinePeriod.to}&activity=${activity}${within}`,
  );
  expect(isWhollyCovered(baseline)).toBe(true);
  const baselineByKey = new Map(baseline.rows.map((row) => [row.key, row.patientsPerWeek]));
  const rows = page.locator('tr[data-specialty]');
  await expect(rows).toHaveCount(expected.length);
  for (const [index, row] of expected.entries()) {
    await expect(rows.nth(index).locator('[data-col="fulfilmentNet"]')).toHaveText(
      formatMetricValue('ratio', row.fulfilmentNet),
    );
    await expect(rows.nth(index).locator('[data-col="opportunity"]')).toHaveText(
      formatMetricValue('patientsPerWeek', row.opportunityPerWeek.total),
    );
    await expect(rows.nth(index).locator('[data-col="patientsPerWeek"]')).toHaveText(
      formatMetricValue('patientsPerWeek', row.patientsPerWeek),
    );
    await expect(rows.nth(index).locator('[data-col="baselineChange"]')).toHaveText(
      formatChange(baselineChange(row.patientsPerWeek, baselineByKey.get(row.key) ?? null)),
    );
  }
  // The extracts cover the baseline: every specialty with patients now has a change against it.
  expect(expected.some((row) => baselineByKey.get(row.key))).toBe(true);
  // The funnel needs two specialties (a consultant sees only their own).
  if (expected.length >= 2) {
    await expect(page.getByTestId('main-chart').locator('.recharts-surface').first()).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Data freshness' })).toBeVisible();
  // Each source with when it was last imported (the e2e database was set up today), dd/mm/yyyy in UK time.
  const clinics = page
    .getByRole('region', { name: 'Data freshness' })
    .getByRole('row', { name: /^Clinic sessions/ });
  await expect(clinics.getByRole('cell').last()).toHaveText(
    /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\s*(today|yesterday)$/,
  );
  await attachScreenshot(page, testInfo, `overview-${role}`);
  await expectNoSeriousViolations(page);
  return expected;
}

async function checkSpecialty(page: Page, testInfo: TestInfo, role: string, specialtyId: number) {
  await page.goto(`/specialties/${specialtyId}`);
  const { from, to, activity } = await readPeriod(page);
  const view = await getJson<{ specialty: Row; consultants: { rows: Row[] } }>(
    page,
    `/api/metrics/specialties/${specialtyId}?from=${from}&to=${to}&activity=${activity}`,
  );
  await expect(page.getByTestId('specialty-fulfilment')).toHaveText(
    formatMetricValue('ratio', view.specialty.fulfilmentNet),
  );
  // Patients or cases per session, per activity category: the page never compares clinics with lists.
  const categories = (['clinic', 'list'] as const).filter(
    (category) => (view.specialty.perSessionByCategory[category]?.heldSessions ?? 0) > 0,
  );
  expect(categories.length).toBeGreaterThan(0);
  for (const category of categories) {
    await expect(page.getByTestId(`specialty-cases-${category}`)).toHaveText(
      formatMetricValue(
        'patientsPerSession',
        view.specialty.perSessionByCategory[category]?.casesPerSession ?? null,
      ),
    );
  }
  // How the held sessions ran: clinics' slot use and DNAs, lists' utilisation and timings, the engine's figures.
  const figures = view.specialty as unknown as Record<string, number | null>;
  for (const [category, metricIds] of [
    ['clinic', ['slotUtilisation', 'dnaRate']],
    ['list', ['theatreUtilisationCapped', 'lateStart15', 'lateStartMeanMinutes', 'earlyFinish30']],
  ] as const) {
    if (!categories.includes(category)) continue;
    for (const metricId of metricIds) {
      const value = figures[metricId] ?? null;
      const text = formatMetricValue(metricId.endsWith('Minutes') ? 'minutes' : 'ratio', value);
      await expect(page.getByTestId(`productivity-${metricId}`)).toHaveText(
        metricId.endsWith('Minutes') && value !== null ? `${text} min` : text,
      );
    }
  }
  const rows = page.locator('tr[data-consultant]');
  await expect(rows).toHaveCount(view.consultants.rows.length, { timeout: 30_000 });
  for (const row of view.consultants.rows) {
    const onScreen = page.locator(`tr[data-consultant="${row.key}"]`);
    await expect(onScreen.locator('[data-col="fulfilmentNet"]')).toHaveText(
      formatMetricValue('ratio', row.fulfilmentNet),
    );
    for (const category of categories) {
      await expect(onScreen.locator(`[data-col="casesPerSession-${category}"]`)).toContainText(
        formatMetricValue('patientsPerSession', row.perSessionByCategory[category]?.casesPerSession ?? null),
      );
    }
    // Named consultants link to their page; anonymised ones have no link.
    await expect(onScreen.locator('th a')).toHaveCount(row.isAnonymised || row.id === null ? 0 : 1);
  }
  // Those whose job plan is not current on the period's last day are marked beside their name.
  const currency = await getJson<{ notCurrent: { consultantId: number; status: string }[] }>(
    page,
    `/api/metrics/job-plan-currency?as_of=${to}&within_level=specialty&within_id=${specialtyId}`,
  );
  const keyOf = new Map(view.consultants.rows.map((row) => [row.id, row.key]));
  const marked = currency.notCurrent.filter((row) => keyOf.has(row.consultantId));
  await expect(rows.locator('[data-plan-status]')).toHaveCount(marked.length);
  for (const row of marked) {
    await expect(
      page.locator(`tr[data-consultant="${keyOf.get(row.consultantId)}"] [data-plan-status]`),
    ).toHaveAttribute('data-plan-status', row.status);
  }
  await expect(page.getByTestId('main-chart').locator('.recharts-surface').first()).toBeVisible();
  await attachScreenshot(page, testInfo, `specialty-${role}`);
  await expectNoSeriousViolations(page);
  // A drill-down keeps the period: the consultant's page shows the row's own fulfilment.
  const named = view.consultants.rows.find(
    (row) => !row.isAnonymised && row.id !== null && row.fulfilmentNet !== null,
  );
  if (named) {
    await page.locator(`tr[data-consultant="${named.key}"] th a`).click();
    await expect(page).toHaveURL(new RegExp(`/consultants/${named.id}\\?from=${from}&to=${to}`));
    await expect(page.locator('[data-metric="fulfilmentNet"] [data-value]')).toHaveText(
      formatMetricValue('ratio', named.fulfilmentNet),
    );
    await page.goBack();
    await expect(rows).toHaveCount(view.consultants.rows.length, { timeout: 30_000 });
  }
  return view;
}

/** Names of ophthalmologists as the clinical lead sees them (named), to check a consultant sees none but their own. */
const leadNames: string[] = [];

test('the clinical lead sees the overview and the specialty with the engine’s numbers', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'lead');
  const specialties = await checkOverview(page, testInfo, 'lead');
  await expect(page.getByRole('region', { name: 'Your own figures' })).toHaveCount(0);
  // The lead's own specialty (Ophthalmology, 130): the others they see only as totals, with no consultants.
  const own = specialties.find((row) => row.key === '130');
  expect(own?.id).toEqual(expect.any(Number));
  const view = await checkSpecialty(page, testInfo, 'lead', own?.id as number);
  expect(view.consultants.rows.length).toBeGreaterThanOrEqual(3);
  expect(view.consultants.rows.every((row) => !row.isAnonymised)).toBe(true);
  leadNames.push(...view.consultants.rows.map((row) => row.name));
});

test('the divisional director sees the overview and a specialty with the engine’s numbers', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'director');
  const specialties = await checkOverview(page, testInfo, 'director');
  expect(specialties.length).toBeGreaterThan(1);
  const first = specialties.find((row) => row.id !== null);
  await checkSpecialty(page, testInfo, 'director', first?.id as number);
  // The filters live in the URL: another period is a shareable link.
  await page.getByLabel('Period').selectOption('last-4-weeks');
  await expect(page).toHaveURL(/period=last-4-weeks/);
  await expect(page.getByTestId('period-summary')).toHaveAttribute('data-from', /\d{4}-\d{2}-\d{2}/);
});

test('a consultant sees their specialty with peers anonymised and no peer names', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'consultant');
  const specialties = await checkOverview(page, testInfo, 'consultant');
  // Their own figures first: a way to their own page at the top of the overview.
  const ownFigures = page.getByRole('region', { name: 'Your own figures' }).getByRole('link');
  await expect(ownFigures).toHaveCount(1);
  await expect(ownFigures).toHaveAttribute('href', /^\/consultants\/\d+$/);
  const first = specialties.find((row) => row.id !== null);
  const view = await checkSpecialty(page, testInfo, 'consultant', first?.id as number);
  const named = view.consultants.rows.filter((row) => !row.isAnonymised);
  expect(named.length).toBeLessThanOrEqual(1);
  const body = await page.locator('main').textContent();
  const ownNames = new Set(named.map((row) => row.name));
  for (const name of leadNames.filter((candidate) => !ownNames.has(candidate))) {
    expect(body).not.toContain(name);
  }
});

test('a specialty outside the caller’s scope is not found', async ({ page }) => {
  await signInAs(page, 'lead');
  const response = await page.goto('/specialties/2147483647');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  // Inside the signed-in area's own shell: one header and one footer, not a second shell within it.
  await expect(page.locator('header')).toHaveCount(1);
  await expect(page.locator('footer')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Primary' })).toBeVisible();
  await expect(page.getByTestId('period-summary')).toHaveCount(0);
  await expect(page.locator('tr[data-consultant]')).toHaveCount(0);
});

interface Report {
  period: { from: string; to: string };
  coveredPeriod: { from: string; to: string } | null;
  rows: (Row & { division?: { id: number; name: string } })[];
}

/** Marks the page's window, so a later check can tell that a change did not reload the page. */
async function markWindow(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { fulfilMarker: string }).fulfilMarker = 'still here';
  });
}

async function expectSameWindow(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { fulfilMarker?: string }).fulfilMarker)).toBe(
    'still here',
  );
}

test('the director’s overview opens on their division; the whole trust and back, in the URL, without a reload', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'director');
  await page.goto('/');
  await expect(page.getByTestId('headline-tiles')).toBeVisible({ timeout: 30_000 });
  const { from, to, activity } = await readPeriod(page);
  // The options are the divisions whose totals the director may see: their own, Surgery, and no other.
  const divisions = await getJson<Report>(
    page,
    `/api/metrics/report?level=division&from=${from}&to=${to}&activity=${activity}`,
  );
  expect(divisions.rows.map((row) => row.name)).toEqual(['Surgery']);
  const surgery = divisions.rows[0] as Row & { id: number };
  const select = page.getByLabel('Division');
  await expect(select.locator('option')).toHaveText(['Whole trust', 'Surgery']);
  // Their own division first: the headline figures are of the same division as the specialties under them.
  await expect(select).toHaveValue(String(surgery.id));
  await expect(page.getByTestId('period-summary')).toHaveAttribute('data-division', String(surgery.id));
  const division = await getJson<Report>(
    page,
    `/api/metrics/report?level=division&from=${from}&to=${to}&activity=${activity}&within_level=division&within_id=${surgery.id}`,
  );
  const row = division.rows[0] as Row;
  const expectDivisionTiles = async () => {
    await expect(page.getByTestId('tile-fulfilmentNet')).toHaveText(
      formatMetricValue('ratio', row.fulfilmentNet),
    );
    await expect(page.getByTestId('tile-lostSessions')).toHaveText(
      formatMetricValue('sessions', row.lostSessions),
    );
    await expect(page.getByTestId('tile-opportunityTotal')).toHaveText(
      formatMetricValue('patientsPerWeek', row.opportunityPerWeek.total),
    );
  };
  await expectDivisionTiles();
  const specialties = await getJson<Report>(
    page,
    `/api/metrics/report?level=specialty&from=${from}&to=${to}&activity=${activity}&within_level=division&within_id=${surgery.id}`,
  );
  await expect(page.locator('tr[data-specialty]')).toHaveCount(specialties.rows.length);

  // The whole trust: its own numbers, fetched without a reload, and said in the URL.
  await markWindow(page);
  const refetched = page.waitForResponse((response) =>
    response.url().includes('/api/metrics/report?level=trust'),
  );
  await select.selectOption({ label: 'Whole trust' });
  await expect(page).toHaveURL(/division=all/);
  expect((await refetched).status()).toBe(200);
  await expect(page.getByTestId('period-summary')).toHaveAttribute('data-division', '');
  const trust = await getJson<Report>(
    page,
    `/api/metrics/report?level=trust&from=${from}&to=${to}&activity=${activity}`,
  );
  await expect(page.getByTestId('tile-fulfilmentNet')).toHaveText(
    formatMetricValue('ratio', (trust.rows[0] as Row).fulfilmentNet),
  );
  await expectSameWindow(page);

  // Back to the division: the default, so the URL no longer names one.
  await select.selectOption({ label: 'Surgery' });
  await expect(page).not.toHaveURL(/division=/);
  await expectDivisionTiles();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'overview-director-division');
  await expectNoSeriousViolations(page);

  // A shared link to the whole trust opens on it, painted first by the server.
  await page.goto('/?division=all');
  await expect(page.getByLabel('Division')).toHaveValue('');
  await expect(page.getByTestId('tile-fulfilmentNet')).toHaveText(
    formatMetricValue('ratio', (trust.rows[0] as Row).fulfilmentNet),
  );
});

test('the director compares patients a week with a baseline from the URL, and changes it without a reload', async ({
  page,
}) => {
  await signInAs(page, 'director');
  // Two years back is before the extracts start: offered because the link asks for it, and said to be missing.
  await page.goto('/?baseline=2');
  await expect(page.getByTestId('headline-tiles')).toBeVisible({ timeout: 30_000 });
  const { from, to, activity } = await readPeriod(page);
  const twoYears = describePeriod(yearsEarlier({ from, to }, 2));
  const oneYear = yearsEarlier({ from, to });
  const chooser = page.getByLabel('Baseline for patients a week');
  await expect(chooser).toHaveValue('2');
  await expect(chooser.locator('option')).toHaveText([
    `A year earlier (${describePeriod(oneYear)})`,
    `2 years earlier (${twoYears})`,
  ]);
  const tiles = page.getByTestId('headline-tiles');
  await expect(tiles).toContainText(`No baseline: the extracts do not cover all of ${twoYears}.`);
  await expect(page.locator('[data-col="baselineChange"]').first()).toHaveText('–');

  await markWindow(page);
  await chooser.selectOption({ index: 0 });
  await expect(page).not.toHaveURL(/baseline=/);
  // The director's view opens on their division: its baseline.
  const division = await page.getByTestId('period-summary').getAttribute('data-division');
  const unit = await getJson<Report>(
    page,
    `/api/metrics/report?level=division&from=${oneYear.from}&to=${oneYear.to}&activity=${activity}&within_level=division&within_id=${division}`,
  );
  const baselinePerWeek = (unit.rows[0] as Row).patientsPerWeek;
  await expect(tiles).toContainText(
    `Baseline ${formatMetricValue('patientsPerWeek', baselinePerWeek)} (${describePeriod(oneYear)})`,
  );
  await expect(
    page.getByText(`patients a week against the baseline, ${describePeriod(oneYear)}`),
  ).toBeVisible();
  await expectSameWindow(page);
  await expectNoSeriousViolations(page);
});

test('on a laptop, the wide specialty table scrolls sideways by keyboard and keeps each row’s name in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, 'executive');
  await page.goto('/');
  const region = page.getByRole('region', { name: 'Specialties by opportunity, scrolls sideways' });
  await expect(region.locator('tr[data-specialty]').first()).toBeVisible({ timeout: 30_000 });
  const widths = await region.evaluate((box) => ({ client: box.clientWidth, scroll: box.scrollWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
  // Scrolled to the end, the last column is in view, and so is the row's name beside it.
  await region.evaluate((box) => {
    box.scrollLeft = box.scrollWidth;
  });
  const boxOf = (locator: Locator) => locator.boundingBox() as Promise<{ x: number; width: number }>;
  const regionBox = await boxOf(region);
  const firstRow = region.locator('tr[data-specialty]').first();
  const name = await boxOf(firstRow.getByRole('rowheader'));
  const change = await boxOf(firstRow.locator('[data-col="baselineChange"]'));
  expect(name.x).toBeGreaterThanOrEqual(regionBox.x - 1);
  expect(change.x + change.width).toBeLessThanOrEqual(regionBox.x + regionBox.width + 1);
  await expectNoSeriousViolations(page);
});

test('a period the extracts do not cover says so, and which dates they do cover', async ({ page }) => {
  await signInAs(page, 'executive');
  await page.goto('/');
  await expect(page.getByTestId('headline-tiles')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('period-coverage')).toHaveCount(0);
  await page.goto('/?period=custom&from=2020-01-01&to=2020-03-31');
  await expect(page.getByTestId('period-coverage')).toHaveText(
    /^The extracts cover \d{2}\/\d{2}\/\d{4} to \d{2}\/\d{2}\/\d{4}: there is no activity in this period to show\.$/,
  );
  await expectNoSeriousViolations(page);
});

test('the executive sees every division in the filter; a division they cannot see in the URL is ignored', async ({
  page,
}) => {
  await signInAs(page, 'executive');
  await page.goto('/specialties?division=2147483647');
  const { from, to, activity } = await readPeriod(page);
  await expect(page.getByTestId('period-summary')).toHaveAttribute('data-division', '');
  const divisions = await getJson<Report>(
    page,
    `/api/metrics/report?level=division&from=${from}&to=${to}&activity=${activity}`,
  );
  expect(divisions.rows.length).toBeGreaterThan(1);
  await expect(page.getByLabel('Division').locator('option')).toHaveCount(divisions.rows.length + 1);
  const medicine = divisions.rows.find((row) => row.name === 'Medicine') as Row & { id: number };
  await page.getByLabel('Division').selectOption(String(medicine.id));
  const specialties = await getJson<Report>(
    page,
    `/api/metrics/report?level=specialty&from=${from}&to=${to}&activity=${activity}&within_level=division&within_id=${medicine.id}`,
  );
  await expect(page.locator('tr[data-specialty]')).toHaveCount(specialties.rows.length);
  for (const specialty of specialties.rows) {
    await expect(page.locator(`tr[data-specialty="${specialty.key}"] [data-col="fulfilmentNet"]`)).toHaveText(
      formatMetricValue('ratio', specialty.fulfilmentNet),
    );
  }
});

test('changing the activity on the specialty page refetches its numbers without reloading the page', async ({
  page,
}) => {
  await signInAs(page, 'lead');
  await page.goto('/');
  const own = page.locator('tr[data-specialty="130"] th a');
  const href = (await own.getAttribute('href')) as string;
  const specialtyId = Number(href.split('?')[0]?.split('/').pop());
  await page.goto(`/specialties/${specialtyId}`);
  await expect(page.locator('tr[data-consultant]').first()).toBeVisible({ timeout: 30_000 });
  await markWindow(page);
  await page.getByLabel('Activity').selectOption('clinic');
  await expect(page).toHaveURL(/activity=clinic/);
  const { from, to } = await readPeriod(page);
  await expect(page.getByTestId('period-summary')).toHaveAttribute('data-activity', 'clinic');
  const view = await getJson<{ specialty: Row; consultants: { rows: Row[] } }>(
    page,
    `/api/metrics/specialties/${specialtyId}?from=${from}&to=${to}&activity=clinic`,
  );
  await expect(page.getByTestId('specialty-fulfilment')).toHaveText(
    formatMetricValue('ratio', view.specialty.fulfilmentNet),
  );
  for (const row of view.consultants.rows) {
    await expect(page.locator(`tr[data-consultant="${row.key}"] [data-col="fulfilmentNet"]`)).toHaveText(
      formatMetricValue('ratio', row.fulfilmentNet),
    );
  }
  await expectSameWindow(page);
  // Back returns to all activity, from the cache.
  await page.goBack();
  await expect(page.getByTestId('period-summary')).toHaveAttribute('data-activity', 'all');
  await expectSameWindow(page);
  await expectNoSeriousViolations(page);
});

test('the lead recalculates the SPC limits from a chosen week: new limits after it, kept in the URL', async ({
  page,
}) => {
  await signInAs(page, 'lead');
  await page.goto('/');
  const href = (await page.locator('tr[data-specialty="130"] th a').getAttribute('href')) as string;
  await page.goto(`/specialties/${Number(href.split('?')[0]?.split('/').pop())}`);
  const spc = page.getByRole('region', { name: 'Week by week (SPC)' });
  const chooser = spc.getByLabel('Recalculate the limits from');
  await expect(chooser).toHaveValue('');
  // The distinct means in the first chart's table (row header the week, then value, mean, limits).
  const meanCount = async () => {
    // The table sits in a closed <details> (the chart's text alternative), so not by role.
    const means = await spc
      .locator('table')
      .first()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[1]?.textContent ?? ''));
    return new Set(means).size;
  };
  await expect.poll(meanCount).toBe(1);

  // A week half-way through the chart (its option text names it dd/mm/yyyy).
  const options = await chooser.locator('option').allTextContents();
  const middle = Math.floor(options.length / 2);
  await markWindow(page);
  await chooser.selectOption({ index: middle });
  await expect(page).toHaveURL(/limitsFrom=\d{4}-\d{2}-\d{2}/);
  const week = (options[middle] as string).match(/\d{2}\/\d{2}\/\d{4}/)?.[0] as string;
  await expect(spc.locator('figcaption').first()).toContainText(
    `Limits recalculated from the week of ${week}`,
  );
  // Two means now: one for the weeks before the change, one from it.
  await expect.poll(meanCount).toBe(2);
  await expectSameWindow(page);
  await expectNoSeriousViolations(page);
  // Another activity keeps the recalculation.
  await page.getByLabel('Activity').selectOption('clinic');
  await expect(page).toHaveURL(/activity=clinic/);
  await expect(page).toHaveURL(/limitsFrom=\d{4}-\d{2}-\d{2}/);
  await expect(spc.locator('figcaption').first()).toContainText(
    `Limits recalculated from the week of ${week}`,
  );

  // The link keeps the choice; "No change" takes it away.
  await page.reload();
  await expect(spc.getByLabel('Recalculate the limits from')).toHaveValue(/\d{4}-\d{2}-\d{2}/);
  await expect.poll(meanCount).toBe(2);
  await spc.getByLabel('Recalculate the limits from').selectOption('');
  await expect(page).not.toHaveURL(/limitsFrom/);
  await expect.poll(meanCount).toBe(1);
});
