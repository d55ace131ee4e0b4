import { readFile } from 'node:fs/promises';
import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { type SignInRole, signInAs } from './sign-in';

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

async function pageAs(browser: Browser, role: SignInRole): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

/** The consultants the list page links to: [name, id]. */
async function listedConsultants(page: Page): Promise<[string, number][]> {
  await page.goto('/consultants');
  await expect(page.getByRole('heading', { level: 1, name: 'Consultants' })).toBeVisible();
  const links = page.locator('table a[href^="/consultants/"]');
  const count = await links.count();
  const result: [string, number][] = [];
  for (let index = 0; index < count; index++) {
    const link = links.nth(index);
    const href = (await link.getAttribute('href')) as string;
    result.push([(await link.textContent())?.trim() ?? '', Number(href.split('/').pop())]);
  }
  return result;
}

interface LedgerSession {
  date: string;
  period: string;
  outcome: string;
}

/** Slots whose first planned session (the cell's colour) was delivered, from the JSON route's ledger. */
function deliveredCells(sessions: LedgerSession[]): number {
  const first = new Map<string, string>();
  for (const session of sessions) {
    const key = `${session.date}|${session.period}`;
    if (session.outcome !== 'additional' && !first.has(key)) first.set(key, session.outcome);
  }
  return [...first.values()].filter((outcome) => outcome === 'delivered').length;
}

test('a consultant sees their own page named, with the ledger of the period in the calendar', async ({
  page,
}, testInfo) => {
  // A year of sessions is a large page for the accessibility checks, after a first sign-in through the form.
  test.slow();
  await signInAs(page, 'consultant');
  const listed = await listedConsultants(page);
  // Only themselves by name: anonymised peers are never listed.
  expect(listed).toHaveLength(1);
  const [name, id] = listed[0] as [string, number];
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/consultants/${id}$`));

  const from = await page.locator('#filter-from').inputValue();
  const to = await page.locator('#filter-to').inputValue();
  const response = await page.evaluate(
    async (url) => (await fetch(url)).json(),
    `/api/metrics/consultants/${id}?from=${from}&to=${to}&activity=all`,
  );
  const sessions = response.sessions as LedgerSession[];
  expect(sessions.length).toBeGreaterThan(0);

  const calendar = page.getByRole('region', { name: /Calendar of planned sessions/ });
  const cells = calendar.locator('[data-outcome]');
  const slots = new Set(sessions.map((session) => `${session.date}|${session.period}`));
  await expect(cells).toHaveCount(slots.size);
  await expect(calendar.locator('[data-outcome="delivered"]')).toHaveCount(deliveredCells(sessions));
  const additionalSlots = new Set(
    sessions.filter((session) => session.outcome === 'additional').map((s) => `${s.date}|${s.period}`),
  );
  await expect(calendar.locator('[data-additional="true"]')).toHaveCount(additionalSlots.size);

  // Every ledger session is in the table alternative, with its outcome (drawn when the disclosure opens).
  await expect(page.locator('details tr[data-outcome]')).toHaveCount(0);
  await page.getByText(/^Show the calendar as a table/).click();
  for (const outcome of ['delivered', 'hospital_cancelled', 'not_scheduled', 'additional']) {
    const expected = sessions.filter((session) => session.outcome === outcome).length;
    await expect(page.locator(`details tr[data-outcome="${outcome}"]`)).toHaveCount(expected);
  }

  // The headline fulfilment figure is the engine's.
  const fulfilment = response.consultant.fulfilmentNet as number | null;
  await expect(page.locator('[data-metric="fulfilmentNet"] [data-value]')).toHaveText(
    fulfilment === null ? 'Not available' : `${(fulfilment * 100).toFixed(1)}%`,
  );

  // A cell shows its details when focused.
  const firstCell = cells.first();
  await firstCell.focus();
  await expect(firstCell).toHaveAttribute('aria-label', /\d{2}\/\d{2}\/\d{4}/);

  await expect(page.getByRole('heading', { level: 2, name: 'Job plan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Lost sessions/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Trend' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: /Patients or cases per session in the specialty/ }),
  ).toBeVisible();

  await attachScreenshot(page, testInfo, 'consultant-own-page');
  await expectNoSeriousViolations(page);

  // Filters are in the URL: clinics only.
  await page.locator('#filter-activity').selectOption('clinic');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/activity=clinic/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('a consultant cannot open a peer’s page; the lead opens consultants in their specialty', async ({
  browser,
}, testInfo) => {
  const lead = await pageAs(browser, 'lead');
  const leadList = await listedConsultants(lead);
  expect(leadList.length).toBeGreaterThan(1);

  const consultant = await pageAs(browser, 'consultant');
  const [[ownName, ownId]] = (await listedConsultants(consultant)) as [[string, number]];
  expect(leadList.map(([, id]) => id)).toContain(ownId);
  const [peerName, peerId] = leadList.find(([, id]) => id !== ownId) as [string, number];

  await consultant.goto(`/consultants/${peerId}`);
  await expect(consultant.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(consultant.getByText(peerName)).toHaveCount(0);

  await lead.goto(`/consultants/${peerId}`);
  await expect(lead.getByRole('heading', { level: 1, name: peerName })).toBeVisible();
  await expect(
    lead
      .getByRole('region', { name: /Calendar of planned sessions/ })
      .locator('[data-outcome]')
      .first(),
  ).toBeVisible();
  await attachScreenshot(lead, testInfo, 'lead-views-consultant');
  await expectNoSeriousViolations(lead);

  await lead.goto(`/consultants/${ownId}`);
  await expect(lead.getByRole('heading', { level: 1, name: ownName })).toBeVisible();

  // Another specialty's consultant is not the lead's to see.
  const cardiologist = await pageAs(browser, 'consultant2');
  const [[, cardiologistId]] = (await listedConsultants(cardiologist)) as [[string, number]];
  await lead.goto(`/consultants/${cardiologistId}`);
  await expect(lead.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

  await Promise.all([lead.context().close(), consultant.context().close(), cardiologist.context().close()]);
});

test('an admin opens data quality, with each count and the rows behind it; a consultant cannot', async ({
  browser,
}, testInfo) => {
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/data-quality');
  await expect(admin.getByRole('heading', { level: 1, name: 'Data quality' })).toBeVisible();
  for (const [section, metricId] of [
    ['unknown', 'unknownConsultantSessions'],
    ['noPlan', 'sessionsWithoutPlan'],
    ['duplicates', 'duplicateSessions'],
    ['timestamps', 'missingTimestamps'],
  ] as const) {
    const panel = admin.locator(`[data-section="${section}"]`);
    await expect(panel.locator('[data-count]')).toHaveText(/^[\d,]+$/);
    await expect(panel.locator(`a[href="/definitions#${metricId}"]`)).toBeVisible();
  }
  // The demo trust plants sessions of unknown consultants: the rows name their source ids.
  const unknown = admin.locator('[data-section="unknown"]');
  expect(Number((await unknown.locator('[data-count]').textContent())?.replace(/,/g, ''))).toBeGreaterThan(0);
  await expect(unknown.locator('tbody tr').first()).toBeVisible();
  await attachScreenshot(admin, testInfo, 'data-quality');
  await expectNoSeriousViolations(admin);

  const consultant = await pageAs(browser, 'consultant');
  await consultant.goto('/data-quality');
  await expect(consultant.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await Promise.all([admin.context().close(), consultant.context().close()]);
});

test('the consultants list finds a consultant as one types, and passes the accessibility checks', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'lead');
  const listed = await listedConsultants(page);
  expect(listed.length).toBeGreaterThan(1);
  const [name] = listed[1] as [string, number];
  const surname = name.split(' ').at(-1) as string;
  const rows = page.locator('table tbody tr');
  await page.getByLabel('Find a consultant').fill(surname.toLowerCase());
  const matching = listed.filter(([other]) => other.toLowerCase().includes(surname.toLowerCase()));
  await expect(rows).toHaveCount(matching.length);
  await expect(rows.getByRole('link', { name })).toBeVisible();
  await expect(page.getByTestId('consultant-count')).toContainText(`of ${listed.length} match`);
  await page.getByLabel('Find a consultant').fill('no such consultant');
  await expect(rows).toHaveCount(0);
  await page.getByLabel('Find a consultant').fill('');
  await expect(rows).toHaveCount(listed.length);
  await attachScreenshot(page, testInfo, 'consultants-list');
  await expectNoSeriousViolations(page);
});

test('the lead downloads a consultant’s lost sessions, job plan and trend as CSV and XLSX', async ({
  page,
}, testInfo) => {
  test.slow();
  await signInAs(page, 'lead');
  const [, id] = (await listedConsultants(page))[0] as [string, number];
  await page.goto(`/consultants/${id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Job plan' })).toBeVisible({ timeout: 30_000 });
  // Every section has streamed in: no loading message is left.
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);

  async function download(section: string, button: RegExp, index = 0) {
    const region = page.locator(`section[aria-labelledby="${section}"]`);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: button }).nth(index).click(),
    ]);
    return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
  }

  const lostRows = await page.locator('section[aria-labelledby="lost-heading"] tbody tr').count();
  if (lostRows > 0) {
    const csv = await download('lost-heading', /Download CSV/);
    expect(csv.name).toMatch(/^fulfil-.*-lost-sessions-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.body.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Date,Period,Category,Activity,Outcome,Reason,Notice (days)');
    expect(lines).toHaveLength(lostRows + 1);
    const xlsx = await download('lost-heading', /Download XLSX/);
    expect(xlsx.name).toMatch(/\.xlsx$/);
    // An XLSX file is a zip archive.
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
  }

  const jobPlanLines = page
    .locator('section[aria-labelledby="job-plan-heading"] table')
    .first()
    .locator('tbody tr');
  if ((await jobPlanLines.count()) > 0) {
    const csv = await download('job-plan-heading', /Download CSV/);
    expect(csv.name).toMatch(/job-plan/);
    const lines = csv.body.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Activity,When,Specialty,PAs,Expected output,Weeks a year,Clinics or theatres');
    expect(lines).toHaveLength((await jobPlanLines.count()) + 1);
  } else {
    await expect(
      page.getByRole('heading', { name: 'No job plan recorded for this consultant' }),
    ).toBeVisible();
  }

  // The trend uses the shared SPC chart, with its data as a download.
  const trend = page.locator('section[aria-labelledby="trend-heading"]');
  await expect(trend.locator('.recharts-surface').first()).toBeVisible();
  const trendCsv = await download('trend-heading', /Download CSV/);
  expect(trendCsv.name).toMatch(/sessions-held-per-week/);
  expect(trendCsv.body.toString('utf8').split('\r\n')[0]).toBe(
    'Period starting,Value,Mean,Lower process limit,Upper process limit,Variation',
  );
  await attachScreenshot(page, testInfo, 'consultant-exports');
  await expectNoSeriousViolations(page);
});

test('a consultant recalculates their trend charts’ limits from a week, in the browser, kept in the URL', async ({
  page,
}) => {
  await signInAs(page, 'consultant');
  const [[name, id]] = (await listedConsultants(page)) as [[string, number]];
  await page.goto(`/consultants/${id}?period=last-4-weeks`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const trend = page.getByRole('region', { name: 'Trend' });
  // However short the period, the charts cover the year to its end, as the specialty's do.
  await expect(trend.locator('figcaption').filter({ hasText: /^Over the 52 whole weeks from/ })).toHaveCount(
    2,
  );
  const chooser = trend.getByLabel('Recalculate the limits from');
  await expect(chooser).toHaveValue('');
  await page.evaluate(() => {
    (window as unknown as { fulfilMarker: string }).fulfilMarker = 'still here';
  });
  const options = await chooser.locator('option').allTextContents();
  const middle = Math.floor(options.length / 2);
  await chooser.selectOption({ index: middle });
  await expect(page).toHaveURL(/limitsFrom=\d{4}-\d{2}-\d{2}/);
  const week = (options[middle] as string).match(/\d{2}\/\d{2}\/\d{4}/)?.[0] as string;
  // Both charts, sessions and patients, take the new limits.
  await expect(
    trend.locator('figcaption').filter({ hasText: `Limits recalculated from the week of ${week}` }),
  ).toHaveCount(2);
  // Redrawn in the page, not reloaded.
  expect(await page.evaluate(() => (window as unknown as { fulfilMarker?: string }).fulfilMarker)).toBe(
    'still here',
  );
  await expectNoSeriousViolations(page);
});

test('a consultant page warns at the top when no agreed job plan is in force, and not otherwise', async ({
  page,
}) => {
  await signInAs(page, 'admin');
  await page.goto('/');
  const summary = page.getByTestId('period-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  const from = (await summary.getAttribute('data-from')) as string;
  const to = (await summary.getAttribute('data-to')) as string;
  const response = await page.request.get(`/api/metrics/job-plan-currency?as_of=${to}`, {
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(200);
  const { notCurrent } = (await response.json()) as {
    notCurrent: { consultantId: number; status: string }[];
  };
  // The demo trust plants expired and missing job plans; the overview lists them, each linking to its page.
  const withoutPlan = notCurrent.find((row) => row.status === 'expired' || row.status === 'missing');
  if (!withoutPlan) throw new Error('the demo trust has no consultant without a plan in force');
  const listed = page.locator(`[data-job-plan-status] a[href="/consultants/${withoutPlan.consultantId}"]`);
  await page.locator('summary', { hasText: /^Consultants without a current job plan/ }).click();
  await expect(listed).toBeVisible();
  // One with a current plan: on the consultants list and not among those without.
  const notCurrentIds = new Set(notCurrent.map((row) => row.consultantId));
  const current = (await listedConsultants(page)).find(([, id]) => !notCurrentIds.has(id));
  if (!current) throw new Error('the demo trust has no consultant with a current plan');
  const title = withoutPlan.status === 'expired' ? 'Job plan expired' : 'No job plan recorded';
  await page.goto(`/consultants/${withoutPlan.consultantId}?from=${from}&to=${to}`);
  const banner = page.getByTestId('job-plan-banner');
  await expect(banner).toContainText(`${title} on ${to.slice(8)}/${to.slice(5, 7)}/${to.slice(0, 4)}`);
  // Above the headline figures it qualifies.
  const bannerBox = await banner.boundingBox();
  const tilesBox = await page.locator('[data-metric]').first().boundingBox();
  expect(bannerBox && tilesBox && bannerBox.y < tilesBox.y).toBe(true);
  await expectNoSeriousViolations(page);
  await page.goto(`/consultants/${current[1]}?from=${from}&to=${to}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Job plan' })).toBeVisible();
  await expect(page.getByTestId('job-plan-banner')).toHaveCount(0);
});
